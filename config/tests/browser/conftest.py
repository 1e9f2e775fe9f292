"""Real-browser tests: pytest-django's live server driven by Playwright in the system Chromium.

What the tests need from outside Python:

- Chromium at /usr/bin/chromium (Debian's package `chromium`; Playwright's own browser
  download is never used),
- the `playwright` Python package (a dev dependency),
- axe-core at node_modules/axe-core/axe.min.js (`npm ci`, see package.json), for the
  accessibility audit only.

Where one is missing the tests that need it are skipped with the reason, so `make test` works
on a machine without them; with CI=true they fail instead, so CI never passes without having
run them (`require()` in the root conftest.py decides).
"""

import os
import shutil
from pathlib import Path

import pytest

from conftest import require

BASE_DIR = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("BROWSER_TESTS_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # The machines' network is closed: without these Chromium keeps trying to reach
    # Google's services at every start.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _chromium_problem():
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing: browser tests need Debian's Chromium "
            "(apt-get install -y chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="package")
def playwright_browser():
    """One headless Chromium for all the browser tests.

    Playwright's sync API leaves its asyncio event loop marked as running in the main thread
    between calls. Two things in Django notice:

    - it refuses ORM calls from a thread with a running loop (SynchronousOnlyOperation). The
      tests' ORM use (the seeds, the test database's flush, a user created in a test) is plain
      synchronous code that never runs inside the loop, so the check is switched off while the
      browser runs, and back on afterwards for the rest of the suite;
    - its connections are thread-critical locals, kept per context while a loop runs: the main
      thread would get fresh connection objects without the test set-up's state (the data that
      serialized_rollback restores). The main thread's connections are handed over as they are.
    """
    problem = _chromium_problem()
    require(problem is None, problem)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    main_thread_connections = {alias: connections[alias] for alias in connections}
    manager = sync_playwright().start()
    for alias, connection in main_thread_connections.items():
        connections[alias] = connection
    try:
        browser = manager.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="cs-CZ", **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(playwright_browser):
    """A desktop-sized page in a fresh context (no cookies), with the site's CSP in force."""
    context, page = _new_page(playwright_browser, "desktop", accept_downloads=True)
    yield page
    context.close()


@pytest.fixture
def new_page(playwright_browser):
    """A factory for pages with other options: new_page("phone", bypass_csp=True)."""
    contexts = []

    def make(viewport="desktop", **options):
        context, page = _new_page(playwright_browser, viewport, **options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def axe_source():
    """axe-core's source, to inject into a page under audit."""
    npm = " (npm ci)" if shutil.which("npm") else " (install Node.js and npm, then npm ci)"
    require(AXE_JS.exists(), f"{AXE_JS.relative_to(BASE_DIR)} is missing{npm}")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def site(live_server, seeds):
    """The live server's base URL, with both seed profiles in a committed database.

    Every browser test is marked django_db(transaction=True, serialized_rollback=True,
    databases="__all__"): the server thread only sees committed rows, so the test database
    is emptied after each test instead of rolled back, and the serialized rollback puts back,
    before each test, the data migrations' rows (regions, the DataVersion row, the editors
    group) that this removes. All databases: with read replicas (DATABASE_REPLICA_URLS) the
    server reads public pages from a replica, as in production."""
    return live_server.url


@pytest.fixture
def expect(playwright_browser):
    """Playwright's `expect` (imported here: the package may be missing, see require())."""
    from playwright.sync_api import expect

    return expect


ADMIN_USER = ("redaktor", "Heslo-pro-test-42")


@pytest.fixture
def admin_page(page, site):
    """The desktop page, logged in to the admin through its login form as a new superuser."""
    from django.contrib.auth.models import User

    username, password = ADMIN_USER
    User.objects.create_superuser(username, password=password)
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("input[type=submit]").click()
    page.wait_for_url(site + "/admin/")
    return page
