"""Benchmark the public pages: server time per page, SQL queries, HTTP throughput, memory.

    .venv/bin/python bench/bench_http.py [--profiles 3000] [--corpus DIR]
    .venv/bin/python bench/bench_http.py --database-url postgres://postgres@127.0.0.1:5432/bench

1. A fresh database with N profiles: `manage.py migrate`, then `manage.py import_nsp` on the
   corpus (bench/generate_corpus.py; --corpus reuses a folder of *.txt files). Then
   `manage.py collectstatic --noinput` into STATIC_ROOT (BASE_DIR/staticfiles, git-ignored):
   production serves the hashed files of its manifest with whitenoise.
2. Server time per page type, in a subprocess with Django's test client in production mode
   (DEBUG off): p50/p95 of uncached renderings (the cache is cleared before each request),
   of cached hits and of conditional requests answered 304, plus the SQL queries of each
   (django.test.utils.CaptureQueriesContext). After each request the database connection
   is handled as a server handles it (kept for CONN_MAX_AGE seconds, 600 by default), so
   the times are those of a warm worker; they do not include gunicorn's own work (parsing,
   sockets). The same page
   types are counted again on a second database with fewer profiles (--growth-profiles) to
   show whether a count grows with the data.
3. gunicorn with 2 sync workers on a free port of 127.0.0.1, production settings. After a
   warm-up, `wrk --latency` runs against a static file (the hashed CSS URL from the
   staticfiles manifest), robots.txt (the smallest cached page: the fixed cost of a cached
   answer), the profile page and the filtered list: the same duration, connections and
   threads for each, --rounds times in turn (the median is reported). Each page's
   requests/s is given as a percentage of the static file's. Then an informational run
   cycles through every profile page (mostly cache misses).
4. A bounded load run: --load-duration seconds with --load-connections connections cycling
   through a mix of pages (home, lists, profiles, comparison, wage explorer, API) with a
   small wrk Lua script. Errors must be 0.
5. The RSS of each gunicorn worker (VmRSS and its peak VmHWM from /proc) after each phase;
   gunicorn is then stopped with SIGTERM.

Every request says `Accept-Encoding: gzip`, as browsers do (--accept-encoding '' for none):
whitenoise then sends its precompressed copy of the CSS and the page cache its gzipped copy
of a page. wrk is needed for steps 3-4 (Debian/Ubuntu: `apt-get install -y wrk`). The
database is a new SQLite file in a temporary folder unless --database-url names a
PostgreSQL one, which is dropped and created again (its name must start with "bench"), as
in bench/bench_import.py.
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_import  # noqa: E402

SECRET_KEY = "bench-http-not-a-secret-" + "x" * 40
TARGET_PERCENT_OF_STATIC = 50.0
TARGET_MAX_QUERIES = 15
TARGET_RSS_MB = 150.0

# The page types of step 2, in report order; the child process fills in their URLs.
PAGE_TYPES = [
    ("home", "home"),
    ("list", "list, unfiltered"),
    ("list_filtered", "list, filtered and sorted by wage"),
    ("profile", "profile (the largest one)"),
    ("similar", "similar occupations (all 20, Praha)"),
    ("match", "Co umím, 12 competences, Praha"),
    ("compare2", "comparison of 2"),
    ("compare4", "comparison of 4"),
    ("explorer", "wage explorer, ranking (Praha)"),
    ("explorer_one", "wage explorer, one occupation"),
    ("competence", "competence (a typical one)"),
    ("competence_top", "competence (the most linked one)"),
    ("isco", "CZ-ISCO group"),
    ("api_detail", "API detail"),
    ("api_list", "API list"),
    ("api_similar", "API similar"),
    ("api_match", "API match, 12 competences"),
    ("sitemap", "sitemap.xml"),
]


SETTINGS_MODULE = "config.settings"
ACCEPT_ENCODING = "gzip"  # what every request says it accepts, as a browser would


def production_environment(database_url, allowed_hosts):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": allowed_hosts,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


# --- step 2: in-process server time (run in a child process) ------------------------------


def choose_pages():
    """URLs of each page type in the current database: the heaviest variant where it
    matters (the profile with most competences, the most linked competence)."""
    from collections import Counter

    from django.db.models import Count
    from django.http import QueryDict
    from django.urls import reverse

    from competences.models import Competence, OccupationCompetence
    from occupations.collecting import compare_url
    from occupations.models import IscoGroup, Occupation
    from profiles.filters import OccupationFilter
    from profiles.selectors import occupation_results

    heavy = list(
        Occupation.objects.annotate(n=Count("competence_links"))
        .order_by("-n", "nsp_id")
        .values_list("nsp_id", "slug")[:4]
    )
    if len(heavy) < 4:
        raise bench_import.BenchError("the database needs at least 4 profiles")
    (nsp_id, slug), *_ = heavy

    # A search word that, with Praha, a minimum wage and the wage order, still finds profiles.
    words = Counter(
        title.split()[0] for title in Occupation.objects.values_list("title", flat=True)
    )
    filtered = None
    for minimum in (30000, 20000, 0):
        for word, _count in words.most_common(10):
            query = {"q": word.lower(), "kraj": "praha", "razeni": "mzda-sestupne"}
            if minimum:
                query["mzda_od"] = str(minimum)
            data = QueryDict(mutable=True)
            data.update(query)
            found = len(occupation_results(OccupationFilter(data, Occupation.objects.all())))
            if found:
                filtered = (data.urlencode(), found)
                break
        if filtered:
            break
    if filtered is None:
        raise bench_import.BenchError("no search word finds a profile in Praha")

    linked = Competence.objects.annotate(n=Count("occupation_links")).filter(n__gt=0)
    top = linked.order_by("-n", "pk").first()
    counts = sorted(linked.values_list("n", "pk"))
    typical = Competence.objects.get(pk=counts[len(counts) // 2][1])

    # The 4-digit CZ-ISCO group with most profiles under it.
    under = Counter()
    for code in Occupation.objects.values_list("isco_links__group__code", flat=True):
        if code:
            under[code[:4]] += 1
    isco_code = max(
        (code for code in under if IscoGroup.objects.filter(code=code).exists()),
        key=lambda code: (under[code], code),
    )
    nsp_ids = [row[0] for row in heavy]
    # What the largest profile requires, a dozen of it, as a job seeker would pick.
    picks = QueryDict(mutable=True)
    picks.setlist(
        "kompetence",
        [
            f"{category}:{code}"
            for category, code in OccupationCompetence.objects.filter(occupation__nsp_id=nsp_id)
            .order_by("position")
            .values_list("category", "competence__code")[:12]
        ],
    )
    picks["kraj"] = "praha"
    pages = {
        "home": reverse("home"),
        "list": reverse("occupations:list"),
        "list_filtered": f"{reverse('occupations:list')}?{filtered[0]}",
        "profile": reverse("occupations:detail", args=[slug]),
        "similar": f"{reverse('careers:similar', args=[slug])}?kraj=praha",
        "match": f"{reverse('careers:match')}?{picks.urlencode()}",
        "compare2": compare_url(nsp_ids[:2]),
        "compare4": compare_url(nsp_ids[:4]),
        "explorer": f"{reverse('wages:explorer')}?kraj=praha",
        "explorer_one": f"{reverse('wages:explorer')}?povolani={nsp_id}",
        "competence": typical.get_absolute_url(),
        "competence_top": top.get_absolute_url(),
        "isco": reverse("occupations:isco", args=[isco_code]),
        "api_detail": reverse("api:occupation", args=[nsp_id]),
        "api_list": reverse("api:occupations"),
        "api_similar": f"{reverse('api:similar', args=[nsp_id])}?kraj=praha",
        "api_match": f"{reverse('api:match')}?{picks.urlencode()}",
        "sitemap": "/sitemap.xml",
    }
    notes = {
        "profile_nsp_id": nsp_id,
        "list_filtered_results": filtered[1],
        "competence_links": counts[len(counts) // 2][0],
        "competence_top_links": top.n,
        "isco_profiles": under[isco_code],
        "profiles": Occupation.objects.count(),
        # More pages for the HTTP runs: a spread of profiles and every profile slug.
        "sample_profiles": [
            reverse("occupations:detail", args=[s])
            for s in Occupation.objects.order_by("nsp_id").values_list("slug", flat=True)[::300]
        ],
        "all_profiles": [
            reverse("occupations:detail", args=[s])
            for s in Occupation.objects.order_by("?").values_list("slug", flat=True)
        ],
    }
    return pages, notes


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure_pages(requests, queries_only):
    """Child process: time and count every page type; print JSON on stdout."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages, notes = choose_pages()
    client = Client()

    def get(url, **headers):
        # The test client leaves the database connection alone between requests; a server
        # closes it at the end of each one unless CONN_MAX_AGE keeps it. Do the same.
        if ACCEPT_ENCODING:
            headers["accept_encoding"] = ACCEPT_ENCODING
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        close_old_connections()
        elapsed = time.perf_counter() - started
        return response, elapsed

    def count_queries(url, **headers):
        with CaptureQueriesContext(connection) as captured:
            response, _ = get(url, **headers)
        return response, len(captured.captured_queries), captured.captured_queries

    results = {}
    for key, _label in PAGE_TYPES:
        url = pages[key]
        cache.clear()
        response, _ = get(url)  # compiles templates, warms Python-level caches
        if response.status_code != 200:
            raise bench_import.BenchError(f"GET {url} answered {response.status_code}")
        etag = response.get("ETag")
        cache.clear()
        response, uncached_queries, captured = count_queries(url)
        size = len(response.content)
        _, cached_queries, _ = count_queries(url)
        not_modified, conditional_queries, _ = count_queries(url, if_none_match=etag)
        if not_modified.status_code != 304:
            raise bench_import.BenchError(
                f"GET {url} with If-None-Match answered {not_modified.status_code}"
            )
        row = {
            "url": url,
            "bytes": size,
            "queries_uncached": uncached_queries,
            "queries_cached": cached_queries,
            "queries_304": conditional_queries,
            "sql_uncached": [q["sql"][:200] for q in captured],
        }
        if not queries_only:
            uncached, cached, conditional = [], [], []
            for _ in range(requests):
                cache.clear()
                uncached.append(get(url)[1])
            for _ in range(requests):
                cached.append(get(url)[1])
            for _ in range(requests):
                conditional.append(get(url, if_none_match=etag)[1])
            for name, times in (("uncached", uncached), ("cached", cached), ("304", conditional)):
                row[f"p50_{name}"] = statistics.median(times) * 1000
                row[f"p95_{name}"] = percentile(times, 0.95) * 1000
        results[key] = row
    notes["conn_max_age"] = connection.settings_dict["CONN_MAX_AGE"]
    json.dump({"pages": results, "notes": notes}, sys.stdout)


