"""The annotated page in a real browser: every kind of highlight, clicking a diagnostic, note links, a screenshot."""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any

import pytest
from browser import available, chromium
from conftest import FIXTURES, PAGES, SEED

import kamerstuk
from kamerstuk.views.annotate import KINDS

pytestmark = pytest.mark.skipif(not available(), reason="needs chromium and chromium-driver (.ci/run installs them)")

#: A real letter whose two signature lines name no signatory (two KS902 diagnostics with spans).
WITH_DIAGNOSTICS = PAGES / "kst-25314-1.txt"


def open_page(driver: Any, source: Path, tmp_path: Path) -> None:
    page = tmp_path / f"{source.stem}.html"
    page.write_text(kamerstuk.annotate(kamerstuk.parse_file(source)), encoding="utf-8")
    driver.get(page.as_uri())


def in_view(driver: Any, element: Any) -> bool:
    top, bottom = driver.execute_script("var r=arguments[0].getBoundingClientRect();return [r.top, r.bottom];", element)
    return bool(0 <= top and bottom <= driver.execute_script("return window.innerHeight"))


def test_every_kind_of_highlight_is_on_the_pages(tmp_path: Path) -> None:
    found: set[str] = set()
    with chromium() as driver:
        for source in (SEED, WITH_DIAGNOSTICS):
            open_page(driver, source, tmp_path)
            for kind in KINDS:
                if driver.find_elements("css selector", f".ks-text .{kind}"):
                    found.add(kind)
            driver.save_screenshot(str(tmp_path / f"{source.stem}.png"))
    assert found == set(KINDS)
    assert (tmp_path / f"{SEED.stem}.png").stat().st_size > 10_000


def test_references_link_to_officielebekendmakingen(tmp_path: Path) -> None:
    with chromium() as driver:
        open_page(driver, SEED, tmp_path)
        hrefs = [a.get_attribute("href") for a in driver.find_elements("css selector", ".ks-text a.ks-reference")]
    assert "https://zoek.officielebekendmakingen.nl/kst-36471-96.html" in hrefs


def test_clicking_a_diagnostic_scrolls_to_its_span_and_flashes_it(tmp_path: Path) -> None:
    with chromium(1000, 300) as driver:
        open_page(driver, WITH_DIAGNOSTICS, tmp_path)
        assert driver.execute_script("return window.scrollY") == 0
        entry = driver.find_elements("css selector", ".ks-diagnostic .ks-go")[1]
        target = entry.get_attribute("data-go")
        entry.click()
        time.sleep(0.2)
        span = driver.find_element("css selector", f'[data-t~="{target}"]')
        assert driver.execute_script("return window.scrollY") > 0
        assert in_view(driver, span)
        assert "ks-flash" in (span.get_attribute("class") or "")
        assert "De Minister van Binnenlandse Zaken" in span.text
        driver.save_screenshot(str(tmp_path / "diagnostic.png"))


def test_a_note_marker_leads_to_its_note_and_back(tmp_path: Path) -> None:
    with chromium(1000, 400) as driver:
        open_page(driver, SEED, tmp_path)
        marker = driver.find_elements("css selector", "a.ks-marker")[0]
        marker.click()
        time.sleep(0.2)
        assert driver.execute_script("return location.hash") == "#note-1"
        note = driver.find_element("id", "note-1")
        assert in_view(driver, note) and note.text.startswith("Uw Kamer is over dit proces")
        back = driver.find_element("css selector", "a.ks-note-number")
        back.click()
        time.sleep(0.2)
        assert driver.execute_script("return location.hash") == "#marker-0"
        assert in_view(driver, driver.find_element("id", "marker-0"))


def test_it_prints_legibly(tmp_path: Path) -> None:
    with chromium() as driver:
        open_page(driver, SEED, tmp_path)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        panel = driver.find_element("css selector", ".ks-panel")
        assert panel.value_of_css_property("position") == "static"
        text = driver.find_element("css selector", ".ks-text")
        assert text.location["x"] == panel.location["x"]  # the panel is under the text, not beside it
        assert text.value_of_css_property("color") in ("rgba(17, 17, 17, 1)", "rgb(17, 17, 17)")
        pdf = base64.b64decode(driver.print_page())
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    (tmp_path / "printed.pdf").write_bytes(pdf)


def test_every_fixture_page_shows_its_whole_text(tmp_path: Path) -> None:
    # every real page, a sample of every 15th official XML file (306 in all), the HTML pages that hold a Kamerstuk
    sources = sorted(PAGES.glob("*.txt")) + sorted((FIXTURES / "xml-kst").glob("*.xml"))[::15]
    sources += sorted((FIXTURES / "html").glob("*.html"))
    shown_pages = 0
    with chromium() as driver:
        for source in sources:
            try:
                doc = kamerstuk.parse_file(source)
            except kamerstuk.ParseError:
                continue
            shown_pages += 1
            open_page(driver, source, tmp_path)
            shown = driver.execute_script("return document.querySelector('.ks-text').textContent")
            assert shown == doc.text, source.name
            assert len(driver.find_elements("css selector", ".ks-go")) >= len(doc.references), source.name
    assert shown_pages > 60
