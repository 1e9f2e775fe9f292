"""Benchmark parsing and `import_nsp` on a synthetic corpus (bench/generate_corpus.py).

    .venv/bin/python bench/bench_import.py [--profiles 3000] [--corpus DIR]
    .venv/bin/python bench/bench_import.py --database-url postgres://postgres@127.0.0.1:5432/bench

1. generates N profiles into a temporary folder (or reuses the *.txt files of --corpus);
2. parsing alone: reads every file into memory, then times nsp.parser.parse_profile;
3. `manage.py migrate` on a fresh database (not timed), then times `manage.py import_nsp`;
4. times the same import again, which must report that nothing changed.

The database is a new SQLite file in the temporary folder unless --database-url names
one. A PostgreSQL database is dropped and created again with psql first, and dropped at
the end; to make sure nothing real is dropped, its name must start with "bench".
"""

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate_corpus import DEFAULT_SEED, CorpusError, generate_corpus  # noqa: E402
from nsp.parser import parse_profile  # noqa: E402

IMPORT_TARGET_SECONDS = 15.0  # for 3,000 profiles into SQLite on the 2-core machine
PARSE_TARGET_PER_SECOND = 1000.0


class BenchError(Exception):
    pass


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def add_corpus_arguments(parser):
    """--profiles, --corpus and --seed, for prepare_corpus()."""
    parser.add_argument(
        "--profiles", type=int, default=3000, help="profiles to generate (default 3000)"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="folder of the corpus: its *.txt files are reused when it has any, else N "
        "profiles are generated into it and kept (default: a temporary folder)",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})"
    )


def prepare_corpus(args, workdir):
    """The folder of *.txt files to use, generating it when needed."""
    folder = args.corpus or workdir / "corpus"
    existing = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if existing:
        if len(existing) != args.profiles:
            print(
                f"note: reusing the {len(existing)} *.txt files of {folder} (not {args.profiles})"
            )
        return folder, existing, None
    started = time.perf_counter()
    try:
        paths = generate_corpus(args.profiles, folder, seed=args.seed)
    except CorpusError as error:
        raise BenchError(str(error)) from None
    return folder, paths, time.perf_counter() - started


def bench_parse(paths, repeat):
    """Seconds per full pass of parse_profile over the files, already read into memory."""
    data = [path.read_bytes() for path in paths]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for blob in data:
            parse_profile(blob)
        runs.append(time.perf_counter() - started)
    return runs, sum(map(len, data))


# --- databases ------------------------------------------------------------------------------


