"""Render a written công văn with LibreOffice and check the page as printed.

Needs `soffice` (Debian: libreoffice-writer-nogui) and a font metric-compatible with Times New Roman that
covers Vietnamese (fonts-liberation2). Skipped only on a machine without LibreOffice; under CI it must run.
"""

import os
import shutil
import subprocess
import uuid

import pytest

from ailab.vanban import sample, write_docx

pdfplumber = pytest.importorskip("pdfplumber")

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None and not os.environ.get("CI"):
    pytest.skip("LibreOffice (soffice) is not installed on this machine", allow_module_level=True)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The sample công văn as .docx and its PDF rendered by LibreOffice."""
    assert SOFFICE, "CI must install LibreOffice (libreoffice-writer-nogui, fonts-liberation2)"
    folder = tmp_path_factory.mktemp("render")
    docx_path = write_docx(sample("Công văn"), folder / "cong_van.docx")
    profile = f"file:///tmp/ailab-lo-{uuid.uuid4().hex}"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
         str(docx_path)],
        check=True, timeout=120, capture_output=True,
    )
    shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    pdf_path = folder / "cong_van.pdf"
    assert pdf_path.exists(), "LibreOffice did not write the PDF"
    with pdfplumber.open(pdf_path) as pdf:
        pages = [(page.extract_words(extra_attrs=["fontname", "size"]), page.width) for page in pdf.pages]
    return pages


def test_cong_van_fits_on_one_page(rendered):
    assert len(rendered) == 1


def test_quoc_hieu_is_one_line_right_of_the_agency_name(rendered):
    words, _ = rendered[0]
    quoc_hieu = ["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"]
    start = next(i for i in range(len(words)) if [w["text"] for w in words[i:i + 8]] == quoc_hieu)
    line = words[start:start + 8]
    assert max(w["top"] for w in line) - min(w["top"] for w in line) < 1, "quốc hiệu wraps onto two lines"
    agency = [w for w in words if w["text"] in ("ỦY", "BAN", "NHÂN", "DÂN") and w["top"] < line[0]["top"] + 5]
    assert agency, "agency name not found on the first line"
    assert line[0]["x0"] > max(w["x1"] for w in agency)


def test_tieu_ngu_stays_on_one_line_under_the_quoc_hieu(rendered):
    words, _ = rendered[0]
    motto = next(i for i, w in enumerate(words) if w["text"] == "Độc")
    line = words[motto:motto + 7]
    assert [w["text"] for w in line] == ["Độc", "lập", "-", "Tự", "do", "-", "Hạnh"]
    assert words[motto + 7]["text"] == "phúc" and abs(words[motto + 7]["top"] - line[0]["top"]) < 1


def test_vietnamese_letters_render_in_a_times_metric_font(rendered):
    words, _ = rendered[0]
    fonts = {w["fontname"].split("+")[-1] for w in words}
    assert fonts <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic",
                     "TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT",
                     "TimesNewRomanPS-BoldItalicMT"}, f"fallback fonts used: {fonts}"
