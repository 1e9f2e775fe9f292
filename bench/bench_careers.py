"""Benchmark and check the similar occupations and "Co umím" on a corpus salted with twins.

    .venv/bin/python bench/bench_careers.py [--profiles 3000] [--twins 150] [--runs 2]
    .venv/bin/python bench/bench_careers.py --database-url postgres://postgres@127.0.0.1:5432/bench_careers

1. generates N profiles, the last T of them near-twins of earlier ones (generate_corpus.py
   --twins: the same requirements but for three competences), or reuses --corpus;
2. imports them into a fresh database `--runs` times each way, in turn: without the
   similarity (the import with careers' recompute switched off) and with it, and reports
   the ranges and the share the similarity adds;
3. on the database of the last import with the similarity:
   (a) the share of twin pairs that are each other's first similar occupation;
   (b) for every tenth profile, picking all its competences in the match ranks it first
       (without levels, and with its own levels); and through the API, which takes at
       most 30 picks, for those that need no more;
   (c) the recompute alone, and an admin save of a profile with and without it.

The database is a new SQLite file unless --database-url names one (its name must start
with "bench": it is dropped and created again).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_import  # noqa: E402
from bench.generate_corpus import TWINS_FILE, CorpusError, generate_corpus  # noqa: E402

ADDED_TARGET = 0.30  # the similarity may add at most 30 % to the import
TWINS_TARGET = 0.95

# The import as `bench_import.manage.py import_nsp` runs it, in a fresh interpreter, with careers'
# recompute switched off or not: both ways pay the same start-up.
IMPORT = """
import sys
sys.path.insert(0, {root!r})
import django
django.setup()
from django.core.management import call_command
if sys.argv[1] == "without":
    import profiles.importer
    profiles.importer.recompute_careers = lambda: None
