"""Browser tests: Playwright driving Debian's Chromium against pytest-django's
live server. Without /usr/bin/chromium they are skipped with a plain message,
except under CI (CI=true), where a missing browser is a failure."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def chromium():
    """A fresh browser per test. Playwright's sync API switches greenlets, which
    gives Django another connection object while it runs; ending it within the
    test lets the database teardown (and the next test's serialized rollback)
    run on the test runner's own connection."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = (
            f"Chromium introuvable ({CHROMIUM}) : tests navigateur non exécutés. "
            "Installez-le avec `apt-get install chromium`."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mobile_page(chromium):
    context = chromium.new_context(viewport=MOBILE, locale="fr-FR", is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    path = os.path.join(os.getcwd(), "test-artifacts", "screenshots")
    os.makedirs(path, exist_ok=True)
    return path


def axe_violations(page):
    """Run axe-core on the page; return the violations of WCAG 2.0/2.1 A and AA."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} : {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
