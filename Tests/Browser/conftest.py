"""Starts `kg serve` on a snapshot of the bundled demo corpus (plus a document whose title is a script tag) for the
browser and API-fuzzing tests. The kg binary is $KG_BINARY or .build/debug/kg."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IN_CI = bool(os.environ.get("CI"))

# A notice in the GB/T 9704 shape whose title starts with a script tag: every page must show it as text.
XSS_NOTICE = """测试〔2024〕1号

<script>alert(1)</script>关于开展测试工作的通知

各有关单位：

现就有关事项通知如下。

测试办公室
2024年5月6日
"""


def kg_binary():
    path = os.environ.get("KG_BINARY") or os.path.join(ROOT, ".build", "debug", "kg")
    if not os.path.exists(path):
        pytest.fail(f"no kg binary at {path}: run `swift build --build-tests` first")
    return path


@pytest.fixture(scope="session")
def server():
    """The explorer's base URL, serving Exports/demo-corpus and the script-titled notice."""
    kg = kg_binary()
    work = tempfile.mkdtemp(prefix="kg-serve-e2e-")
    xss = os.path.join(work, "xss_notice.txt")
    with open(xss, "w", encoding="utf-8") as f:
        f.write(XSS_NOTICE)
    snapshot = os.path.join(work, "demo.kgs")
    subprocess.run([kg, "ingest", "Exports/demo-corpus", xss, "--graph", snapshot], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process = subprocess.Popen([kg, "serve", "--graph", snapshot, "--port", "0"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        match = re.search(r"at (http://[^ /]+)/", line)
        if match:
            url = match.group(1)
    if url is None:
        process.kill()
        pytest.fail("kg serve did not start")
    yield {"url": url, "snapshot": snapshot, "work": work}
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(work, ignore_errors=True)


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        import json
        return json.load(response)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium through chromedriver; skipped locally when missing, a failure in CI."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        chromium = None
    if not chromium or not driver_path:
        message = "chromium, chromium-driver and selenium are needed (apt-get install chromium chromium-driver; pip install selenium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000",
                     "--lang=zh-CN"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshots():
    folder = os.environ.get("SCREENSHOT_DIR") or os.path.join(tempfile.gettempdir(), "kg-serve-screenshots")
    os.makedirs(folder, exist_ok=True)
    return folder
