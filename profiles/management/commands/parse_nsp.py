"""Print the profile documents of NSP text exports as one JSON array."""

import json
import sys

from django.core.management.base import BaseCommand

from profiles.importer import ImportFailed, parse_paths


class Command(BaseCommand):
    help = (
        "Parse NSP profile exports (files, or folders of *.txt) and print a JSON array with "
        "one profile document per file. If any file is bad, print nothing on stdout, one "
        "'PATH:LINE: reason' line per bad file on stderr, and exit with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths, **options):
        try:
            profiles = parse_paths(paths)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(error)
            sys.exit(1)
        documents = [profile.document for profile in profiles]
        self.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2))
