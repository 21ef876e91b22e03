"""Headless Chromium for the page, through Selenium: for the browser tests, the page benchmark and
the README screenshot (Selenium and a Chromium are needed only there: ``pip install -e .[test]``
and Debian's ``chromium`` and ``chromium-driver``).

Debian's chromedriver is built from the same sources as its chromium, so the two always match,
and giving its path explicitly means selenium-manager never downloads a driver.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Flags that keep a headless Chromium from contacting anything at start-up.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


def missing() -> str | None:
    """Why the browser cannot start here, or None."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "needs selenium (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(width: int = 1400, height: int = 1000, logs: bool = False) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile and a *width* x *height* viewport.

    With *logs*, the browser console and the network (performance) logs are recorded.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path, timeout: float = 120) -> float:
    """Load the page at *path*, wait until its layout has settled; return the milliseconds that took
    (from navigation start, as the page measured it)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(Path(path).resolve().as_uri())
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script("return window.kgReady === true"))
    return float(driver.execute_script("return window.kgReadyAt"))
