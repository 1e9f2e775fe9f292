"""Import NSP profile exports into the database: all files or none."""

import os
import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from profiles.importer import ImportFailed, import_profiles, parse_paths, profile_count

PROGRESS_THRESHOLD = 50  # files; smaller batches finish before a bar would help


class Command(BaseCommand):
    help = (
        "Parse NSP profile exports (files, or folders of *.txt), then write them in one "
        "transaction: all files or none. Re-importing unchanged files changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, *args, paths, dry_run, verbosity, **options):
        try:
            progress = self.progress_bar() if profile_count(paths) >= PROGRESS_THRESHOLD else None
            profiles = parse_paths(paths, progress=progress)
            report = import_profiles(profiles, dry_run=dry_run)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(error)
            self.stderr.write("Nothing was imported.")
            sys.exit(1)
        except DatabaseError as error:
            self.stderr.write(f"The database refused the import ({error}). Nothing was imported.")
            sys.exit(1)
        if verbosity >= 2:
            for result in report.results:
                self.stdout.write(
                    f"{result.source}: {result.status} ({result.nsp_id} {result.title})"
                )
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        if verbosity >= 2:
            for source, finding in report.findings_with_sources():
                self.stdout.write(
                    f"{source}: {finding.kind.label}: {finding.part.label}: {finding.text!r}: "
                    f"{finding.detail}"
                )
        if verbosity >= 1:
            self.stdout.write(("Dry run: " if dry_run else "") + report.summary())
            if counts := report.finding_counts():
                found = "; ".join(f"{kind.label}: {number}" for kind, number in counts)
                self.stdout.write(f"Data check (never stops an import; -v 2 lists each): {found}.")

    def progress_bar(self):
        """A one-line bar on an interactive terminal; nothing in CI logs or pipes."""
        stream = self.stderr._out
        if not stream.isatty() or os.environ.get("CI"):
            return None

        def show(done, total):
            width = 30
            filled = width * done // total
            stream.write(f"\rParsing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()

        return show
