"""The learner's path in a real browser (Debian's Chromium driven by Playwright), from ``ailab lab`` on.

Start page → lesson 01 run all (a widget renders, nothing marked modified) → a released exercise's
self-check → every Vietnamese letter in the code font at its glyph width → the workspace as the Jupyter
contents API serves it holds no solution, hidden test or answer key → the server log holds no warning.
"""

from __future__ import annotations

import json
import os
import unicodedata
import urllib.request

import pytest

from .lab_process import CHROMIUM, CHROMIUM_ARGS, start_lab
from .secrets_of_exercises import answer_key_names, leaks

playwright_api = pytest.importorskip("playwright.sync_api")

TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LOWER = "".join(b + "".join(unicodedata.normalize("NFC", b + t) for t in TONES) for b in "aăâeêioôơuưy") + "đ"
VIETNAMESE = LOWER + LOWER.upper()  # 146 precomposed letters (NFC), every vowel with every tone, plus đ/Đ
CURRENT = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on screen
STDERR = "application/vnd.jupyter.stderr"  # how JupyterLab marks error (and stderr) outputs
TRAINER_WORDS = ("Nbgrader", "Formgrader", "Create Assignment", "Assignment List", "Course List", "Validate")


@pytest.fixture(scope="module")
def lab(tmp_path_factory, cache_home):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (.ci/run)")
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    root = tmp_path_factory.mktemp("lab")
    running = start_lab(root / "phong_thuc_hanh_ai", root / "nha", cache_home, root / "lab.log")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def page(lab):
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        tab.set_default_timeout(45_000)
        yield tab
        browser.close()


def _wait_idle(page) -> None:
    """The notebook's kernel is connected and idle (the indicator also says idle before a kernel exists)."""
    page.wait_for_function("""() => {
        const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
        const kernel = [...document.querySelectorAll('.jp-StatusBar-TextItem')].map(e => e.textContent)
            .find(t => t.includes('ipykernel'));
        return indicator && indicator.dataset.status === 'idle' && kernel && !kernel.includes('Đang');
    }""", timeout=60_000)


def _open_notebook(page, lab, path: str) -> None:
    page.goto(lab.url(f"/lab/tree/{path}?reset"))  # reset: only this notebook open
    page.wait_for_selector(f"{CURRENT} .jp-Notebook .jp-Cell")
    _wait_idle(page)


def test_command_one_opens_the_start_page_in_vietnamese(page, lab):
    page.goto(lab.url("/"))
    heading = page.locator(".jp-RenderedMarkdown h1").first
    heading.wait_for()
    assert "Bắt đầu ở đây" in heading.inner_text()
    assert "00_bat_dau_o_day.md" in page.url
    page.wait_for_timeout(1500)  # time for a news pop-up or dialog to appear if any would
    assert page.locator(".jp-Dialog").count() == 0
    assert page.locator(".Toastify__toast").count() == 0
    menus = page.locator("#jp-menu-panel").inner_text()
    assert "Tệp" in menus and "Chạy" in menus
    chrome = page.locator("#jp-main-content-panel").inner_text() + menus
    assert not [word for word in TRAINER_WORDS if word in chrome]
    assert "Modified" not in page.locator(".jp-FileBrowser").inner_text()


def test_lesson_runs_all_shows_a_widget_and_stays_unmodified(page, lab):
    _open_notebook(page, lab, "bai_giang/01_lam_quen.ipynb")
    page.wait_for_timeout(1000)
    assert page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() == 0
    page.locator(".lm-MenuBar-item", has_text="Chạy").first.click()
    page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()
    page.wait_for_function(
        "() => { const p = [...document.querySelectorAll('" + CURRENT + " .jp-CodeCell .jp-InputArea-prompt')];"
        " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }", timeout=90_000)
    assert page.locator(f"{CURRENT} .jp-OutputArea-output[data-mime-type='{STDERR}']", has_text="Error").count() == 0
    textarea = page.locator(f"{CURRENT} .widget-textarea textarea").first
    textarea.wait_for()
    assert page.locator(f"{CURRENT} .jupyter-widgets").count() > 0
    assert textarea.evaluate("(e) => getComputedStyle(e).fontFamily").startswith('"AILab Mono"')


def _rendered_width(page, selector: str, text: str) -> dict:
    """Width of ``text`` and of as many 'a' rendered inside an element styled like ``selector``."""
    return page.evaluate("""([selector, text]) => {
        const host = document.querySelector(selector);
        const probe = (s) => { const span = document.createElement('span'); span.textContent = s;
            span.style.whiteSpace = 'pre'; host.appendChild(span);
            const w = span.getBoundingClientRect().width; span.remove(); return w; };
        return {text: probe(text), base: probe('a'.repeat([...text].length)),
                family: getComputedStyle(host).fontFamily};
    }""", [selector, text])


def _fresh_notebook(page, lab) -> None:
    page.goto(lab.url("/lab?reset"))  # nothing open: the launcher shows
    page.locator(".jp-LauncherCard[data-category='Notebook']").first.click()
    page.wait_for_selector(f"{CURRENT} .jp-Cell")
    _wait_idle(page)
    page.locator(f"{CURRENT} .jp-Cell .cm-content").first.click()


