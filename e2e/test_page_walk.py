"""Every page of the demo company in German, at a phone's 390, a tablet's 768, a laptop's 1366
and a desktop's 1920 pixels.

The pages are found by walking the URL configuration (as the tenant isolation test does), with
real objects of the demo company for the URLs' keys, so a new page is covered by itself. Each
page must fit the screen's width at every width (a wide table scrolls inside its own box, never
the whole page). The German text must not double its punctuation ("66,0 Std.." after an
abbreviation), and axe-core (npm, node_modules/axe-core) finds no serious or critical
accessibility violation.

Two walks: the phone (390 px) and the laptop (1366 px, which also resizes each page to 768
and 1920 px). Each walk is cut into a few tests, every one taking every n-th page, so the test
workers share them out evenly instead of one worker walking for over a minute at the end of
the suite; a worker finds the pages once and keeps the list. A full-page screenshot of each
page at 390 and 1366 px goes to e2e/screenshots/walk-<width>-<page>.png, for a person to look
at; with LEITSTAND_WALK_SCREENSHOTS=1 also at 768 and 1920 px.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.exceptions import FieldError
from django.test import Client
from django.urls import reverse

from e2e.capture import save_screenshot
from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User
from leitstand.tenancy.models import Organisation
from tests.urlwalk import org_routes

WIDTHS = (390, 1366)
#: checked by resizing the laptop's walk, without loading each page again
ALSO_WIDTHS = {390: (), 1366: (768, 1920)}
#: tests per walk, of about 20 s each: a page takes about 0.4 s at 390 px and 0.9 s at 1366 px
PARTS = {390: 2, 1366: 4}
ALL_SCREENSHOTS = os.environ.get("LEITSTAND_WALK_SCREENSHOTS") == "1"
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => `${v.impact} ${v.id}: ${v.help}: ${v.nodes.slice(0, 3)
    .map((n) => n.target.join(' ')).join(' | ')}`)"""
ORG = "muster-logistik"
# filters from an object of the route's model to its organisation, tried in order
ORGANISATION_PATHS = (
    "organisation",
    "process__organisation",
    "assessment__organisation",
    "system__organisation",
    "initiative__organisation",
)
NOT_PAGES = ("/analysis.json",)
# "66,0 Std.." or "Kosten,, ": a full stop after an abbreviation, or a list glued twice
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,,|\.\s\.(?!\.)")


def _first_object(model, organisation):
    for path in ORGANISATION_PATHS:
        try:
            return model.objects.filter(**{path: organisation}).order_by("pk").first()
        except FieldError:
            continue
    return None


def _urls(organisation) -> list[tuple[str, str]]:
    """(name, path) of every organisation page that answers a GET with HTML."""
    found = []
    for route in org_routes():
        kwargs = {"org": organisation.slug}
        if "area" in route.params:
            kwargs["area"] = "organisation"
        if "pk" in route.params:
            obj = _first_object(route.model, organisation) if route.model else None
            if obj is None:
                continue
            kwargs["pk"] = obj.pk
        found.append((route.name, reverse(route.name, kwargs=kwargs)))
    return found


def _is_page(client, path) -> bool:
    """A whole HTML page, not a download, a form target taking POST only or an htmx part."""
    response = client.get(path)
    assert response.status_code in (200, 302, 405), f"{path}: {response.status_code}"
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and b"<html" in response.content[:300]
    )


_pages_found: list[tuple[str, str]] = []  # by this test worker, for the walk's other parts


