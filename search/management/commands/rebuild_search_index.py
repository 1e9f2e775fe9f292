"""Build the search index of the current data and store it for every process."""

import time

from django.core.management.base import BaseCommand

from search import engine


class Command(BaseCommand):
    help = (
        "Build the search index from the profiles in the database and store it, so that "
        "every process and server loads it. The import and the admin do this themselves; "
        "run it after changing the data by other means, or the search's language rules."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        index = engine.rebuild()
        self.stdout.write(
            f"Search index of {len(index.pks)} profiles, {len(index.term_ids)} terms, "
            f"built in {time.perf_counter() - started:.1f} s."
        )