def run_measure_child(database, requests, queries_only=False):
    command = [sys.executable, str(Path(__file__).resolve()), "--_measure-pages"]
    command += ["--requests", str(requests), "--settings", SETTINGS_MODULE]
    command += ["--accept-encoding", ACCEPT_ENCODING]
    if queries_only:
        command.append("--_queries-only")
    environment = production_environment(database.url, "testserver,127.0.0.1")
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise bench_import.BenchError(f"the page measurement failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)


# --- step 3-5: gunicorn and wrk -------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def static_css_url():
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    css = sorted(name for name in manifest["paths"] if name.endswith(".css"))
    if not css:
        raise bench_import.BenchError("no CSS file in the staticfiles manifest")
    name = "css/site.css" if "css/site.css" in css else css[0]
    return f"/static/{manifest['paths'][name]}"


class Gunicorn:
    def __init__(self, database, workdir, workers, environment=None):
        """gunicorn on a free port, with production_environment() unless `environment`."""
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"gunicorn-{self.port}.log"
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--error-logfile",
            str(self.log),
        ]
        environment = environment or production_environment(database.url, "127.0.0.1")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout=60, path="/robots.txt"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise bench_import.BenchError(
                    f"gunicorn exited ({self.process.returncode}): {self.tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.base}{path}", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise bench_import.BenchError(f"gunicorn did not answer within {timeout} s: {self.tail()}")

    def tail(self):
        try:
            return self.log.read_text()[-3000:]
        except OSError:
            return ""

    def get(self, path):
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    def workers(self):
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            match = re.search(r"^PPid:\s+(\d+)$", text, re.M)
            if match and int(match.group(1)) == self.process.pid:
                pids.append(int(status.parent.name))
        return sorted(pids)

    def cpu_seconds(self):
        """User + system CPU seconds of the workers so far."""
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
        return total / os.sysconf("SC_CLK_TCK")

    def memory(self):
        """{pid: (VmRSS MB, VmHWM MB)} of the master and each worker."""
        result = {}
        for pid in [self.process.pid, *self.workers()]:
            try:
                text = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB$", text, re.M))
            result[pid] = (int(values["VmRSS"]) / 1024, int(values["VmHWM"]) / 1024)
        return result

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


LUA_CYCLE = """
-- Cycle through a list of paths; each thread starts at its own offset.
local paths = {%(paths)s}
local counter = 0
local threads = 0
setup = function(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end
init = function(args)
  counter = (thread_index or 0) * math.floor(#paths / %(threads)d)
end
request = function()
  local path = paths[(counter %% #paths) + 1]
  counter = counter + 1
  return wrk.format("GET", path)
end
"""


def lua_cycle(paths, threads, workdir, name):
    script = workdir / f"{name}.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)  # JSON strings are Lua strings here
    script.write_text(LUA_CYCLE % {"paths": quoted, "threads": threads})
    return script


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _millis(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse_wrk(output):
    result = {"output": output}
    match = re.search(r"^\s*(\d+) requests in ([\d.]+)(\w+)", output, re.M)
    result["requests"] = int(match.group(1)) if match else None
    match = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    result["rps"] = float(match.group(1)) if match else None
    for percent in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", output, re.M)
        result[f"p{percent}"] = _millis(match.group(1)) if match else None
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    result["socket_errors"] = dict(
        zip(("connect", "read", "write", "timeout"), map(int, match.groups()), strict=True)
        if match
        else {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    )
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["bad_status"] = int(match.group(1)) if match else 0
    result["errors"] = result["bad_status"] + sum(result["socket_errors"].values())
    return result


def machine_busy_seconds():
    """CPU seconds the whole machine has been busy (all CPUs), from /proc/stat."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def wrk(server, path, duration, connections, threads, script=None):
    """Run wrk against server; also the CPU seconds the workers, wrk and everything else
    used meanwhile (so a figure can be judged against other work on the machine)."""
    command = ["wrk", "--latency", "-t", str(threads), "-c", str(connections)]
    command += ["-d", f"{duration}s", "--timeout", "10s"]
    if ACCEPT_ENCODING:
        command += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    if script:
        command += ["-s", str(script)]
    command.append(f"{server.base}{path}")
    workers_before, busy_before = server.cpu_seconds(), machine_busy_seconds()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers, busy = server.cpu_seconds() - workers_before, machine_busy_seconds() - busy_before
    if result.returncode:
        raise bench_import.BenchError(f"wrk failed: {result.stderr or result.stdout}")
    parsed = parse_wrk(result.stdout)
    client = (children.ru_utime + children.ru_stime) - (
        children_before.ru_utime + children_before.ru_stime
    )
    parsed["cpu"] = {
        "seconds": elapsed,
        "workers": workers,
        "wrk": client,
        "other": max(0.0, busy - workers - client),
        "capacity": elapsed * os.cpu_count(),
    }
    if parsed["requests"]:
        parsed["worker_cpu_ms"] = workers / parsed["requests"] * 1000
    return parsed


def check_ok(server, paths):
    for path in paths:
        status, _ = server.get(path)
        if status != 200:
            raise bench_import.BenchError(f"GET {path} answered {status} from gunicorn")


def bench_http(args, database, workdir, pages, notes):
    if not shutil.which("wrk"):
        raise bench_import.BenchError(
            "wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu), or skip the "
            "HTTP part with --skip-http"
        )
    static = static_css_url()
    targets = [
        ("static", "static file (CSS, whitenoise)", static),
        ("robots", "robots.txt (smallest cached page)", "/robots.txt"),
        ("profile", "profile page", pages["profile"]["url"]),
        ("list_filtered", "filtered list", pages["list_filtered"]["url"]),
    ]
    mix = [
        pages[key]["url"]
        for key in ("home", "list", "list_filtered", "compare2", "compare4", "explorer")
    ]
    mix += [pages["profile"]["url"], pages["explorer_one"]["url"], pages["api_detail"]["url"]]
    mix += [pages["api_list"]["url"], pages["competence"]["url"], pages["isco"]["url"]]
    mix += notes["sample_profiles"]
    result = {"static_url": static, "rounds": [], "mix": mix}
    server = Gunicorn(database, workdir, args.workers)
    try:
        server.wait()
        result["memory_started"] = server.memory()
        check_ok(server, [path for _, _, path in targets] + mix)
        # Warm-up: every worker renders and stores each page (sync workers share nothing).
        for path in [path for _, _, path in targets] + mix:
            for _ in range(4 * args.workers):
                server.get(path)
        result["memory_warm"] = server.memory()
        for round_number in range(args.rounds):
            runs = {}
            for key, _label, path in targets:
                if args.warmup:
                    wrk(server, path, args.warmup, args.connections, args.threads)
                runs[key] = wrk(server, path, args.duration, args.connections, args.threads)
                print(
                    f"  round {round_number + 1}, {key}: {runs[key]['rps']:.0f} requests/s, "
                    f"{runs[key]['errors']} errors",
                    file=sys.stderr,
                )
            result["rounds"].append(runs)
        result["memory_after_throughput"] = server.memory()
        # Every profile once per thread offset: mostly cache misses (informational).
        script = lua_cycle(notes["all_profiles"], args.threads, workdir, "all-profiles")
        result["cold"] = wrk(server, "/", args.duration, args.connections, args.threads, script)
        result["memory_after_cold"] = server.memory()
        if args.load_duration:
            script = lua_cycle(mix, args.load_threads, workdir, "mix")
            result["load"] = wrk(
                server,
                "/",
                args.load_duration,
                args.load_connections,
                args.load_threads,
                script,
            )
            result["memory_after_load"] = server.memory()
        result["workers"] = server.workers()
    finally:
        result["exit_code"] = server.stop()
        log = server.tail()
        result["log_errors"] = [
            line for line in log.splitlines() if re.search(r"ERROR|CRITICAL|Traceback", line)
        ]
    return result


# --- the run --------------------------------------------------------------------------------


def collectstatic(database):
    environment = production_environment(database.url, "127.0.0.1")
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise bench_import.BenchError(f"collectstatic failed:\n{result.stderr[-3000:]}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def analyze(database):
    """ANALYZE the database (a what-if: the app does not do it after an import)."""
    started = time.perf_counter()
    if database.scheme == "sqlite":
        with sqlite3.connect(database.path) as connection:
            connection.execute("ANALYZE")
    else:
        parts = urlsplit(database.maintenance)
        url = urlunsplit(parts._replace(path=f"/{database.name}"))
        result = subprocess.run(
            ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "ANALYZE"],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise bench_import.BenchError(f"ANALYZE failed: {result.stderr.strip()}")
    return time.perf_counter() - started


def subset_corpus(paths, count, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths[:count]:
        (folder / path.name).symlink_to(path.resolve())
    return folder


def growth_database(workspace, database):
    if database.scheme == "sqlite":
        return workspace.database(None, workspace.folder / "growth")
    parts = urlsplit(database.url)
    return workspace.database(urlunsplit(parts._replace(path=f"/{database.name}_small")))


def machine():
    info = {
        "cpu": bench_import.cpu_model(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        meminfo = Path("/proc/meminfo").read_text()
        info["ram_gib"] = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 1024**2
    except (OSError, AttributeError):
        info["ram_gib"] = None
    for name, command in (
        ("gunicorn", [str(Path(sys.executable).with_name("gunicorn")), "--version"]),
        ("wrk", ["wrk", "-v"]),
    ):
        try:
            output = subprocess.run(command, capture_output=True, text=True)
            text = (output.stdout + output.stderr).strip().splitlines()
            info[name] = text[0] if text else "?"
        except OSError:
            info[name] = "not installed"
    try:
        import django

        info["django"] = django.get_version()
    except ImportError:
        info["django"] = "?"
    return info


def run(args):
    results = {"machine": machine(), "load_before": os.getloadavg(), "args": vars(args)}
    results["args"] = {key: str(value) for key, value in vars(args).items()}
    with bench_import.Workspace(args, "nsp-bench-http-") as workspace:
        workdir = workspace.folder
        Path(workdir / "growth").mkdir()
        folder, paths, _ = bench_import.prepare_corpus(args, workdir)
        database = workspace.database(args.database_url)
        results["database"] = database.describe() if database.scheme == "sqlite" else None
        database.create()
        if database.scheme != "sqlite":
            results["database"] = database.describe()
        print(f"importing {len(paths)} profiles into {database.url}", file=sys.stderr)
        bench_import.manage(database, "migrate", "--noinput")
        seconds, output = bench_import.manage(database, "import_nsp", str(folder))
        results["import"] = {"seconds": seconds, "output": output, "profiles": len(paths)}
        if args.analyze:
            results["analyzed"] = analyze(database)
        results["collectstatic"] = collectstatic(database)

        print("measuring server time per page (test client)", file=sys.stderr)
        measured = run_measure_child(database, args.requests)
        results["pages"], results["notes"] = measured["pages"], measured["notes"]

        if args.growth_profiles:
            count = min(args.growth_profiles, len(paths))
            print(f"counting queries again with {count} profiles", file=sys.stderr)
            small = growth_database(workspace, database)
            small.create()
            bench_import.manage(small, "migrate", "--noinput")
            subset = subset_corpus(sorted(paths), count, workdir / "growth-corpus")
            bench_import.manage(small, "import_nsp", str(subset))
            grown = run_measure_child(small, 1, queries_only=True)
            results["growth"] = {"profiles": count, "pages": grown["pages"]}

        if not args.skip_http:
            print("starting gunicorn and wrk", file=sys.stderr)
            results["load_before_http"] = os.getloadavg()
            results["http"] = bench_http(
                args, database, workdir, results["pages"], results["notes"]
            )
        results["load_after"] = os.getloadavg()
        report(args, results)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, default=str))
            print(f"\nwrote {args.json}")
        return failures(args, results)


# --- the report -----------------------------------------------------------------------------


def failures(args, results):
    """Exit status: 0 when every target is met."""
    missed = [key for key, ok in verdicts(results).items() if ok is False]
    if missed:
        print(f"\ntargets missed: {', '.join(missed)}")
        return 2
    return 0


def verdicts(results):
    found = {}
    pages = results["pages"]
    found["queries <= 15"] = all(
        max(row["queries_uncached"], row["queries_cached"]) <= TARGET_MAX_QUERIES
        for row in pages.values()
    )
    if "growth" in results:
        found["queries not growing"] = all(
            pages[key]["queries_uncached"] <= results["growth"]["pages"][key]["queries_uncached"]
            for key in pages
        )
    http = results.get("http")
    if http:
        ratios = percent_of_static(http)
        for key in ("profile", "list_filtered"):
            found[f"{key} >= 50 % of static"] = (
                statistics.median(ratios[key]) >= TARGET_PERCENT_OF_STATIC
            )
        errors = sum(run["errors"] for runs in http["rounds"] for run in runs.values())
        errors += http["load"]["errors"] if "load" in http else 0
        found["no errors under load"] = errors == 0
        peak = max(
            hwm
            for key, memory in http.items()
            if key.startswith("memory_")
            for pid, (_rss, hwm) in memory.items()
            if int(pid) in http["workers"]
        )
        found["worker RSS <= 150 MB"] = peak <= TARGET_RSS_MB
    return found


def median_runs(http):
    keys = http["rounds"][0].keys()
    result = {}
    for key in keys:
        runs = sorted((runs[key] for runs in http["rounds"]), key=lambda run: run["rps"])
        result[key] = runs[len(runs) // 2]
    return result


def percent_of_static(http):
    """Per round: each target's req/s as a percentage of the static file's."""
    return {
        key: [runs[key]["rps"] / runs["static"]["rps"] * 100 for runs in http["rounds"]]
        for key in http["rounds"][0]
    }


def _cpu(run):
    cpu = run.get("cpu")
    if not cpu:
        return ""
    share = "/".join(
        f"{cpu[part] / cpu['capacity'] * 100:.0f}" for part in ("workers", "wrk", "other")
    )
    return f"{_fmt(run.get('worker_cpu_ms'), 2):>10} {share + ' %':>22}"


def _fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def report(args, results):
    m = results["machine"]
    print()
    print("NSP HTTP benchmark")
    print(f"  machine:  {m['cpus']} CPUs ({m['cpu']}), {_fmt(m['ram_gib'])} GiB RAM")
    print(f"            {m['platform']}")
    print(f"  software: {m['python']}, Django {m['django']}, {m['gunicorn']}, {m['wrk']}")
    print(f"  database: {results['database']}")
    print(
        f"  settings: {args.settings}, DEBUG off, CONN_MAX_AGE {results['notes']['conn_max_age']}"
    )
    encoding = f"Accept-Encoding: {args.accept_encoding}" if args.accept_encoding else "none"
    print(f"  requests: {encoding} (test client and wrk)")
    load = results["load_before"]
    print(f"  load avg: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (before)", end="")
    if "load_before_http" in results:
        print(f", {results['load_before_http'][0]:.2f} (before HTTP)", end="")
    print(f", {results['load_after'][0]:.2f} (after)")
    imp = results["import"]
    print(f"  import:   {imp['profiles']} profiles in {imp['seconds']:.1f} s ({imp['output']})")
    if "analyzed" in results:
        print(f"  ANALYZE:  run after the import ({results['analyzed']:.1f} s): a what-if")

    notes = results["notes"]
    print()
    print(
        f"Server time per page, Django test client, {args.requests} requests each, ms "
        "(uncached: cache cleared before each request; 304: If-None-Match)"
    )
    growth = results.get("growth")
    grown_head = f"  q@{growth['profiles']}" if growth else ""
    print(
        f"  {'page':36} {'p50 unc':>8} {'p95 unc':>8} {'p50 hit':>8} {'p95 hit':>8} "
        f"{'p50 304':>8} {'kB':>6} {'queries unc/hit/304':>20}{grown_head}"
    )
    for key, label in PAGE_TYPES:
        row = results["pages"][key]
        queries = f"{row['queries_uncached']}/{row['queries_cached']}/{row['queries_304']}"
        grown = f"  {growth['pages'][key]['queries_uncached']:>6}" if growth else ""
        print(
            f"  {label:36} {_fmt(row.get('p50_uncached')):>8} {_fmt(row.get('p95_uncached')):>8} "
            f"{_fmt(row.get('p50_cached'), 2):>8} {_fmt(row.get('p95_cached'), 2):>8} "
            f"{_fmt(row.get('p50_304'), 2):>8} {row['bytes'] / 1000:6.0f} {queries:>20}{grown}"
        )
    print("  URLs:")
    for key, _label in PAGE_TYPES:
        print(f"    {key:15} {results['pages'][key]['url']}")
    print(
        f"  (filtered list: {notes['list_filtered_results']} results; competences: "
        f"{notes['competence_links']} and {notes['competence_top_links']} profiles; CZ-ISCO "
        f"group: {notes['isco_profiles']} profiles)"
    )

    http = results.get("http")
    if http:
        median = median_runs(http)
        print()
        print(
            f"HTTP throughput: gunicorn, {args.workers} sync workers; wrk -t{args.threads} "
            f"-c{args.connections} -d{args.duration}s, median of {args.rounds} round(s)"
        )
        print(
            f"  {'target':30} {'req/s':>7} {'% static':>9} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'errors':>6} {'CPU ms/req':>10} {'CPU: workers/wrk/other':>22}  "
            "rounds: req/s (% static)"
        )
        names = {
            "static": "static file (whitenoise)",
            "robots": "robots.txt (cached, 0.1 kB)",
            "profile": "profile page (cached)",
            "list_filtered": "filtered list (cached)",
        }
        ratios = percent_of_static(http)
        for key, run in median.items():
            rounds = "; ".join(
                f"{runs[key]['rps']:.0f} ({ratio:.0f} %)"
                for runs, ratio in zip(http["rounds"], ratios[key], strict=True)
            )
            errors = sum(runs[key]["errors"] for runs in http["rounds"])
            print(
                f"  {names[key]:30} {run['rps']:7.0f} {statistics.median(ratios[key]):8.0f}% "
                f"{_fmt(run['p50'], 1):>7} {_fmt(run['p99'], 1):>7} {errors:6d} "
                f"{_cpu(run)}  {rounds}"
            )
        cold = http["cold"]
        print(
            f"  {'every profile in turn':30} {cold['rps']:7.0f} "
            f"{cold['rps'] / median['static']['rps'] * 100:8.0f}% {_fmt(cold['p50'], 1):>7} "
            f"{_fmt(cold['p99'], 1):>7} {cold['errors']:6d} {_cpu(cold)}"
        )
        print(
            "  % static: the page's req/s over the static file's in the same round (median of "
            "the rounds).\n  CPU ms/req: CPU time of the gunicorn workers per request. "
            "CPU: share of the machine's\n  CPU time (all CPUs) used by the workers, by wrk "
            "and by everything else during the run\n  (PostgreSQL's server processes count as "
            "everything else)."
        )
        print(f"  static URL: {http['static_url']}")
        if "load" in http:
            load = http["load"]
            print()
            print(
                f"Load run: wrk -t{args.load_threads} -c{args.load_connections} "
                f"-d{args.load_duration}s cycling through {len(http['mix'])} pages"
            )
            print(
                f"  {load['requests']} requests, {load['rps']:.0f} req/s, p50 "
                f"{_fmt(load['p50'], 2)} ms, p99 {_fmt(load['p99'], 2)} ms, errors "
                f"{load['errors']} (non-2xx/3xx {load['bad_status']}, socket "
                f"{load['socket_errors']})"
            )
        print()
        print("Memory of the gunicorn processes, MB (VmRSS; peak VmHWM in brackets)")
        for key in (
            "memory_started",
            "memory_warm",
            "memory_after_throughput",
            "memory_after_cold",
            "memory_after_load",
        ):
            if key not in http:
                continue
            cells = []
            for pid, (rss, hwm) in sorted(http[key].items()):
                kind = "worker" if int(pid) in http["workers"] else "master"
                cells.append(f"{kind} {rss:.0f} ({hwm:.0f})")
            print(f"  {key.removeprefix('memory_'):18} {', '.join(cells)}")
        print(f"  gunicorn exit code {http['exit_code']}; log errors: {len(http['log_errors'])}")
        for line in http["log_errors"][:10]:
            print(f"    {line}")

    print()
    print("Targets")
    for name, ok in verdicts(results).items():
        print(f"  {name:32} {'met' if ok else 'MISSED'}")


def main(argv=None):
    global SETTINGS_MODULE, ACCEPT_ENCODING
    parser = argparse.ArgumentParser(
        description=(
            "Benchmark the public pages of the portal on N imported profiles: server time "
            "and SQL queries per page type (Django test client), throughput of gunicorn "
            "measured with wrk against a static file, a bounded load run, worker memory."
        )
    )
    bench_import.add_corpus_arguments(parser)
    parser.add_argument(
        "--database-url",
        help="database, e.g. postgres://postgres@127.0.0.1:5432/bench (dropped and "
        "recreated: the name must start with 'bench'; a second one, NAME_small, is used "
        "for the query growth check); default: a new SQLite file in a temporary folder",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=50,
        help="test-client requests per page type and kind (default 50)",
    )
    parser.add_argument(
        "--growth-profiles",
        type=int,
        default=300,
        help="count the queries again on a database with this many profiles (default 300; 0 skips)",
    )
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds of each wrk run (default 10)"
    )
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=2,
        help="seconds of wrk before each measured run, not counted (default 2; 0: none)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measured runs of static, profile and list, in turn; the median counts (default 3)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument(
        "--load-duration",
        type=int,
        default=30,
        help="seconds of the mixed load run (default 30; 0 skips it)",
    )
    parser.add_argument(
        "--load-connections",
        type=int,
        default=32,
        help="connections of the mixed load run (default 32)",
    )
    parser.add_argument(
        "--load-threads", type=int, default=2, help="wrk threads of the load run (default 2)"
    )
    parser.add_argument(
        "--skip-http", action="store_true", help="server time and queries only (no wrk)"
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="run ANALYZE on the database after the import (a what-if: the planner's "
        "statistics; the app does not do it)",
    )
    parser.add_argument(
        "--settings",
        default=SETTINGS_MODULE,
        help="DJANGO_SETTINGS_MODULE of the measured processes (default config.settings; "
        "another module, e.g. on PYTHONPATH, lets you measure a what-if)",
    )
    parser.add_argument(
        "--accept-encoding",
        default=ACCEPT_ENCODING,
        metavar="VALUE",
        help="Accept-Encoding header of every request, test client and wrk alike (default "
        "'gzip', as browsers send; '' sends none, so whitenoise and the page cache answer "
        "uncompressed)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and the databases"
    )
    parser.add_argument("--_measure-pages", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--_queries-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    SETTINGS_MODULE = args.settings
    ACCEPT_ENCODING = args.accept_encoding
    if args._measure_pages:
        try:
            measure_pages(args.requests, args._queries_only)
        except bench_import.BenchError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0
    if min(args.profiles, args.requests, args.duration, args.connections, args.rounds) < 1:
        parser.error("--profiles, --requests, --duration, --connections, --rounds must be >= 1")
    if args.connections < args.threads or args.load_connections < args.load_threads:
        parser.error("wrk needs at least as many connections as threads")
    try:
        return run(args)
    except bench_import.BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
