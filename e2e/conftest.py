"""Browser tests: Playwright driving Debian's Chromium against Django's live server.

No browser is downloaded: `/usr/bin/chromium` is launched with flags that keep it off the
network. Screenshots go to e2e/screenshots/ (ignored by git) for a human to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

from e2e.capture import save_screenshot
from e2e.demo_snapshot import restore_or_load

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "demo-password-for-tests"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _static_files_from_finders():
    """Serve CSS and JavaScript to the browser without collectstatic.

    pytest-django's live server adds its static files handler only when INSTALLED_APPS names
    "django.contrib.staticfiles" literally; Leitstand lists its own subclass
    (core.staticfiles), so WhiteNoise finds the files instead.
    """
    with override_settings(WHITENOISE_USE_FINDERS=True):
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}, "locale": "en-GB"}


@pytest.fixture
def shot():
    """`shot(page, "name")` saves a full-page screenshot for review."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        return save_screenshot(page, SCREENSHOTS / f"{name}.png")

    return take


@pytest.fixture
def sign_in(live_server, client):
    """`sign_in(page, user)`: put a signed-in session cookie into the browser."""

    def do(page, user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return do


@pytest.fixture
def demo(transactional_db, monkeypatch, settings, tmp_path):
    """The demo organisations, with the demo user's password set to DEMO_PASSWORD."""
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", DEMO_PASSWORD)
    restore_or_load(lambda: call_command("load_demo", verbosity=0))


@pytest.fixture(autouse=True)
def _no_script_errors(request):
    """Every browser test fails on a JavaScript error or a Content-Security-Policy refusal."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    yield
    assert not errors, "\n".join(errors)
