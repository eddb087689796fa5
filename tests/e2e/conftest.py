"""Browser tests: a real Chromium driven by Playwright against pytest-django's live server.

Every test here is marked `browser`. Chromium comes from the system (CHROMIUM_PATH, default
/usr/bin/chromium): Playwright's own browser downloads are not used.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM would otherwise refuse
# to run there ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

E2E_DIR = Path(__file__).parent
LANGUAGES = ("en", "ro", "it", "el")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core's rules for WCAG 2.0/2.1/2.2 A and AA, plus Deque's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/e2e as `browser` (before `-m` deselects anything)."""
    for item in items:
        if E2E_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    configured = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return shutil.which(configured) or configured


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not Path(executable).is_file() or not os.access(executable, os.X_OK):
        message = f"Chromium not found at {executable} (set CHROMIUM_PATH to a Chromium executable)."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " Browser tests are required in CI.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser):
    """Make browser contexts with Civica's defaults; every one is closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("locale", "en-GB")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(autouse=True)
def _browser_test_environment(transactional_db):
    """Every browser test gets the live server's database in transactional mode and a fresh cache.

    The cache holds allauth's rate limits (failed sign-ins), which would otherwise leak between tests.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox():
    from django.core import mail

    return mail.outbox


class _DemoSnapshot:
    """The demo built once per session and copied back into the database before each test that asks.

    Building the demo takes seconds and grows with every app; restoring a copy of the SQLite database
    (sqlite3's online backup) and of the uploaded files takes a fraction of that. Other databases
    build the demo every time.
    """

    def __init__(self):
        self.database = None
        self.media = None
        self.report = None


_demo_snapshot = _DemoSnapshot()


@pytest.fixture(scope="session")
def _demo_media_copy(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def demo_world(transactional_db, settings, _demo_media_copy):
    """The whole demo: organisations in four countries, people of every role, a platform admin."""
    import sqlite3

    from django.db import connection

    from civica.demo.services import demo_load, demo_password

    media = Path(settings.MEDIA_ROOT)
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor != "sqlite":
        # The demo's PDF copies take LibreOffice a few seconds each; pages list documents either way.
        return demo_load(pdf_copies=False), demo_password()
    if _demo_snapshot.database is None:
        report = demo_load(pdf_copies=False)
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        raw.backup(copy)
        if media.exists():
            shutil.copytree(media, _demo_media_copy, dirs_exist_ok=True)
        _demo_snapshot.database, _demo_snapshot.report = copy, report
    else:
        _demo_snapshot.database.backup(raw)
        shutil.copytree(_demo_media_copy, media, dirs_exist_ok=True)
    return _demo_snapshot.report, demo_password()


def url(live_server, path: str) -> str:
    return live_server.url + path


def sign_in(page, live_server, email: str, password: str, lang: str = "en"):
    """Sign in through the real form at /<lang>/accounts/login/ and wait for the next page."""
    page.goto(url(live_server, f"/{lang}/accounts/login/"))
    # The sign-in form is the page's form with a "login" field (found without relying on the layout).
    form = page.locator('form:has(input[name="login"])')
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()
    assert "/accounts/login/" not in page.url, f"Sign-in failed for {email}: still on {page.url}"
    return page


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def format_violations(violations: list[dict], where: str = "") -> str:
    lines = [f"{len(violations)} accessibility violation(s){' on ' + where if where else ''}:"]
    for violation in violations:
        targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])]
        shown = "; ".join(targets[:4]) + (f"; … ({len(targets) - 4} more)" if len(targets) > 4 else "")
        lines.append(f"- {violation['id']} [{violation.get('impact')}] {violation.get('help')}: {shown}")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def assert_accessible(page):
    """axe-core (WCAG 2.2 A/AA and best practices) finds nothing on the page as it is now."""
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)


# Attributes that name other elements by id: a name with no element behind it means a screen reader
# announces nothing (axe does not report it), e.g. an error message that is never read out.
_DANGLING_ARIA_JS = """() => {
  const found = [];
  for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage"]) {
    for (const element of document.querySelectorAll(`[${attr}]`)) {
      for (const id of element.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) {
          found.push(`${element.tagName.toLowerCase()}#${element.id || "?"} ${attr} names missing #${id}`);
        }
      }
    }
  }
  return found;
}"""


def dangling_aria_references(page) -> list[str]:
    """Every aria attribute on the page that points at an id no element has."""
    return page.evaluate(_DANGLING_ARIA_JS)


class PageChecker:
    """Visits pages and collects every problem (status, `<html lang>`, axe), so one run shows them all.

    Every axe walk uses it: one test per (group of pages, language) signs in once and walks its pages.
    """

    def __init__(self, page, live_server, lang):
        self.page, self.live_server, self.lang = page, live_server, lang
        self.problems: list[str] = []
        self.checked: list[str] = []

    def visit(self, path: str, status: int = 200, label: str = ""):
        response = self.page.goto(url(self.live_server, path))
        if response is None or response.status != status:
            got = response.status if response else "no response"
            self.problems.append(f"{label or path}: HTTP {got}, expected {status}")
        self.check(label or path)
        return response

    def check(self, label: str):
        """The page as it is now: its language and axe."""
        self.checked.append(label)
        lang = html_lang(self.page)
        if lang != self.lang:
            self.problems.append(f"{label} ({self.page.url}): <html lang={lang!r}>, expected {self.lang!r}")
        violations = axe_violations(self.page)
        if violations:
            self.problems.append(format_violations(violations, f"{label} ({self.page.url})"))
        for dangling in dangling_aria_references(self.page):
            self.problems.append(f"{label} ({self.page.url}): {dangling}")

    def submit(self, form="main form[method=post]", label: str = "", button=None, expect_status: int | None = None):
        """Send a form (a selector or a locator) with its first submit button, or `button` (idem)."""
        form = self.page.locator(form).first if isinstance(form, str) else form
        if button is None:
            button = form.locator('button[type="submit"]').first
        elif isinstance(button, str):
            button = form.locator(button).first
        with self.page.expect_navigation() as navigation:
            button.click()
        response = navigation.value
        if expect_status is not None and (response is None or response.status != expect_status):
            self.problems.append(f"{label}: HTTP {response.status if response else None}, expected {expect_status}")
        self.check(label)

    def assert_clean(self):
        assert self.checked, "no page was checked"
        assert not self.problems, f"[{self.lang}] {len(self.problems)} problem(s):\n" + "\n".join(self.problems)
