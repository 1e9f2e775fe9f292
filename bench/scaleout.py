"""The scale-out topology of docs/DEPLOYMENT.md, run for real: gunicorn app servers sharing a
PostgreSQL primary, its streaming read replica and Redis.

    .venv/bin/python bench/scaleout.py two-servers [--edits 20]
    .venv/bin/python bench/scaleout.py primary-down
    .venv/bin/python bench/scaleout.py all

two-servers: a database on the primary (--primary-url, dropped and created again, so its
name starts with "bench"), read through the replica that streams from it (--replica-url:
`bash .ci/replica.sh start` makes one on 5433), Redis (--cache-url: a database of its own,
emptied). Two gunicorn servers, A and B, on free ports, with production settings. Checked:
/healthz on both; a page rendered by A is served by B from the shared cache (the database
is changed behind the cache's back, without a new data version: B still serves A's copy);
admin edits through A, each read at once on B (new content, new ETag); imports, each read
at once on B.

primary-down: a throw-away PostgreSQL cluster of its own (pg_createcluster on free ports,
dropped at the end), its replica (.ci/replica.sh), one gunicorn server. The primary is
stopped: public pages, stored or not, and the API are served from the replica, /healthz
says degraded (200), the admin answers 503 with Retry-After; started again: the admin
works with the same session and an edit shows at once. It never stops a cluster it did
not make, so it is safe on a machine whose PostgreSQL others use. Needs root.

Requests go as a TLS-terminating load balancer forwards them: Host is the public name
(--host, so that both servers store pages under the same keys), X-Forwarded-Proto is https
(the session and CSRF cookies are Secure). /healthz is probed by address over plain HTTP.
Every check prints ok or FAIL; the exit status is 1 when one failed.
"""

import argparse
import html
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from redis import Redis  # noqa: E402

from bench.bench_http import Gunicorn, collectstatic, free_port  # noqa: E402
from bench.bench_import import BenchError, Database, manage  # noqa: E402
from portal.outages import RETRY_AFTER  # noqa: E402

REPLICA_SH = ROOT / ".ci" / "replica.sh"
SEED = ROOT / "fixtures" / "nsp" / "001_4016ebdf744176cf.txt"  # 103332
PROFILE = "/povolani/reditel-zakaznickych-sluzeb/"
LIST = "/povolani/?q=reditel"
EDITOR = {"username": "editor", "password": "Heslo-pro-scaleout-42"}
RELEASE = "scaleout-run"  # DJANGO_RELEASE: the same on every server of a deployment
OUTAGE_CLUSTER = "nsp_scaleout_outage"

failures = []


def check(condition, message):
    print(("  ok    " if condition else "  FAIL  ") + message, flush=True)
    if not condition:
        failures.append(message)
    return condition


def say(message):
    print(f"  ..    {message}", flush=True)


