"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)
against the demo app behind real HTTP on an ephemeral loopback port.

Every request the browser makes goes through a route that lets only 127.0.0.1 through and
records the others (then aborts them): the pages must work with no internet, so the list must
stay empty. Console errors fail the tests too. A missing chromium fails them: it does not skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect, sync_playwright

from conftest import served

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLE = "finance-paid-per-kae-chapter"
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def demo_server(demo_app: Flask) -> Iterator[str]:
    with served(demo_app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: install Debian's chromium (apt)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


class Watched:
    """A page whose off-host requests and console errors are recorded."""

    def __init__(self, page: Page):
        self.page = page
        self.off_host: list[str] = []
        self.console_errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _route(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.off_host.append(url)
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location})")


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watching = Watched(page)
    try:
        yield watching
    finally:
        context.close()
    assert watching.off_host == [], "requests off this server"
    assert watching.console_errors == [], "console errors"


def test_run_an_example_query_in_yasgui(watched: Watched, demo_server: str) -> None:
    page = watched.page
    page.goto(demo_server + "?lang=en")
    page.click(f'a.example[data-example="{EXAMPLE}"]')
    page.wait_for_url(f"**/query?example={EXAMPLE}*")
    expect(page.locator("#yasgui[data-ready=true]")).to_have_count(1)
    expect(page.locator(".yasqe .CodeMirror")).to_contain_text("fin:ExpenditureLine")
    page.click(".yasqe_queryButton")
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 1
    # The chapters' names come from the KAE code list: a row of real data, not a message.
    expect(page.locator(".yasr table")).to_contain_text("Αμοιβές και έξοδα προσωπικού")


def test_the_query_page_runs_what_the_url_gives(watched: Watched, demo_server: str) -> None:
    page = watched.page
    query = "SELECT ?graph WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"
    page.goto(f"{demo_server}query?lang=en&query={quote(query)}")
    expect(page.locator("#yasgui[data-ready=true]")).to_have_count(1)
    page.click(".yasqe_queryButton")
    expect(page.locator(".yasr table")).to_contain_text("graph/4401/budget-expense/2024")


def test_switching_language_changes_the_strings(watched: Watched, demo_server: str) -> None:
    page = watched.page
    page.goto(demo_server + "?lang=el")
    expect(page.locator("html")).to_have_attribute("lang", "el")
    expect(page.locator("h1")).to_have_text("demoi — ανοικτά διασυνδεδεμένα δεδομένα ΟΤΑ")
    expect(page.locator("table.matrix")).to_contain_text("Δήμος Καλαμάτας")
    page.click("header.site a.lang")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("demoi — linked open data of Greek local government")
    expect(page.locator("table.matrix")).to_contain_text("Municipality of Kalamata")
    page.click("header.site nav >> text=Query editor")
    expect(page.locator("h1")).to_have_text("SPARQL query")
    page.click("header.site a.lang")
    expect(page.locator("h1")).to_have_text("Ερώτημα SPARQL")


def test_the_browsers_language_chooses_the_page(browser: Browser, demo_server: str) -> None:
    context = browser.new_context(locale="el-GR")
    try:
        page = context.new_page()
        page.goto(demo_server)
        expect(page.locator("html")).to_have_attribute("lang", "el")
    finally:
        context.close()


def test_open_a_resource_page_and_follow_a_link(watched: Watched, demo_server: str) -> None:
    page = watched.page
    page.goto(demo_server + "?lang=en")
    page.click("table.matrix tbody th a >> text=Municipality of Kalamata")
    page.click('tr[data-area="finance"] a.graph >> nth=0')
    page.wait_for_url("**/graph/4401/**")
    expect(page.locator("h1")).to_be_visible()
    resource = page.locator('main a[href^="/id/"]').first
    target = resource.get_attribute("href")
    assert target
    resource.click()
    page.wait_for_url("**" + target.split("?")[0] + "*")
    expect(page.locator("h1")).to_be_visible()
    assert page.locator('link[rel="stylesheet"]').count() >= 1


def test_typing_in_the_editor_asks_no_vocabulary_service(
    watched: Watched, demo_server: str
) -> None:
    """YASGUI's class and property autocompleters ask lov.linkeddata.es as one types."""
    page = watched.page
    page.goto(demo_server + "query?lang=en")
    expect(page.locator("#yasgui[data-ready=true]")).to_have_count(1)
    page.click(".yasqe .CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.type("PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT * WHERE { ?s a foaf:Pe")
    page.keyboard.press("Control+Space")
    page.keyboard.type("rs ; foaf:na")
    page.keyboard.press("Control+Space")
    page.wait_for_timeout(1500)


def test_the_watch_records_what_leaves_this_server(browser: Browser, demo_server: str) -> None:
    """The checks above could not fail if the route let everything through. (The pages' CSP
    would stop this fetch before the route sees it, so it is bypassed here.)"""
    context = browser.new_context(bypass_csp=True)
    try:
        watching = Watched(context.new_page())
        watching.page.goto(demo_server + "?lang=en")
        watching.page.evaluate(
            "fetch('http://example.org/x').catch(() => {}); console.error('broken')"
        )
        watching.page.wait_for_timeout(500)
        assert watching.off_host == ["http://example.org/x"]
        assert any("broken" in error for error in watching.console_errors)
    finally:
        context.close()


def test_a_term_iri_lands_on_its_section_of_the_standards_docs(
    watched: Watched, demo_server: str
) -> None:
    """A browser following a vocabulary term's IRI is sent (303) to its area's page and keeps
    the fragment, so the term's own section is on screen; the class diagram is drawn."""
    page = watched.page
    page.goto(demo_server + "def/finance?lang=en#BudgetLine")
    page.wait_for_url("**/standards/finance?lang=en#BudgetLine")
    section = page.locator("section#BudgetLine")
    expect(section).to_be_in_viewport()
    expect(section).to_contain_text("Budget line")
    expect(page.locator("#diagram svg")).to_be_visible()
    page.click("header.docs a.lang")
    expect(page.locator("html")).to_have_attribute("lang", "el")
    expect(page.locator("section#BudgetLine")).to_contain_text("Γραμμή προϋπολογισμού")


def test_a_code_iri_lands_on_its_concept(watched: Watched, demo_server: str) -> None:
    page = watched.page
    page.goto(demo_server + "code/municipality/4401?lang=en")
    page.wait_for_url("**/standards/code/municipality?lang=en#4401")
    expect(page.locator('[id="4401"]')).to_be_in_viewport()
    expect(page.locator('[id="4401"]')).to_contain_text("Kalamata")
