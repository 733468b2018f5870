"""The integration map with many systems in Chromium: time to first render, and whether it
still answers a click. Uses Django's live-server thread on 127.0.0.1:8013 and Debian's Chromium.
"""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import Client
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from bench.landscape import build_landscape
from leitstand.tenancy.models import Membership, Role

PORT = 8013
SCREENSHOT = Path(settings.BASE_DIR) / "var" / "bench" / "map-2000.png"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CLICK_FIRST_NODE = """() => {
  const map = document.getElementById("flow-map");
  const node = map.cy.nodes()[0];
  const started = performance.now();
  node.emit("tap");
  const title = document.getElementById("map-panel-title").textContent;
  return {ms: performance.now() - started, title};
}"""


def _session_cookie(organisation) -> dict:
    user, _ = get_user_model().objects.get_or_create(email="bench@example.com")
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.VIEWER)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": f"http://127.0.0.1:{PORT}"}


def map_first_render(systems: int, flows: int) -> None:
    organisation = build_landscape(f"bench-map-{systems}", systems, flows)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=PORT)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        _measure(organisation, systems, flows)
    finally:
        server.terminate()


def _measure(organisation, systems: int, flows: int) -> None:
    url = f"http://127.0.0.1:{PORT}/o/{organisation.slug}/map/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.context.add_cookies([_session_cookie(organisation)])
        renders, completes = [], []
        for _ in range(3):
            page.goto(url)
            page.wait_for_selector("#flow-map[data-ready=true]", timeout=120_000)
            renders.append(float(page.get_attribute("#flow-map", "data-rendered-ms")))
            completes.append(float(page.get_attribute("#flow-map", "data-complete-ms")))
        timing = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {response: n.responseEnd, dom: n.domContentLoadedEventEnd}; }"
        )
        click = page.evaluate(CLICK_FIRST_NODE)
        page.wait_for_timeout(500)
        page.screenshot(path=str(SCREENSHOT))
        browser.close()
    print(
        f"map page, {systems:,} systems / {flows:,} flows: time to first render "
        f"{sorted(renders)[1]:.0f} ms (median of 3, best {min(renders):.0f} ms; HTML received "
        f"at {timing['response']:.0f} ms), all arrows drawn at {sorted(completes)[1]:.0f} ms; "
        f"a click on a system answers in {click['ms']:.0f} ms (screenshot: {SCREENSHOT})"
    )
