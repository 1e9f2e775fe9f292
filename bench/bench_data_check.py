"""Benchmark the data check (profiles/quality.py) and its admin page on a synthetic corpus.

    .venv/bin/python bench/bench_data_check.py [--profiles 3000] [--corpus DIR] [--repeat 7]
    .venv/bin/python bench/bench_data_check.py --database-url postgres://postgres@127.0.0.1:5432/bench

1. generates N profiles (bench/generate_corpus.py) or reuses --corpus, migrates a fresh
   database and imports them (not timed here: bench/bench_import.py times the import);
2. in a child process: times `quality.findings()` and the admin's "Kontrola dat" page
   (first page, a kind, the CSV) with the test client, and counts their queries.

The findings are computed on each request, never stored; the page must stay under about a
second at 3,000 profiles with a query count that does not grow with them.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_import  # noqa: E402

PAGE_TARGET_SECONDS = 1.0  # the admin page at 3,000 profiles
URL = "/admin/occupations/occupation/data-check/"


def measure(repeat):
    """Child process: time and count; print JSON on stdout."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from profiles import quality

    def timed(function):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as captured:
            function()
        return result, times, len(captured.captured_queries)

    found, times, queries = timed(quality.findings)
    results = {
        "findings": {
            "times": times,
            "queries": queries,
            "counts": {kind.key: n for kind, n in quality.counts(found)},
        }
    }
    user, _created = User.objects.get_or_create(
        username="bench-data-check", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    for name, params in (
        ("page", {}),
        ("page of a kind", {"druh": quality.UNKNOWN_NAME.key}),
        ("CSV of all", {"format": "csv"}),
    ):

        def get(params=params):
            response = client.get(URL, params)
            if response.status_code != 200:
                raise bench_import.BenchError(f"GET {URL} {params} answered {response.status_code}")
            return len(response.content)

        size, times, queries = timed(get)
        results[name] = {"times": times, "queries": queries, "bytes": size}
    print("\n" + json.dumps(results))


def run(args):
    with bench_import.Workspace(args, "nsp-bench-check-") as workspace:
        database, profiles, seconds, output = workspace.imported(args)
        settings = {
            "DJANGO_DEBUG": "1",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
        results = bench_import.measure_in_child(
            __file__, database, "--repeat", str(args.repeat), settings=settings
        )
        report(profiles, database, seconds, output, results)


def report(count, database, import_seconds, import_output, results):
    print()
    print("Data check benchmark")
    print(f"  machine:  {os.cpu_count()} CPUs ({bench_import.cpu_model()})")
    print(f"  database: {database.describe()}")
    print(f"  corpus:   {count} profiles, imported in {import_seconds:.1f} s")
    for line in import_output.splitlines():
        if line.startswith("Data check"):
            print(f"  import:   {line}")
    print(f"  findings: {results['findings']['counts']}")
    print()
    print(f"  {'what':22} {'min ms':>8} {'median ms':>10} {'max ms':>8} {'queries':>8}  target")
    for name, row in results.items():
        times = [t * 1000 for t in row["times"]]
        target = ""
        if name == "page":
            met = statistics.median(times) <= PAGE_TARGET_SECONDS * 1000 * count / 3000
            target = f"<= {PAGE_TARGET_SECONDS * count / 3000:.2g} s: {'met' if met else 'MISSED'}"
        print(
            f"  {name:22} {min(times):8.0f} {statistics.median(times):10.0f} {max(times):8.0f} "
            f"{row['queries']:8}  {target}".rstrip()
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bench_import.add_corpus_arguments(parser)
    parser.add_argument(
        "--database-url",
        help="e.g. postgres://postgres@127.0.0.1:5432/bench (dropped and recreated: the name "
        "must start with 'bench'); default: a new SQLite file in the temporary folder",
    )
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and the database")
    parser.add_argument("--_measure", action="store_true", help=argparse.SUPPRESS)
    return bench_import.measure_or_run(
        parser.parse_args(argv), lambda args: measure(args.repeat), run
    )


if __name__ == "__main__":
    sys.exit(main())