def _pages(client, organisation) -> list[tuple[str, str]]:
    """The pages to look at: the generic confirmation and history pages (one template for
    every model) and a form's "new" twin of its "edit" page only once each."""
    pages = [("organisation_list", reverse("organisation_list"))]
    seen_generic = set()
    urls = _urls(organisation)
    names = {name for name, _ in urls}
    for name, path in urls:
        if path.endswith(NOT_PAGES):
            continue
        kind = name.rsplit("_", 1)[-1]
        if kind in ("delete", "history", "remove", "revoke"):
            if kind in seen_generic:
                continue
            seen_generic.add(kind)
        if kind == "create" and name.replace("_create", "_edit") in names:
            continue
        if _is_page(client, path):
            pages.append((name, path))
    return pages


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def _widest(page) -> str:
    """The element that sticks out furthest to the right, for the failure message."""
    return page.evaluate(
        """() => {
          let worst = null, right = window.innerWidth;
          const clipped = (el) => {
            for (let up = el.parentElement; up; up = up.parentElement) {
              if (getComputedStyle(up).overflowX !== 'visible') return true;
            }
            return false;
          };
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 1 && clipped(el)) continue;
            if (r.right > right + 1) { right = r.right; worst = el; }
          }
          if (!worst) return '';
          const cls = typeof worst.className === 'string' ? worst.className : '';
          return `${worst.tagName.toLowerCase()}.${String(cls).split(' ').join('.')} ` +
                 `(right edge ${Math.round(right)} px): ${worst.textContent.trim().slice(0, 60)}`;
        }"""
    )


def _walk_pages(organisation) -> list[tuple[str, str]]:
    """Every page of the walk, found once per test worker: the demo is put back the same for
    each test, so its keys and pages do not change between the parts."""
    if not _pages_found:
        user = User.objects.get(email="demo@example.com")
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        _pages_found.extend(_pages(client, organisation))
    return _pages_found


@pytest.mark.parametrize(
    ("width", "part"),
    [
        pytest.param(width, part, id=f"{width}-{part + 1}of{PARTS[width]}")
        for width in WIDTHS
        for part in range(PARTS[width])
    ],
)
def test_every_page_fits_phone_and_laptop_and_passes_axe(
    live_server, page, demo, sign_in, settings, width, part
):
    settings.LANGUAGE_CODE = "de"
    user = User.objects.get(email="demo@example.com")
    organisation = Organisation.objects.get(slug=ORG)
    every_page = _walk_pages(organisation)
    assert len(every_page) > 60, every_page  # the walk found the pages, not only the cockpit
    assert {"cockpit:home", "findings:findings", "resilience:overview"} <= dict(every_page).keys()
    pages = every_page[part :: PARTS[width]]  # the parts of a walk share its pages out
    assert pages

    sign_in(page, user)
    # no colour transitions: axe must see a focused button's final colours (Bootstrap honours it)
    page.emulate_media(reduced_motion="reduce")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "de", "url": live_server.url}]
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    axe_source = AXE.read_text(encoding="utf-8")
    problems = []
    for name, path in pages:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}{path}")
        if width == WIDTHS[0]:
            for doubled in DOUBLED.finditer(page.inner_text("body")):
                context = doubled.string[max(0, doubled.start() - 30) : doubled.end() + 5]
                problems.append(f"{name} {path}: doubled punctuation in “{context}”")
        if width == WIDTHS[-1]:  # accessibility once per page (axe-core from npm)
            page.evaluate(axe_source)  # through the debugger: the page's CSP stays on
            for violation in page.evaluate(AXE_RUN):
                problems.append(f"{name} {path}: {violation}")
        for each_width in (width, *ALSO_WIDTHS[width]):
            if each_width != width:
                page.set_viewport_size({"width": each_width, "height": 900})
            too_wide = _overflow(page)
            if too_wide and each_width != width:
                page.reload()  # as a tablet would open it (a drawn map keeps its first size)
                too_wide = _overflow(page)
            if too_wide:
                problems.append(
                    f"{each_width} px {name} {path}: {too_wide} px too wide: {_widest(page)}"
                )
            if each_width == width or ALL_SCREENSHOTS:
                save_screenshot(
                    page, SCREENSHOTS / f"walk-{each_width}-{name.replace(':', '-')}.png"
                )
    problems_file = SCREENSHOTS / f"walk-problems-{width}-{part + 1}of{PARTS[width]}.txt"
    problems_file.write_text("\n".join(problems) + "\n")
    assert not problems, "\n".join(problems)
