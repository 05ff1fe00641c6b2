"""The HTML report (issue 22, item 4): one self-contained page, the findings marked in their
documents, a list to jump between them; opened and clicked in a real headless browser."""
import shutil
from pathlib import Path

import pytest

from plancheck.cli import main

DRAFT = ("Mở đầu.\n\nCơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n\n"
         "| Chỉ tiêu | TH 2024 | KH 2025 | KH 2025 so với TH 2024 (%) |\n|---|---|---|---|\n"
         "| Thu ngân sách (tỷ đồng) | 200 | 214 | 170,0 |\n")
CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or "")
                 if p and Path(p).exists()), None)


@pytest.fixture
def page(tmp_path, capsys):
    draft = tmp_path / "ke-hoach.md"
    draft.write_text(DRAFT, encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["check", "--no-config", "--lang", "en", "--format", "html", "-o", str(report), str(draft)]) == 1
    capsys.readouterr()
    return report


def test_the_page_is_self_contained_and_marks_each_finding_in_place(page):
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "http://" not in html and "https://" not in html
    assert html.count('class="note') == 2 and '<a class="sev-error" href="#f1">' in html
    assert "<mark>170,0</mark>" in html   # the figure the ratio finding is about


@pytest.mark.skipif(CHROMIUM is None, reason="a browser is needed (Debian: apt install chromium)")
def test_clicking_a_finding_in_a_real_browser_highlights_it(page, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            view = browser.new_page(viewport={"width": 1200, "height": 700})
            view.goto(page.as_uri())
            assert view.locator("#summary").inner_text().startswith("2 findings (2 errors)")
            links = view.locator("nav a")
            assert links.count() == 2
            links.nth(1).click()
            target = view.locator("#f2")
            assert view.evaluate("location.hash") == "#f2"
            assert "current" in target.get_attribute("class")
            assert "PC201" in target.inner_text()
            colour = target.evaluate("n => getComputedStyle(n).backgroundColor")
            assert colour == "rgb(255, 213, 79)"   # the highlight
            view.screenshot(path=str(tmp_path / "report.png"))
            assert (tmp_path / "report.png").stat().st_size > 1000
        finally:
            browser.close()
