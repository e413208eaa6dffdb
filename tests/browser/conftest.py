"""Debian's Chromium driven by Playwright, one browser context per person.

The whole folder is skipped where /usr/bin/chromium is missing, so that
``make test`` still passes on a machine without it. Playwright never
downloads a browser of its own here.
"""

import re
import shutil
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from playwright.sync_api import (
    BrowserContext,
    Locator,
    Page,
    Playwright,
    Response,
)

# The head who signs: a second factor and a signing certificate installed.
from tests.decrees.conftest import archive, authority, signer

__all__ = ["archive", "authority", "signer"]

CHROMIUM = Path("/usr/bin/chromium")
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[1] / "test-artifacts" / "screenshots"

# Fail in seconds, not after Playwright's default half a minute.
TIMEOUT_MS = 10_000
FAILED = pytest.StashKey[bool]()


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install "
        "chromium); the browser tests need it."
    )
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Let the browsing fixture know at teardown whether the test failed."""
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session", autouse=True)
def _test_connections(django_db_setup: None) -> dict[str, BaseDatabaseWrapper]:
    """The connections to the test databases, taken before any browser starts."""
    return {alias: connections[alias] for alias in connections}


@pytest.fixture(scope="session", autouse=True)
def _same_connections_under_playwright(
    _test_connections: dict[str, BaseDatabaseWrapper], playwright: Playwright
) -> None:
    """Keep Django on the test databases' own connections once Playwright runs.

    Playwright's sync API leaves an event loop marked as running in this
    thread, and Django then looks connections up per async context: it
    would open fresh ones that lack the serialized contents, so that
    ``serialized_rollback`` silently stops restoring the data seeded by
    migrations (regencies, checklist, audit chain head) for every
    transactional test that runs after the first browser test.
    """
    for alias, connection in _test_connections.items():
        connections[alias] = connection


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Debian's Chromium, headless, quiet: no sandbox in containers, no updates."""
    return {
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
        "headless": True,
    }


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    phone: bool = False


VIEWPORTS = [
    Viewport("desktop", 1280, 800),
    Viewport("phone", 375, 812, phone=True),
]


@dataclass
class Browsing:
    """The people of a journey at one viewport, and a screenshot of every step.

    Every page fails the test on a server error (5xx) or a script error, so
    that a broken page cannot hide behind an assertion that still passes.
    """

    viewport: Viewport
    base_url: str
    new_context: Callable[..., BrowserContext]
    folder: Path
    steps: int = 0
    failures: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def open(self) -> Page:
        context = self.new_context(
            base_url=self.base_url,
            viewport={"width": self.viewport.width, "height": self.viewport.height},
            is_mobile=self.viewport.phone,
            has_touch=self.viewport.phone,
            locale="id-ID",
            timezone_id="Asia/Jakarta",
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        self.pages.append(page)
        page.on("response", self._check_response)
        page.on("pageerror", lambda error: self.failures.append(f"script: {error}"))
        return page

    def _check_response(self, response: Response) -> None:
        if response.status >= 500:
            self.failures.append(f"{response.status} on {response.url}")

    def press(self, locator: Locator) -> None:
        """Tap on the phone, click on the desktop."""
        if self.viewport.phone:
            locator.tap()
        else:
            locator.click()

    def menu(self, page: Page, selector: str) -> None:
        """Follow a link of the main menu, opening it first on the phone."""
        if self.viewport.phone:
            self.press(page.locator("button.navbar-toggler"))
        self.press(page.locator(f"#nav {selector}"))

    def shot(self, page: Page, step: str) -> None:
        """Keep a full-page screenshot, numbered in the order of the journey.

        On the phone the page must also fit the screen's width: a page that
        scrolls sideways hides part of every line.
        """
        self.steps += 1
        page.screenshot(
            path=self.folder / f"{self.steps:02d}-{step}.png", full_page=True
        )
        assert not self.failures, f"Before {step}: {self.failures}"
        if self.viewport.phone:
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= self.viewport.width, f"{step} is {width}px wide"

    def shoot_open_pages(self) -> None:
        """What every person saw when the test failed."""
        for number, page in enumerate(self.pages, start=1):
            if not page.is_closed():
                page.screenshot(
                    path=self.folder / f"failed-page{number}.png", full_page=True
                )


@pytest.fixture
def browsing(
    request: pytest.FixtureRequest,
    viewport: Viewport,
    new_context: Callable[..., BrowserContext],
    live_server: Any,
) -> Iterator[Browsing]:
    folder = SCREENSHOTS / re.sub(r"[^\w-]", "_", viewport.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    browsing = Browsing(
        viewport=viewport,
        base_url=live_server.url,
        new_context=new_context,
        folder=folder,
    )
    yield browsing
    if request.node.stash.get(FAILED, False):
        browsing.shoot_open_pages()
