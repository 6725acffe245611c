"""The handouts rendered by LibreOffice: page counts, and Vietnamese text extracted equals the source."""

from __future__ import annotations

import pytest

from ailab.text import nfc
from autograder.kit.handouts import load_handouts, write_handouts
from autograder.kit.pdf import soffice, to_pdf

pdfplumber = pytest.importorskip("pdfplumber")
pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    pdfs = to_pdf(write_handouts(folder), folder)
    return {pdf.stem: pdf for pdf in pdfs}


@pytest.mark.parametrize("handout", load_handouts(), ids=lambda h: h.slug)
def test_pdf_fits_its_pages_and_its_text_is_the_source(handout, rendered):
    with pdfplumber.open(rendered[handout.slug]) as pdf:
        assert len(pdf.pages) == handout.pages
        text = nfc("\n".join(page.extract_text() for page in pdf.pages))
    # Compared without whitespace: LibreOffice may break a line after a dash ("12–" / "13").
    assert "".join(text.split()) == "".join(nfc(" ".join(handout.paragraphs())).split())


def test_poster_prints_large_letters_except_its_sources(rendered):
    poster = next(h for h in load_handouts() if h.slug == "ap_phich_lua_dao")
    with pdfplumber.open(rendered[poster.slug]) as pdf:
        sizes = [char["size"] for char in pdf.pages[0].chars if char["text"].strip()]
    small_print = sum(len("".join(text.split())) for text in (*poster.sources, "Nguồn"))
    assert sum(size < 20 for size in sizes) <= small_print
    assert sum(size >= 20 for size in sizes) > 2 * small_print