class Database:
    """A fresh database for the import: a new SQLite file or a recreated PostgreSQL one."""

    def __init__(self, url, workdir, existing=False):
        self.url = url or f"sqlite:///{workdir / 'bench.sqlite3'}"
        parts = urlsplit(self.url)
        self.scheme = parts.scheme
        if self.scheme == "sqlite":
            self.path = ROOT / parts.path[1:]  # sqlite:////abs/path or sqlite:///relative
            if url and self.path.exists() and not existing:
                raise BenchError(f"{self.path} exists: the benchmark needs a fresh database")
        elif self.scheme in ("postgres", "postgresql", "pgsql"):
            self.name = parts.path.lstrip("/")
            if not existing and not re.fullmatch(r"bench[A-Za-z0-9_]*", self.name):
                raise BenchError(
                    f"the PostgreSQL database is dropped and recreated, so its name must start "
                    f"with 'bench' (letters, digits, _): not {self.name!r}"
                )
            self.maintenance = urlunsplit(parts._replace(path="/postgres"))
        else:
            raise BenchError(f"unsupported database URL {self.url!r}")

    def psql(self, *commands):
        """`commands` on the maintenance database (to create and drop this one)."""
        return _psql(self.maintenance, commands)

    def psql_on_database(self, *commands):
        """`commands` on the benchmark's own database."""
        return _psql(self.url.replace("postgres://", "postgresql://", 1), commands)

    def create(self):
        if self.scheme == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        else:
            self.psql(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.scheme != "sqlite":
            self.psql(f'DROP DATABASE IF EXISTS "{self.name}"')

    def describe(self):
        if self.scheme == "sqlite":
            return f"SQLite {sqlite3.sqlite_version} ({self.path})"
        version = self.psql("SHOW server_version").split()[0] if shutil.which("psql") else "?"
        return f"PostgreSQL {version} ({self.name})"


def manage(database, *args, profile=None):
    """Run manage.py in a subprocess on `database`; (seconds, stdout)."""
    environment = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += [str(ROOT / "manage.py"), *args]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise BenchError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return elapsed, result.stdout.strip()


# --- the run --------------------------------------------------------------------------------


# The production settings for a benchmark's child process (Django's test client).
CHILD_SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-not-a-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def _psql(url, commands):
    args = ["psql", url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"]
    for command in commands:
        args += ["-c", command]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode:
        raise BenchError(f"psql failed: {result.stderr.strip()}")
    return result.stdout.strip()


class Workspace:
    """A temporary folder and the databases a benchmark makes: all removed at the end,
    unless --keep."""

    def __init__(self, args, prefix):
        self.keep = args.keep
        self.folder = Path(tempfile.mkdtemp(prefix=prefix))
        self.databases = []

    def database(self, url, folder=None):
        database = Database(url, folder or self.folder)
        self.databases.append(database)
        return database

    def imported(self, args):
        """A new database (args.database_url, or SQLite here) holding the corpus of
        prepare_corpus(): (the database, the number of profiles, the import's seconds and
        output)."""
        folder, paths, _ = prepare_corpus(args, self.folder)
        database = self.database(args.database_url)
        database.create()
        manage(database, "migrate", "--noinput")
        seconds, output = manage(database, "import_nsp", str(folder))
        return database, len(paths), seconds, output

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        if self.keep:
            print(f"kept {self.folder}")
            return
        for database in self.databases:
            database.drop()
        shutil.rmtree(self.folder, ignore_errors=True)


def run(args):
    with Workspace(args, "nsp-bench-") as workspace:
        workdir = workspace.folder
        database = None
        folder, paths, generated = prepare_corpus(args, workdir)
        count = len(paths)
        rows = []
        parse_runs, size = bench_parse(paths, args.parse_repeat)
        best = min(parse_runs)
        rows.append(
            (
                f"parse_profile, best of {len(parse_runs)}",
                best,
                count / best,
                _verdict(
                    count / best >= PARSE_TARGET_PER_SECOND, f">= {PARSE_TARGET_PER_SECOND:.0f}/s"
                ),
            )
        )
        if len(parse_runs) > 1:
            median = statistics.median(parse_runs)
            rows.append((f"parse_profile, median of {len(parse_runs)}", median, count / median, ""))
        if not args.skip_import:
            database = workspace.database(args.database_url)
            database.create()
            startup, _ = manage(database, "--version")
            rows.append(("manage.py --version (start-up)", startup, None, ""))
            migrate, _ = manage(database, "migrate", "--noinput")
            rows.append(("manage.py migrate (not counted)", migrate, None, ""))
            profile = args.cprofile
            if profile:
                profile.mkdir(parents=True, exist_ok=True)
            seconds, output = manage(
                database, "import_nsp", str(folder), profile=profile and profile / "import.prof"
            )
            if f"{count} were created" not in output:
                raise BenchError(f"unexpected import report: {output}")
            target = IMPORT_TARGET_SECONDS * count / 3000
            ok = seconds <= target if database.scheme == "sqlite" else None
            rows.append(
                (
                    "import_nsp, fresh database",
                    seconds,
                    count / seconds,
                    _verdict(ok, f"<= {target:.3g} s"),
                )
            )
            seconds, output = manage(
                database, "import_nsp", str(folder), profile=profile and profile / "reimport.prof"
            )
            if "nothing changed" not in output:
                raise BenchError(f"the re-import changed something: {output}")
            rows.append(("import_nsp again (unchanged)", seconds, count / seconds, ""))
        report(args, folder, count, size, generated, database, rows)


def _verdict(ok, target):
    if ok is None:
        return target
    return f"{target}: {'met' if ok else 'MISSED'}"


def report(args, folder, count, size, generated, database, rows):
    print()
    print("NSP import benchmark")
    print(f"  machine:  {os.cpu_count()} CPUs ({cpu_model()}), {platform.platform()}")
    print(f"  python:   {platform.python_implementation()} {platform.python_version()}")
    if database is not None:
        print(f"  database: {database.describe()}")
    made = f", generated in {generated:.1f} s" if generated is not None else " (reused)"
    print(
        f"  corpus:   {count} profiles, {size / 1e6:.1f} MB, {size / count / 1000:.1f} kB per "
        f"profile, seed {args.seed}{made}: {folder}"
    )
    if args.cprofile:
        print(f"  cProfile: {args.cprofile} (the import times include the profiler's overhead)")
    print()
    print(f"  {'step':34} {'seconds':>8} {'profiles/s':>11}  target")
    for step, seconds, rate, target in rows:
        rate_text = f"{rate:11.0f}" if rate is not None else " " * 11
        print(f"  {step:34} {seconds:8.2f} {rate_text}  {target}".rstrip())


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Benchmark parsing and `manage.py import_nsp` on a synthetic NSP corpus: parse "
            "speed in profiles/s, then an import into a fresh database and a re-import of "
            "the same files."
        )
    )
    add_corpus_arguments(parser)
    parser.add_argument(
        "--database-url",
        help="database for the import, e.g. postgres://postgres@127.0.0.1:5432/bench "
        "(dropped and recreated: the name must start with 'bench'); default: a new "
        "SQLite file in the temporary folder",
    )
    parser.add_argument(
        "--parse-repeat",
        type=int,
        default=3,
        help="passes over the corpus for the parse figure (default 3)",
    )
    parser.add_argument("--skip-import", action="store_true", help="measure parsing only")
    parser.add_argument(
        "--cprofile",
        type=Path,
        metavar="DIR",
        help="run both imports under cProfile and write DIR/import.prof and DIR/reimport.prof",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and the database"
    )
    args = parser.parse_args(argv)
    if args.profiles < 1 or args.parse_repeat < 1:
        parser.error("--profiles and --parse-repeat must be at least 1")
    return run_benchmark(run, args)


