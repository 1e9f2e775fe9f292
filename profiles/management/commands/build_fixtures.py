"""Build fixtures/nsp.json from the NSP texts in fixtures/nsp/."""

import sys

from django.core.management.base import BaseCommand

from profiles.fixtures import FIXTURE_PATH, TEXTS_DIR, build_fixture
from profiles.importer import ImportFailed


class Command(BaseCommand):
    help = f"Build {FIXTURE_PATH.name} from the NSP texts in {TEXTS_DIR} (natural keys)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with status 1 if the committed fixture is out of date; write nothing.",
        )

    def handle(self, *args, check, **options):
        try:
            fixture = build_fixture()
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(error)
            sys.exit(1)
        current = FIXTURE_PATH.read_text(encoding="utf-8") if FIXTURE_PATH.exists() else ""
        if check:
            if current != fixture:
                self.stderr.write(f"{FIXTURE_PATH} is out of date: run manage.py build_fixtures")
                sys.exit(1)
            self.stdout.write(f"{FIXTURE_PATH} is up to date.")
            return
        if current == fixture:
            self.stdout.write(f"{FIXTURE_PATH} is already up to date.")
            return
        FIXTURE_PATH.write_text(fixture, encoding="utf-8")
        self.stdout.write(f"Wrote {FIXTURE_PATH}.")