call_command("import_nsp", sys.argv[2])
"""


def prepare(args, workdir):
    folder = args.corpus or workdir / "corpus"
    existing = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not existing:
        try:
            generate_corpus(args.profiles, folder, seed=args.seed, twins=args.twins)
        except CorpusError as error:
            raise bench_import.BenchError(str(error)) from None
    twins = folder / TWINS_FILE
    if not twins.exists():
        raise bench_import.BenchError(f"{folder} has no {TWINS_FILE}: generate it with --twins")
    return folder, len(sorted(folder.glob("*.txt"))), json.loads(twins.read_text())


def timed_import(database, folder, way, runner):
    """Seconds of one import into `database`, in a subprocess."""
    environment = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    started, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(
        [sys.executable, str(runner), way, str(folder)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if result.returncode or "were created" not in result.stdout:
        raise bench_import.BenchError(
            f"the import failed: {result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return elapsed, cpu


def _children_cpu():
    """CPU seconds of the finished child processes: on a host shared with other work, the
    steadier measure of what an import costs (SQLite works inside the process; a
    PostgreSQL server's own CPU is not in it)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def evaluate(database, pairs, every):
    """(a), (b) and (c), in this process, on `database`."""
    os.environ.update(
        DATABASE_URL=database.url, DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings"
    )
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from careers import services
    from careers.models import SimilarOccupation
    from careers.selectors import Pick, rank_matches
    from competences.models import OccupationCompetence
    from occupations.models import Occupation

    first = dict(
        SimilarOccupation.objects.filter(rank=1).values_list("occupation__nsp_id", "other__nsp_id")
    )
    both = sum(first.get(a) == b and first.get(b) == a for a, b in pairs)
    ways = sum((first.get(a) == b) + (first.get(b) == a) for a, b in pairs)
    result = {
        "twin pairs, each the other's first": both / len(pairs),
        "twin directions, the other first": ways / (2 * len(pairs)),
        "twin pairs": len(pairs),
    }

    ids = list(Occupation.objects.order_by("nsp_id").values_list("nsp_id", flat=True))[::every]
    links = {}
    for nsp_id, category, code, pk, level in OccupationCompetence.objects.filter(
        occupation__nsp_id__in=ids
    ).values_list("occupation__nsp_id", "category", "competence__code", "competence", "level"):
        links.setdefault(nsp_id, []).append((category, code, pk, level))
    firsts = {"without levels": 0, "with its levels": 0}
    full = 0
    seconds = []
    for nsp_id in ids:
        for way, with_level in (("without levels", False), ("with its levels", True)):
            picks = [
                Pick(category, code, "", pk, level if with_level else None)
                for category, code, pk, level in links.get(nsp_id, [])
            ]
            started = time.perf_counter()
            ranked = rank_matches(picks)
            seconds.append(time.perf_counter() - started)
            if ranked and ranked[0].nsp_id == nsp_id:
                firsts[way] += 1
                full += ranked[0].score == 1
    for way, count in firsts.items():
        result[f"match, all competences {way}: first"] = count / len(ids)
    result["match, all competences: 100 %"] = full / (2 * len(ids))
    result["match profiles checked"] = len(ids)
    result["match ranking, median seconds"] = statistics.median(seconds)

    setup_test_environment()
    client = Client()
    fits = [nsp_id for nsp_id in ids if len(links.get(nsp_id, [])) <= 30]
    api_first = 0
    for nsp_id in fits:
        query = "&".join(f"kompetence={c}:{code}" for c, code, _, _ in links.get(nsp_id, []))
        body = client.get(f"/api/v1/match/?{query}", HTTP_HOST="127.0.0.1").json()
        api_first += bool(body["results"]) and body["results"][0]["nsp_id"] == nsp_id
    result["match API (at most 30 picks): first"] = api_first / len(fits) if fits else None
    result["match API profiles checked"] = len(fits)

    recompute, recompute_cpu = [], []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        services.recompute_careers()
        recompute.append(time.perf_counter() - started)
        recompute_cpu.append(time.process_time() - cpu)
    result["recompute alone, seconds (3 runs)"] = recompute
    result["recompute alone, CPU seconds of this process"] = recompute_cpu
    result.update(admin_save(Client()))
    from django.db import connections

    connections.close_all()  # the database is dropped at the end
    return result


def admin_save(client):
    """An editor's save of a profile with all its inlines, as the admin posts it."""
    from django.contrib.auth.models import User

    import profiles.admin
    from careers.services import recompute_careers
    from occupations.models import Occupation
    from portal.tests.helpers import change_form_data

    User.objects.filter(username="bench").delete()
    client.force_login(User.objects.create_superuser("bench", "bench@example.com", None))
    occupation = Occupation.objects.order_by("nsp_id")[len(Occupation.objects.all()) // 2]
    url = f"/admin/occupations/occupation/{occupation.pk}/change/"
    found = {}
    for way in ("with", "without", "with", "without", "with", "without"):
        profiles.admin.recompute_careers = recompute_careers if way == "with" else lambda: None
        data = change_form_data(client.get(url, HTTP_HOST="127.0.0.1"))
        started, cpu = time.perf_counter(), time.process_time()
        response = client.post(url, data, HTTP_HOST="127.0.0.1")
        if response.status_code != 302:
            raise bench_import.BenchError(f"the admin save failed ({response.status_code})")
        found.setdefault(f"admin save {way} the recompute, seconds", []).append(
            time.perf_counter() - started
        )
        found.setdefault(f"admin save {way} the recompute, CPU seconds", []).append(
            time.process_time() - cpu
        )
    profiles.admin.recompute_careers = recompute_careers
    return found


def run(args):
    with bench_import.Workspace(args, "nsp-careers-") as workspace:
        folder, count, pairs = prepare(args, workspace.folder)
        database = workspace.database(args.database_url)
        runner = workspace.folder / "import_runner.py"
        runner.write_text(IMPORT.format(root=str(ROOT)), encoding="utf-8")
        times = {"without": [], "with": []}
        cpu = {"without": [], "with": []}
        for _ in range(args.runs):
            for way in ("without", "with"):
                database.create()
                bench_import.manage(database, "migrate", "--noinput")
                elapsed, seconds = timed_import(database, folder, way, runner)
                times[way].append(elapsed)
                cpu[way].append(seconds)
        result = evaluate(database, pairs, args.every)
        report(args, database, folder, count, times, cpu, result)


def report(args, database, folder, count, times, cpu, result):
    print()
    print("Similar occupations and 'Co umím': benchmark")
    print(f"  machine:  {os.cpu_count()} CPUs ({bench_import.cpu_model()})")
    print(f"  database: {database.describe()}")
    print(f"  corpus:   {count} profiles, {result['twin pairs']} twin pairs: {folder}")
    print()
    without, with_ = times["without"], times["with"]
    print(f"  import_nsp without the similarity: {', '.join(f'{s:.1f}' for s in without)} s")
    print(f"  import_nsp with the similarity:    {', '.join(f'{s:.1f}' for s in with_)} s")
    added = statistics.median(with_) / statistics.median(without) - 1
    print(f"  added (medians of wall time): {added:+.0%}")
    print(f"  CPU s without: {', '.join(f'{s:.1f}' for s in cpu['without'])}")
    print(f"  CPU s with:    {', '.join(f'{s:.1f}' for s in cpu['with'])}")
    added = statistics.median(cpu["with"]) / statistics.median(cpu["without"]) - 1
    verdict = "met" if added <= ADDED_TARGET else "MISSED"
    print(f"  added (medians of CPU time): {added:+.0%}  target <= {ADDED_TARGET:.0%}: {verdict}")
    for key, value in result.items():
        if isinstance(value, list):
            value = ", ".join(f"{v:.2f}" for v in value)
        elif isinstance(value, float):
            value = f"{value:.1%}" if value <= 1 and "seconds" not in key else f"{value:.4f}"
        print(f"  {key}: {value}")
    share = result["twin pairs, each the other's first"]
    print(f"  twins target >= {TWINS_TARGET:.0%}: {'met' if share >= TWINS_TARGET else 'MISSED'}")
    if args.json:
        print(json.dumps({"imports": times, "import_cpu": cpu, **result}, indent=1))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bench_import.add_corpus_arguments(parser)
    parser.add_argument(
        "--twins", type=int, default=150, help="twin pairs in a generated corpus (default 150)"
    )
    parser.add_argument("--database-url", help="as bench_import.py's (name starts with bench)")
    parser.add_argument("--runs", type=int, default=2, help="imports each way (default 2)")
    parser.add_argument(
        "--every", type=int, default=10, help="check the match for every Nth profile (10)"
    )
    parser.add_argument("--json", action="store_true", help="print every figure as JSON too")
    parser.add_argument("--keep", action="store_true", help="keep the folder and the database")
    return bench_import.run_benchmark(run, parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
