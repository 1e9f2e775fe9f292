"""Cold renders: every public page type rendered fresh, with an empty page cache.

    .venv/bin/python bench/bench_cold.py [--corpus DIR] [--profiles 3000]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_cold]
        [--rounds 3] [--cprofile DIR] [--json FILE]

1. A fresh database with the corpus (`manage.py import_nsp`), static files collected.
2. In a child process with the production settings: at least 200 distinct URLs chosen
   from that database over every page type (urls_of() below: the heaviest profiles and
   comparisons, every filter and region, searches, pages deep in the list, CSV exports,
   the API), a warm-up pass (templates compiled), then `--rounds` fresh renders of each
   URL, the page cache emptied before every request. Per page type: p50 / p95 / max of
   the best round of each URL, in CPU time of the request (this process; on PostgreSQL
   plus the backend's CPU) and in wall time.
3. With --cprofile, one cProfile of each page type over its URLs, the top functions
   written to DIR/<type>.txt.

Target (issue #17): p95 ≤ 50 ms for every page type. A machine shared with other work
inflates wall times (docs/PERFORMANCE.md); CPU time is what the code costs.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_import  # noqa: E402

TARGET_MS = 50.0


# --- the URLs ------------------------------------------------------------------------------


def urls_of():
    """[(page type, URL)]: at least 200 distinct ones, chosen the same way from the same
    data (seeded), the heaviest of each kind included."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils.http import urlencode

    from competences.models import Competence
    from occupations.collecting import compare_url
    from occupations.models import (
        EducationField,
        Field,
        HealthRestriction,
        IscoGroup,
        Occupation,
        QualificationLevel,
        Subfield,
        WorkConditionFactor,
    )
    from wages.models import Region

    rng = random.Random(7)
    urls = []

    def add(kind, url, query=None):
        urls.append((kind, f"{url}?{urlencode(query, doseq=True)}" if query else url))

    home, listing = reverse("home"), reverse("occupations:list")
    add("home", home)
    add("home", "/en/")
    pages = (Occupation.objects.count() + 19) // 20
    add("list", listing)
    add("list", "/en" + listing)
    for number in (2, 3, 10, pages // 2, pages):
        add("list", listing, {"strana": number})
    fields = list(Field.objects.order_by("slug").values_list("slug", flat=True))
    for slug in rng.sample(fields, min(5, len(fields))):
        add("list", listing, {"obor": slug})
    subfields = list(Subfield.objects.order_by("pk").values_list("pk", flat=True))
    for pk in rng.sample(subfields, min(3, len(subfields))):
        add("list", listing, {"podobor": pk})
    add("list", listing, {"druh": "specialization"})
    for pk in QualificationLevel.objects.order_by("pk").values_list("pk", flat=True)[:3]:
        add("list", listing, {"kvalifikace": pk})
    for code in rng.sample(list(EducationField.objects.values_list("code", flat=True)), 2):
        add("list", listing, {"vzdelani": code})
    for code in ("2", "42", "7"):
        add("list", listing, {"isco": code})
    competences = list(Competence.objects.order_by("pk").values_list("code", "name"))
    for code, name in rng.sample(competences, 2):
        add("list", listing, {"kompetence": code})
        add("list", listing, {"kompetence": name.split()[0].lower()})
    for level in ("1", "2", "3"):
        add("list", listing, {"zatez_max": level})
    factors = list(WorkConditionFactor.objects.order_by("pk").values_list("pk", flat=True))
    restrictions = list(HealthRestriction.objects.order_by("pk").values_list("pk", flat=True))
    add("list", listing, {"bez_faktoru": factors[:3], "bez_omezeni": restrictions[:2]})
    regions = list(Region.objects.order_by("nuts3").values_list("slug", flat=True))
    for slug in regions[:5]:
        add("list", listing, {"kraj": slug, "mzda_od": 30000, "razeni": "mzda-sestupne"})
    add("list", listing, {"kraj": regions[6], "sfera": "public", "razeni": "mzda-vzestupne"})
    for sort in ("nazev", "mzda-sestupne", "mzda-vzestupne"):
        add("list", listing, {"razeni": sort})
    titles = Occupation.objects.values_list("title", flat=True)
    words = [word.lower() for word, _ in Counter(t.split()[0] for t in titles).most_common(4)]
    for query in [*words, "ředitelka", "reditl zakaznickych", "xyzzy", "koordinace kontrola"]:
        add("list", listing, {"q": query})
    add("list", listing, {"q": words[0], "kraj": "praha", "mzda_od": 30000, "strana": 2})
    add("list", listing, {"porovnat": Occupation.objects.order_by("nsp_id")[0].nsp_id})

    heavy = list(
        Occupation.objects.annotate(n=Count("competence_links"))
        .order_by("-n", "nsp_id")
        .values_list("nsp_id", "slug")[:5]
    )
    slugs = list(Occupation.objects.order_by("nsp_id").values_list("slug", flat=True))
    for slug in [s for _, s in heavy] + rng.sample(slugs, 40):
        add("profile", reverse("occupations:detail", args=[slug]))
    add("profile", "/en" + reverse("occupations:detail", args=[slugs[0]]))
    add("profile", reverse("occupations:detail", args=[heavy[0][1]]), {"sfera": "public"})
    add("profile", reverse("occupations:detail", args=[heavy[1][1]]), {"kraj": "praha"})
    for slug in [heavy[0][1], *rng.sample(slugs, 5)]:
        add("similar", reverse("careers:similar", args=[slug]))
    add("similar", reverse("careers:similar", args=[slugs[3]]), {"kraj": "praha"})

    under = Counter()
    for code in Occupation.objects.values_list("isco_links__group__code", flat=True):
        for n in range(1, len(code or "") + 1):
            under[code[:n]] += 1
    codes = sorted(IscoGroup.objects.values_list("code", flat=True), key=lambda c: -under[c])
    for code in codes[:4] + rng.sample(codes, 8):
        add("isco", reverse("occupations:isco", args=[code]))

    index = reverse("competences:index")
    for query in (None, {"strana": 20}, {"q": "rizeni"}, {"kategorie": "odborne-znalosti"}):
        add("competence_index", index, query)
    linked = list(
        Competence.objects.annotate(n=Count("occupation_links")).filter(n__gt=0).order_by("-n")
    )
    for competence in linked[:3] + rng.sample(linked, 12):
        add("competence", competence.get_absolute_url())

    ids = [nsp_id for nsp_id, _ in heavy]
    spread = list(Occupation.objects.order_by("nsp_id").values_list("nsp_id", flat=True))
    for count in (2, 3, 4):
        add("compare", compare_url(ids[:count]))
        add("compare", compare_url(rng.sample(spread, count)))
        add("compare", compare_url(rng.sample(spread, count), "public"))
    add("compare", compare_url(ids[:2]) + f"&hledat={words[0]}")
    add("compare", "/en" + compare_url(ids[1:4]))

    explorer = reverse("wages:explorer")
    add("explorer", explorer)
    add("explorer", explorer, {"sfera": "public"})
    for slug in regions[:6]:
        add("explorer", explorer, {"kraj": slug})
    add("explorer", explorer, {"kraj": regions[7], "sfera": "public"})
    add("explorer", explorer, {"kraj": "praha", "hledat": words[0]})
    for nsp_id in ids[:2] + rng.sample(spread, 6):
        add("explorer_one", explorer, {"povolani": nsp_id})
    add("explorer_one", explorer, {"povolani": ids[0], "sfera": "public"})

    for count in (2, 3, 4):
        add("csv", compare_url(rng.sample(spread, count)) + "&format=csv")
    for slug in regions[:3]:
        add("csv", explorer, {"kraj": slug, "format": "csv"})
    add("csv", explorer, {"format": "csv"})
    for nsp_id in rng.sample(spread, 3):
        add("csv", explorer, {"povolani": nsp_id, "format": "csv"})

    match = reverse("careers:match")
    add("match", match)
    picks = [f"{c.category}:{c.code}" for c in linked[:12]]
    add("match", match, {"kompetence": picks[:3]})
    add("match", match, {"kompetence": picks, "kraj": "praha"})
    add("match", match, {"hledat": "kontrola"})

    api = reverse("api:occupations")
    for query in (
        None,
        {"strana": 3},
        {"q": words[1]},
        {"kraj": "praha", "razeni": "mzda-sestupne"},
    ):
        add("api", api, query)
    for nsp_id in ids[:2] + rng.sample(spread, 4):
        add("api", reverse("api:occupation", args=[nsp_id]))
        add("api", reverse("api:similar", args=[nsp_id]))
    add("api", reverse("api:match"), {"kompetence": picks[:5]})
    for prefix in ("re", "tech", "kontrol", "zakaz", "prodava"):
        add("api", reverse("api:suggest"), {"q": prefix})

    seen = set()
    urls = [(kind, url) for kind, url in urls if not (url in seen or seen.add(url))]
    if len(urls) < 200:
        raise bench_import.BenchError(f"only {len(urls)} distinct URLs: is the corpus too small?")
    return urls


# --- the child: measuring inside Django ------------------------------------------------------


def backend_cpu(connection):
    """CPU seconds of this connection's PostgreSQL backend so far (0 on SQLite)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except OSError:
        return 0.0


def measure(args):
    import cProfile
    import pstats

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    urls = urls_of()
    client = Client()

    def render(url):
        cache.clear()
        connection.ensure_connection()
        backend = backend_cpu(connection)
        cpu, wall = time.thread_time(), time.perf_counter()
        response = client.get(url, headers={"accept-encoding": "gzip"})
        wall = time.perf_counter() - wall
        cpu = time.thread_time() - cpu + backend_cpu(connection) - backend
        if response.status_code != 200:
            raise bench_import.BenchError(f"GET {url} answered {response.status_code}")
        return cpu, wall

    for _, url in urls:  # templates compiled, Python caches warm
        render(url)
    best = {}
    for _ in range(args.rounds):
        for _, url in urls:
            run = render(url)
            best[url] = min(best.get(url, run), run)
    by_type = defaultdict(list)
    for kind, url in urls:
        by_type[kind].append((best[url], url))
    results = {"urls": len(urls), "types": {}}
    for kind, runs in by_type.items():
        cpu = [run[0] * 1000 for run, _ in runs]
        wall = [run[1] * 1000 for run, _ in runs]
        slowest = max(runs, key=lambda item: item[0][0])
        results["types"][kind] = {
            "n": len(runs),
            "cpu_p50": statistics.median(cpu),
            "cpu_p95": _percentile(cpu, 0.95),
            "cpu_max": max(cpu),
            "wall_p50": statistics.median(wall),
            "wall_p95": _percentile(wall, 0.95),
            "slowest": slowest[1],
        }
    if args.cprofile:
        args.cprofile.mkdir(parents=True, exist_ok=True)
        for kind, runs in by_type.items():
            profile = cProfile.Profile()
            for _, url in runs:
                cache.clear()
                profile.runcall(client.get, url)
            with open(args.cprofile / f"{kind}.txt", "w") as out:
                stats = pstats.Stats(profile, stream=out)
                stats.sort_stats("tottime").print_stats(25)
                stats.sort_stats("cumulative").print_stats(40)
    json.dump(results, sys.stdout)


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- the parent --------------------------------------------------------------------------------


def run(args):
    with bench_import.Workspace(args, "nsp-bench-cold-") as workspace:
        if args.existing:
            database = bench_import.Database(args.existing, workspace.folder, existing=True)
        else:
            database, *_ = workspace.imported(args)
            if database.scheme != "sqlite":  # what autovacuum does a minute after an import
                database.psql_on_database("VACUUM ANALYZE")
        bench_import.manage(database, "collectstatic", "--noinput")
        options = ["--rounds", str(args.rounds)]
        if args.cprofile:
            options += ["--cprofile", str(args.cprofile.resolve())]
        results = bench_import.measure_in_child(__file__, database, *options)
        print(f"\nCold renders: {results['urls']} URLs, best of {args.rounds} rounds each")
        print(f"  {os.cpu_count()} CPUs ({bench_import.cpu_model()}), Python "
              f"{sys.version.split()[0]}, {database.describe()}")  # fmt: skip
        print("\n  page type          n   CPU p50   p95   max   wall p50   p95  target")
        missed = []
        for kind, row in results["types"].items():
            ok = row["cpu_p95"] <= TARGET_MS
            missed += [] if ok else [kind]
            print(
                f"  {kind:16} {row['n']:3} {row['cpu_p50']:9.1f} {row['cpu_p95']:5.1f} "
                f"{row['cpu_max']:5.1f} {row['wall_p50']:10.1f} {row['wall_p95']:5.1f}  "
                f"{'met' if ok else 'MISSED'}"
            )
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        return 2 if missed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bench_import.add_corpus_arguments(parser)
    parser.add_argument("--database-url", help="PostgreSQL database (default: a new SQLite file)")
    parser.add_argument(
        "--existing", help="measure this database as it is (no import; it is not dropped)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="renders of each URL (default 3)")
    parser.add_argument("--cprofile", type=Path, help="write a profile of each page type here")
    bench_import.add_child_arguments(parser)
    return bench_import.measure_or_run(parser.parse_args(argv), measure, run)


if __name__ == "__main__":
    sys.exit(main())