def run_benchmark(run, args):
    """Run a benchmark: its exit status (0 when it returns none), or 1 with a BenchError's
    message on stderr."""
    try:
        return run(args) or 0
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def measure_in_child(script, database, *options, settings=CHILD_SETTINGS):
    """Run `script` with --_measure and `options` against `database` in the production
    settings (or `settings`): the JSON of its last line of output."""
    child = subprocess.run(
        [sys.executable, str(Path(script).resolve()), "--_measure", *options],
        cwd=ROOT,
        env={**os.environ, **settings, "DATABASE_URL": database.url},
        capture_output=True,
        text=True,
    )
    if child.returncode:
        raise BenchError(f"the measurement failed:\n{child.stderr[-4000:]}")
    # The JSON is the last line (the app's logs may go to stdout too).
    return json.loads(child.stdout.strip().splitlines()[-1])


def add_child_arguments(parser):
    """--json, --keep and the child's hidden --_measure."""
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and database")
    parser.add_argument("--_measure", action="store_true", help=argparse.SUPPRESS)


def measure_or_run(args, measure, run):
    """A benchmark with a child process: the child's measurement (--_measure, inside
    Django, its figures on stdout), or the parent's run_benchmark()."""
    if args._measure:
        measure(args)
        return 0
    return run_benchmark(run, args)


if __name__ == "__main__":
    sys.exit(main())
