"""End-to-end tests of `kg serve` in a real browser (Debian chromium driven by selenium) on the demo corpus."""
import json
import os
import urllib.parse

import pytest

from conftest import IN_CI, ROOT, get_json

try:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    if IN_CI:
        raise
    pytest.skip("selenium is needed (pip install selenium)", allow_module_level=True)


def q(value):
    return urllib.parse.quote(value, safe="")


def shoot(browser, screenshots, name):
    browser.save_screenshot(os.path.join(screenshots, name + ".png"))


def test_search_leads_to_the_entity_page_that_lists_co_issuers(server, browser, screenshots):
    base = server["url"]
    browser.get(base + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("财政")
    # Type-ahead: the datalist fills from /api/search.
    WebDriverWait(browser, 30).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#typeahead-q option")) > 0)
    labels = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#typeahead-q option")]
    assert "财政部" in labels
    box.clear()
    box.send_keys("财政部")
    box.submit()
    WebDriverWait(browser, 30).until(expected_conditions.url_contains("/entity"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "财政部"
    expected = {p["second"]["label"] for p in get_json(base, "/api/entity?name=" + q("财政部"))["coissuers"]}
    assert expected, "the demo corpus has co-issuers of 财政部"
    shown = {row.find_element(By.CSS_SELECTOR, "td a").text for row in browser.find_elements(By.CSS_SELECTOR, "tr.coissuer")}
    assert shown == expected
    shoot(browser, screenshots, "entity")


def test_co_issuance_picture_draws_every_agency_and_the_year_slider_changes_it(server, browser, screenshots):
    base = server["url"]
    answer = get_json(base, "/api/coissue")
    browser.get(base + "/coissue")
    circles = browser.find_elements(By.CSS_SELECTOR, "#coissue-svg a.agency circle")
    assert len(circles) == len(answer["agencies"]) > 2
    lines = browser.find_elements(By.CSS_SELECTOR, "#coissue-svg a.link line")
    assert len(lines) == len(answer["links"])
    shoot(browser, screenshots, "coissue")
    periods = answer["periods"]
    last = periods[-1]
    narrowed = get_json(base, f"/api/coissue?from={last}")
    slider = browser.find_element(By.ID, "from-slider")
    assert slider.get_attribute("max") == str(len(periods) - 1)
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", slider,
                           str(len(periods) - 1))
    WebDriverWait(browser, 30).until(expected_conditions.url_contains(f"from={last}"))
    circles = browser.find_elements(By.CSS_SELECTOR, "#coissue-svg a.agency circle")
    assert len(circles) == len(narrowed["agencies"])
    assert len(circles) < len(answer["agencies"])
    summary = browser.find_element(By.ID, "coissue-summary")
    assert summary.get_attribute("data-agencies") == str(len(narrowed["agencies"]))
    if narrowed["undatedLeftOut"]:
        assert browser.find_element(By.ID, "undated-note").is_displayed()
    # Clicking a line lists the pair's documents.
    heaviest = max(browser.find_elements(By.CSS_SELECTOR, "#coissue-svg a.link"), key=lambda a: int(a.get_attribute("data-count")))
    line = heaviest.find_element(By.TAG_NAME, "line")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));", line)
    WebDriverWait(browser, 30).until(expected_conditions.presence_of_element_located((By.ID, "pair")))
    assert browser.find_elements(By.CSS_SELECTOR, "ul.documents li")


def test_path_from_the_ministry_of_finance_to_ppp_shows_each_hops_evidence(server, browser, screenshots):
    base = server["url"]
    answer = get_json(base, "/api/path?from=" + q("财政部") + "&to=PPP")
    assert answer["paths"]
    browser.get(base + "/path?from=" + q("财政部") + "&to=PPP")
    # The page shows alternatives that differ only in a parallel edge once.
    distinct, seen = [], set()
    for path in answer["paths"]:
        key = tuple((h["from"]["id"], h["relation"], h["forward"], h["to"]["id"]) for h in path)
        if key not in seen:
            seen.add(key)
            distinct.append(path)
    hops = browser.find_elements(By.CSS_SELECTOR, "li.hop")
    assert len(hops) == sum(len(p) for p in distinct)
    for hop, expected in zip(hops, [h for p in distinct for h in p]):
        # (the browser shows runs of white space as one space)
        assert hop.find_element(By.CSS_SELECTOR, "blockquote.evidence").text == " ".join(expected["evidence"]["text"].split())
    shoot(browser, screenshots, "path")
    # The evidence link opens the document at the hop's line (evidence from an ontology row has no document page).
    next(h for h in hops if h.find_elements(By.CSS_SELECTOR, "a.where")).find_element(By.CSS_SELECTOR, "a.where").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_contains("/document"))
    line = browser.current_url.split("#L")[1]
    assert browser.find_element(By.ID, "L" + line).is_displayed()


def test_document_page_highlights_the_red_line_at_its_exact_offsets(server, browser, screenshots):
    base = server["url"]
    answer = get_json(base, "/api/document?id=" + q("财金〔2024〕31号"))
    index, span = next((i, s) for i, s in enumerate(answer["spans"]) if s["kind"] == "target" and "10%红线" in s["label"])
    browser.get(base + "/document?id=" + q("财金〔2024〕31号"))
    runs = [a for a in browser.find_elements(By.CSS_SELECTOR, "#source-text a.ev")
            if str(index) in a.get_attribute("data-spans").split()]
    assert runs
    assert min(int(a.get_attribute("data-start")) for a in runs) == span["start"]
    assert max(int(a.get_attribute("data-end")) for a in runs) == span["end"]
    with open(os.path.join(ROOT, answer["source"]), "rb") as f:
        stated = f.read()[span["start"]:span["end"]].decode("utf-8")
    assert "".join(a.text for a in runs) == stated
    assert "10%" in stated
    assert runs[0].find_element(By.TAG_NAME, "mark").value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", runs[0])
    shoot(browser, screenshots, "document")
    # The highlighted run links to the target it supports.
    assert urllib.parse.unquote(runs[0].get_attribute("href")).endswith(span["node"])


def test_a_script_in_a_title_renders_as_text(server, browser, screenshots):
    base = server["url"]
    found = get_json(base, "/api/search?q=" + q("测试〔2024〕1号"))
    document = (found.get("match") or found["candidates"][0])["id"]
    browser.get(base + "/document?id=" + q(document))
    assert "<script>alert(1)</script>" in browser.find_element(By.TAG_NAME, "h1").text
    try:
        browser.switch_to.alert
        raise AssertionError("a script from the title ran")
    except NoAlertPresentException:
        pass
    scripts = [s.get_attribute("src") for s in browser.find_elements(By.TAG_NAME, "script")]
    assert scripts == [base + "/static/app.js"]
    shoot(browser, screenshots, "xss")


def test_targets_table_filters_by_kind(server, browser, screenshots):
    base = server["url"]
    browser.get(base + "/targets?kind=red_line")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.target")
    assert len(rows) == get_json(base, "/api/targets?kind=red_line")["total"] > 0
    shoot(browser, screenshots, "targets")