def run(*command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode:
        raise BenchError(f"{' '.join(map(str, command))} failed:\n{result.stderr[-3000:]}")
    return result.stdout.strip()


def psql(url, sql):
    return run("psql", url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql)


# --- HTTP as a load balancer forwards it ----------------------------------------------------


class Reply:
    def __init__(self, response, started):
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()
        self.ms = (time.perf_counter() - started) * 1000
        self.text = self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Browser:
    """A visitor behind the TLS proxy: its own cookies (Secure ones too: the proxy speaks
    HTTPS to it), Host the public name, X-Forwarded-Proto https; no redirects followed."""

    def __init__(self, host):
        self.host = host
        self.cookies = {}

    def request(self, server, path, data=None, headers=None):
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.7",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{self.host}"
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request("POST" if body is not None else "GET", path, body, headers)
            reply = Reply(connection.getresponse(), started)
        finally:
            connection.close()
        for header in reply.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return reply

    def submit(self, server, path, changes=None, form_id=None):
        """GET the page, POST its form back as a browser would, with `changes`."""
        page = self.request(server, path)
        fields = FormFields(form_id)
        fields.feed(page.text)
        changes = changes or {}
        sent = {name for name, _ in fields.values}
        data = [(name, changes.get(name, value)) for name, value in fields.values]
        data += [(name, value) for name, value in changes.items() if name not in sent]
        return self.request(server, path, data=data)

    def log_in(self, server):
        return self.submit(server, "/admin/login/", EDITOR, form_id="login-form")


class FormFields(HTMLParser):
    """What a browser sends back from a form (the first, or the one with id `form_id`)."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = self.done = False
        self.values = []  # (name, value) in order; a name repeats for several values
        self.text = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and not self.done:
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "textarea":
            self.text = (attrs["name"], [])
        elif tag == "select":
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "chosen": []}
            self.select["first"] = None
        elif tag == "option" and self.select is not None:
            value = attrs.get("value")
            if self.select["first"] is None:
                self.select["first"] = value or ""
            if "selected" in attrs:
                self.select["chosen"].append(value or "")

    def handle_data(self, data):
        if self.text is not None:
            self.text[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "textarea" and self.text is not None:
            name, parts = self.text
            self.values.append((name, "".join(parts).removeprefix("\n")))
            self.text = None
        elif tag == "select" and self.select is not None:
            select, self.select = self.select, None
            if select["multiple"]:
                self.values += [(select["name"], value) for value in select["chosen"]]
            elif select["chosen"] or select["first"] is not None:
                self.values.append((select["name"], (select["chosen"] or [select["first"]])[0]))


# --- the pieces -----------------------------------------------------------------------------


class Topology:
    """A database on a primary, its replica, a Redis database, app servers."""

    def __init__(self, primary_url, replica_url, cache_url, host, workdir):
        self.database = Database(primary_url, workdir)
        self.replica_url = replica_url
        self.cache_url = cache_url
        self.host = host
        self.workdir = workdir
        self.servers = []

    def environment(self):
        return {
            **os.environ,
            "DATABASE_URL": self.database.url,
            "DATABASE_REPLICA_URLS": self.replica_url,
            "DJANGO_CACHE_URL": self.cache_url,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "1",  # the proxy says https; /healthz is exempt
            "DJANGO_SECRET_KEY": "scaleout-run-not-a-secret-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": self.host,
            "DJANGO_RELEASE": RELEASE,
            "DJANGO_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }

    def prepare(self):
        started = time.perf_counter()
        self.database.create()
        manage(self.database, "migrate", "--noinput")
        manage(self.database, "loaddata", "fixtures/nsp.json")
        os.environ["DJANGO_SUPERUSER_PASSWORD"] = EDITOR["password"]
        manage(
            self.database,
            "createsuperuser",
            "--noinput",
            "--username",
            EDITOR["username"],
            "--email",
            "editor@example.cz",
        )
        collectstatic(self.database)
        self.redis = Redis.from_url(self.cache_url)
        self.redis.flushdb()
        self.caught_up()
        say(f"database {self.database.name} ready in {time.perf_counter() - started:.1f} s")

    def caught_up(self, timeout=30):
        """Until the replica has replayed everything the primary committed so far."""
        target = psql(self.database.maintenance, "SELECT pg_current_wal_lsn()")
        replica = urlunsplit(urlsplit(self.replica_url)._replace(path="/postgres"))
        deadline = time.monotonic() + timeout
        while psql(replica, f"SELECT pg_last_wal_replay_lsn() >= '{target}'") != "t":
            if time.monotonic() > deadline:
                raise BenchError(f"the replica has not replayed up to {target}")
            time.sleep(0.05)

    def start_server(self):
        server = Gunicorn(self.database, self.workdir, 2, self.environment())
        self.servers.append(server)
        server.wait(path="/healthz")  # by address, plain HTTP, as a load balancer probes
        return server

    def stop_servers(self):
        for server in self.servers:
            server.stop()
        self.servers = []

    def stored_pages(self):
        return len(self.redis.keys("*page:*"))

    def profile_pk(self):
        return psql(self.database.url, "SELECT id FROM occupations_occupation WHERE nsp_id=103332")


def behind(server):
    """How often the server found its replica behind the data version (portal/caching.py
    logs it), and read from the primary instead."""
    return server.log.read_text().count(": read from the primary")


def etag(reply):
    return reply.headers.get("ETag")


def probe(server):
    """GET /healthz as a load balancer does: by address, plain HTTP, no proxy headers."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    started = time.perf_counter()
    try:
        connection.request("GET", "/healthz")
        return Reply(connection.getresponse(), started)
    finally:
        connection.close()


def check_health(server, name, expected):
    reply = probe(server)
    body = reply.json()
    states = ", ".join(
        f"{alias} {'ok' if state['ok'] else state['error']}"
        for alias, state in body["databases"].items()
    )
    cache = body["cache"]
    check(
        reply.status == (503 if expected == "down" else 200) and body["status"] == expected,
        f"{name}: /healthz by address over plain HTTP: {reply.status} {body['status']} "
        f"({states}; cache {cache['backend']} {'ok' if cache['ok'] else cache['error']}; "
        f"{reply.ms:.0f} ms)",
    )
    return body


# --- two-servers -----------------------------------------------------------------------------


def two_servers(args, workdir):
    print("== two app servers sharing PostgreSQL (primary + streaming replica) and Redis")
    topology = Topology(args.primary_url, args.replica_url, args.cache_url, args.host, workdir)
    topology.prepare()
    try:
        a, b = topology.start_server(), topology.start_server()
        say(f"A on :{a.port}, B on :{b.port}, both {RELEASE}, Host {args.host}")
        for server, name in ((a, "A"), (b, "B")):
            check_health(server, name, "ok")
        shared_cache(topology, a, b)
        admin_edits(topology, a, b, args.edits)
        imports(topology, b, args.imports)
    finally:
        topology.stop_servers()
        topology.database.drop()


def shared_cache(topology, a, b):
    visitor = Browser(topology.host)
    before = topology.stored_pages()
    on_a = visitor.request(a, PROFILE)
    stored = topology.stored_pages() - before
    check(
        on_a.status == 200 and stored == 1,
        f"A renders {PROFILE}: {on_a.status}, {on_a.ms:.0f} ms, {stored} page stored in Redis",
    )
    # Behind the cache's back (no new data version), so that only a stored copy can still
    # say the old thing.
    psql(
        topology.database.url,
        "UPDATE occupations_occupation SET title = 'Změněno mimo web' WHERE nsp_id = 103332",
    )
    topology.caught_up()
    on_b = visitor.request(b, PROFILE)
    check(
        on_b.body == on_a.body and etag(on_b) == etag(on_a) and "Změněno mimo web" not in on_b.text,
        f"B serves A's stored copy: same body and ETag {etag(on_b)}, {on_b.ms:.0f} ms, though the "
        "database now says otherwise",
    )
    psql(
        topology.database.url,
        "UPDATE occupations_occupation SET title = 'Ředitel zákaznických služeb' "
        "WHERE nsp_id = 103332",
    )
    revalidated = visitor.request(b, PROFILE, headers={"If-None-Match": etag(on_a)})
    check(revalidated.status == 304, f"B answers A's ETag with {revalidated.status}")


def admin_edit(editor, server, change, description):
    saved = editor.submit(server, change, {"description": description}, form_id="occupation_form")
    if saved.status != 302:
        errors = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', saved.text, re.S)
        raise BenchError(f"the admin did not save ({saved.status}): {errors[:3]}")


def admin_edits(topology, a, b, count):
    editor, visitor = Browser(topology.host), Browser(topology.host)
    login = editor.log_in(a)
    check(login.status == 302, f"the editor logs in on A: {login.status}")
    change = f"/admin/occupations/occupation/{topology.profile_pk()}/change/"
    on_b = editor.request(b, change)
    check(on_b.status == 200, f"the same session on B (sessions are on the primary): {on_b.status}")

    def edit_on_a_read_on_b(description):
        cached = visitor.request(b, PROFILE)  # B's copy of the current version
        admin_edit(editor, a, change, description)
        after = visitor.request(b, PROFILE, headers={"If-None-Match": etag(cached)})
        fresh = after.status == 200 and html.escape(description) in after.text
        return after, fresh and etag(after) != etag(cached)

    stale, times = 0, []
    for number in range(count):
        after, fresh = edit_on_a_read_on_b(f"Popis z úpravy číslo {number} na serveru A.")
        times.append(after.ms)
        stale += not fresh
    check(
        stale == 0,
        f"{count} admin edits through A, each read at once on B: {stale} stale; a new page "
        f"and a new ETag every time (B: {min(times):.0f}-{max(times):.0f} ms; the replica "
        f"had not replayed the edit yet {behind(b)} times: B read from the primary)",
    )

    # The lag made certain: the replica replays nothing until resumed.
    replica = urlunsplit(urlsplit(topology.replica_url)._replace(path="/postgres"))
    before = behind(b)
    psql(replica, "SELECT pg_wal_replay_pause()")
    try:
        after, fresh = edit_on_a_read_on_b("Popis uložený, když replika stojí.")
        on_replica = psql(
            topology.replica_url,
            "SELECT description FROM occupations_occupation WHERE nsp_id = 103332",
        )
    finally:
        psql(replica, "SELECT pg_wal_replay_resume()")
    check(
        fresh and on_replica != "Popis uložený, když replika stojí." and behind(b) > before,
        "replay paused on the replica, an admin edit through A is read at once on B: B found "
        "the replica behind and read from the primary",
    )


def imports(topology, b, count):
    visitor = Browser(topology.host)
    stale = 0
    for number in range(count):
        cached = visitor.request(b, LIST)
        name = f"Ředitel zákaznických služeb, verze {number}"
        text = SEED.read_text(encoding="utf-8").replace(
            "Ředitel zákaznických služeb\n", f"{name}\n", 1
        )
        edited = topology.workdir / f"import-{number}.txt"
        edited.write_text(text, encoding="utf-8")
        manage(topology.database, "import_nsp", str(edited))
        after = visitor.request(b, LIST, headers={"If-None-Match": etag(cached)})
        stale += not (after.status == 200 and name in after.text and etag(after) != etag(cached))
    check(
        stale == 0,
        f"{count} imports (manage.py import_nsp), each read at once on B: {stale} stale "
        f"(the replica behind {behind(b)} times so far)",
    )


# --- primary-down ----------------------------------------------------------------------------


class OutageCluster:
    """A PostgreSQL cluster of our own, to stop and start: never one anybody else uses."""

    def __init__(self):
        self.major = sorted(
            os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")]
        )[-1]
        self.port, self.replica_port = free_port(), free_port()
        # Not under the run's folder: the replica runs as postgres, which cannot enter it.
        self.replica_dir = Path("/tmp/nsp-replica-outage")
        self.config = Path("/etc/postgresql") / self.major / OUTAGE_CLUSTER

    def replica_env(self):
        return {
            **os.environ,
            "PG_MAJOR": self.major,
            "PRIMARY_PORT": str(self.port),
            "PRIMARY_CLUSTER": OUTAGE_CLUSTER,
            "REPLICA_PORT": str(self.replica_port),
            "REPLICA_DIR": str(self.replica_dir),
        }

    def ctl(self, action, *options):
        run(
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            self.major,
            OUTAGE_CLUSTER,
            action,
            *options,
        )

    def create(self):
        self.drop()  # left over by a run that died
        throw_away = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]
        options = [f"--pgoption={option}" for option in ["shared_buffers=32MB", *throw_away]]
        run("pg_createcluster", self.major, OUTAGE_CLUSTER, f"--port={self.port}", *options)
        (self.config / "pg_hba.conf").write_text(
            "local all all peer\n"
            "host all all 127.0.0.1/32 trust\n"
            "host replication postgres 127.0.0.1/32 trust\n"
        )
        self.ctl("start")
        run("bash", str(REPLICA_SH), "start", env=self.replica_env())

    def wait_streaming(self, timeout=60):
        replica = f"postgres://postgres@127.0.0.1:{self.replica_port}/postgres"
        deadline = time.monotonic() + timeout
        sql = "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'"
        while psql(replica, sql) != "1":
            if time.monotonic() > deadline:
                raise BenchError(f"the replica does not stream again after {timeout} s")
            time.sleep(0.1)

    def exists(self):
        clusters = [line.split()[:2] for line in run("pg_lsclusters", "-h").splitlines()]
        return [self.major, OUTAGE_CLUSTER] in clusters

    def drop(self):
        if self.replica_dir.exists():
            run("bash", str(REPLICA_SH), "destroy", env=self.replica_env())
        if self.exists():
            run("pg_dropcluster", "--stop", self.major, OUTAGE_CLUSTER)


