"""Full-page screenshots that survive a busy machine."""

from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

ATTEMPTS = 3


def save_screenshot(page, path: Path) -> Path:
    """Save a full-page screenshot of `page` to `path`.

    Chromium sometimes cannot produce a frame on a busy machine ("Unable to capture
    screenshot", seen once in CI right after a navigation): the page settles and it is tried
    again before the error is raised.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            page.wait_for_load_state("load")
            page.screenshot(path=str(path), full_page=True)
            return path
        except PlaywrightError:
            if attempt == ATTEMPTS:
                raise
            page.wait_for_timeout(500 * attempt)
    return path