def test_every_vietnamese_letter_renders_in_the_web_font_at_its_glyph_width(page, lab):
    _fresh_notebook(page, lab)  # its own notebook: the code cell and the output hold every letter
    page.keyboard.insert_text(f"print('{VIETNAMESE}')")
    page.keyboard.press("Shift+Enter")
    page.locator(f"{CURRENT} .jp-OutputArea-output pre", has_text=VIETNAMESE[:10]).first.wait_for()
    loaded = 0
    for _ in range(5):  # on a loaded machine the lab's stylesheet may still be arriving: wait, then look again
        loaded = page.evaluate("""async (text) => {
            await document.fonts.ready;
            await document.fonts.load("16px 'AILab Mono'", text);
            return [...document.fonts].filter(f => f.family.includes('AILab Mono') && f.status === 'loaded').length;
        }""", VIETNAMESE)
        if loaded >= 3:
            break
        page.wait_for_timeout(2000)
    assert loaded >= 3  # latin, latin-ext and vietnamese subsets of the shipped font
    assert page.evaluate("(t) => document.fonts.check(\"16px 'AILab Mono'\", t)", VIETNAMESE)
    # Alone (serif behind it), any letter the web font lacked would come out in a proportional font.
    widths = page.evaluate("""(text) => { const c = document.createElement('canvas').getContext('2d');
        c.font = "40px 'AILab Mono', serif"; return [...text].map(ch => c.measureText(ch).width); }""", VIETNAMESE)
    assert max(widths) - min(widths) < 0.01, "a letter falls back to another font"
    for selector in (f"{CURRENT} .jp-OutputArea-output pre", f"{CURRENT} .cm-content"):
        measured = _rendered_width(page, selector, VIETNAMESE)
        assert measured["family"].startswith('"AILab Mono"'), measured
        assert abs(measured["text"] - measured["base"]) < 0.5, measured
    _wait_idle(page)


def test_released_exercise_self_check_runs_from_the_top_button(page, lab):
    _open_notebook(page, lab, "bai_tap/01_lam_quen/01_lam_quen.ipynb")
    top_cell = page.locator(f"{CURRENT} .jp-Cell").nth(2)
    assert "self_check_button" in top_cell.inner_text()
    top_cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    button = page.locator(f"{CURRENT} button", has_text="Tự kiểm tra bài làm").first
    button.click()
    result = page.locator(f"{CURRENT} .jp-OutputArea-output", has_text="Chưa đạt").first
    result.wait_for(timeout=120_000)
    assert "ex01" in result.inner_text() or "Câu" in result.inner_text()
    _wait_idle(page)


def test_a_slip_in_a_fresh_notebook_gets_the_vietnamese_hint(page, lab):
    _fresh_notebook(page, lab)
    page.keyboard.type("so_ho_dan_thon_dong + 1")
    page.keyboard.press("Shift+Enter")
    error = page.locator(f"{CURRENT} .jp-OutputArea-output[data-mime-type='{STDERR}']").first
    try:
        error.wait_for()
    finally:
        page.screenshot(path=str(lab.log.parent / "bai_moi.png"))
    first_line = error.inner_text().strip().splitlines()[0]
    assert first_line.startswith("➜ Python chưa biết tên 'so_ho_dan_thon_dong'")
    assert "Bai_moi" in page.locator(".lm-TabBar-tab.jp-mod-current").inner_text()
    _wait_idle(page)


def _walk(lab, path: str = ""):
    request = urllib.request.Request(lab.url(f"/api/contents/{path}?content=1"))
    with urllib.request.urlopen(request, timeout=30) as answer:
        model = json.loads(answer.read().decode("utf-8"))
    if model["type"] == "directory":
        for entry in model["content"]:
            yield from _walk(lab, entry["path"])
    else:
        yield model


def test_contents_api_serves_no_solution_hidden_test_or_answer_key(lab):
    served = list(_walk(lab))
    names = {model["name"] for model in served}
    assert "00_bat_dau_o_day.md" in names and "01_lam_quen.ipynb" in names
    served = [m for m in served if not m["name"].startswith(("Bai_moi", "Untitled"))]  # made by the test above
    assert not names & answer_key_names() and not [n for n in names if n.endswith(".py")]
    assert not [m["path"] for m in served if m["path"].startswith((".", "exercises", "datasets", "autograder"))]
    for model in served:
        content = model["content"]
        if model["type"] == "notebook":
            content = "\n".join("".join(cell["source"]) for cell in content["cells"])
        if not isinstance(content, str) or model.get("format") == "base64":
            continue
        lesson = model["path"].startswith("bai_giang/")
        kinds = ("HIDDEN TESTS", "NOTE") if lesson else ("SOLUTION", "HIDDEN TESTS", "NOTE")
        assert not leaks(content, kinds), model["path"]


def test_server_log_has_no_warning_a_learner_could_take_for_an_error(lab, page):
    text = lab.log_text()
    alarming = [line for line in text.splitlines() if line.startswith(("[W", "[E", "[C")) or "Traceback" in line
                or "WARNING" in line]
    assert not alarming, "\n".join(alarming)