def primary_down(args, workdir):
    print("== the primary stopped and started again under a running app server")
    if os.geteuid() != 0:
        raise BenchError("primary-down needs root: it makes a PostgreSQL cluster of its own")
    cluster = OutageCluster()
    started = time.perf_counter()
    cluster.create()
    say(
        f"throw-away primary on :{cluster.port}, replica on :{cluster.replica_port} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    name = "bench_scaleout_outage"
    topology = Topology(
        f"postgres://postgres@127.0.0.1:{cluster.port}/{name}",
        f"postgres://postgres@127.0.0.1:{cluster.replica_port}/{name}",
        args.cache_url,
        args.host,
        workdir,
    )
    try:
        topology.prepare()
        server = topology.start_server()
        editor, visitor = Browser(topology.host), Browser(topology.host)
        check(
            editor.log_in(server).status == 302,
            "the editor logs in (the session is on the primary)",
        )
        changelist = "/admin/occupations/occupation/"
        check(editor.request(server, changelist).status == 200, "the admin's list: 200")
        stored = visitor.request(server, "/povolani/")
        check(stored.status == 200, f"/povolani/ rendered and stored: {stored.status}")

        stopping = time.perf_counter()
        cluster.ctl("stop", "-m", "fast")
        say(f"primary stopped ({time.perf_counter() - stopping:.1f} s)")
        for path, what in (
            ("/povolani/", "stored"),
            (PROFILE, "not stored: rendered from the replica"),
            ("/api/v1/occupations/103332/", "the API"),
            ("/kompetence/", "not stored"),
        ):
            reply = visitor.request(server, path)
            check(
                reply.status == 200 and len(reply.body) > 500,
                f"GET {path} ({what}): {reply.status} in {reply.ms:.0f} ms",
            )
        body = check_health(server, "primary down", "degraded")
        check(
            body["databases"]["default"]["ok"] is False and body["databases"]["replica_1"]["ok"],
            "/healthz: the primary fails, the replica answers",
        )
        admin = editor.request(server, changelist)
        check(
            admin.status == 503
            and admin.headers.get("Retry-After") == "30"
            and "Služba je dočasně nedostupná" in admin.text,
            f"the admin with a session: {admin.status}, Retry-After "
            f"{admin.headers.get('Retry-After')}, the 503 page, {admin.ms:.0f} ms",
        )
        login = Browser(topology.host).log_in(server)
        check(login.status == 503, f"a login: {login.status} (the form itself needs no database)")

        starting = time.perf_counter()
        cluster.ctl("start")
        cluster.wait_streaming()
        say(f"primary started again, replica streaming ({time.perf_counter() - starting:.1f} s)")
        check(
            editor.request(server, changelist).status == 200,
            "the admin works again at once, with the same session",
        )
        deadline = time.monotonic() + 30
        while probe(server).json()["status"] != "ok" and time.monotonic() < deadline:
            time.sleep(0.2)
        check_health(server, "primary back", "ok")
        # A worker that saw the primary fail reads the version from the replica for up to
        # RETRY_AFTER s more; after that, an edit shows at once again.
        time.sleep(RETRY_AFTER)
        cached = visitor.request(server, PROFILE)
        saved = editor.submit(
            server,
            f"/admin/occupations/occupation/{topology.profile_pk()}/change/",
            {"description": "Upraveno po výpadku."},
            form_id="occupation_form",
        )
        after = visitor.request(server, PROFILE, headers={"If-None-Match": etag(cached)})
        check(
            saved.status == 302 and after.status == 200 and "Upraveno po výpadku." in after.text,
            f"{RETRY_AFTER:.0f} s later, an admin edit shows at once",
        )
    finally:
        topology.stop_servers()
        cluster.drop()  # its databases with it
        say(f"cluster {OUTAGE_CLUSTER} dropped")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", choices=["two-servers", "primary-down", "all"])
    parser.add_argument(
        "--primary-url", default="postgres://postgres@127.0.0.1:5432/bench_scaleout"
    )
    parser.add_argument(
        "--replica-url", default="postgres://postgres@127.0.0.1:5433/bench_scaleout"
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/6",
        help="a Redis database of its own: it is emptied",
    )
    parser.add_argument("--host", default="povolani.example.cz")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--imports", type=int, default=3)
    args = parser.parse_args(argv)
    for variable in ("DATABASE_URL", "DATABASE_REPLICA_URLS", "DJANGO_CACHE_URL"):
        os.environ.pop(variable, None)
    workdir = Path(tempfile.mkdtemp(prefix="scaleout-"))
    started = time.perf_counter()
    try:
        if args.run in ("two-servers", "all"):
            two_servers(args, workdir)
        if args.run in ("primary-down", "all"):
            primary_down(args, workdir)
    except BenchError as error:
        failures.append(str(error))
        print(f"!! {error}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if failures:
        print(
            f"== FAILED: {len(failures)} check(s) ({elapsed:.0f} s); the servers' logs: {workdir}"
        )
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"== all checks passed ({elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
