"""Compute the similar occupations and the "Co umím" totals again from the catalogue."""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction

from careers.services import compute, load_catalogue, recompute_careers, stored_rows


class Command(BaseCommand):
    help = (
        "Compute every profile's similar occupations and competence totals again and store "
        "them (the import and the admin do it themselves; run this after any other change "
        "to what profiles require, e.g. from the shell)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with status 1 if what is stored differs from what the profiles give "
            "now; write nothing.",
        )

    def handle(self, *args, check, verbosity, **options):
        if check:
            if stored_rows() != compute(load_catalogue()):
                self.stderr.write(
                    "The stored similar occupations are out of date: run "
                    "manage.py recompute_careers"
                )
                sys.exit(1)
            if verbosity >= 1:
                self.stdout.write("The stored similar occupations are up to date.")
            return
        with transaction.atomic():
            count = recompute_careers()
        if verbosity >= 1:
            self.stdout.write(f"Similar occupations computed for {count} profiles.")
