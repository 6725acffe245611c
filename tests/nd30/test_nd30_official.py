"""The checker on the real official files (tests/data/nd30_official; sources in docs/nd30/REFERENCE.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from autograder.nd30 import ERROR, WARNING, Report, check_docx

OFFICIAL = Path(__file__).resolve().parents[2] / "tests" / "data" / "nd30_official"
DECREE = OFFICIAL / "30_2020_ND_CP.docx"


def test_official_folder_is_there():
    assert sorted(p.name for p in OFFICIAL.glob("*.docx")) == [
        "30_2020_ND_CP.docx", "Phuluc1.docx", "Phuluc2.docx", "Phuluc3.docx"]


@pytest.mark.parametrize("path", sorted(OFFICIAL.glob("*.docx")), ids=lambda p: p.name)
def test_every_official_docx_is_checked_without_crashing(path):
    report = check_docx(path)
    assert isinstance(report, Report)
    assert all(f.message and f.severity in (ERROR, WARNING) for f in report.findings)


def test_findings_on_the_decree_itself_are_pinned():
    report = check_docx(DECREE)
    counts = Counter((f.rule, f.severity) for f in report.findings)
    assert counts == {
        # Header cell 1: "Số: 30/2020/NĐ-CP" — a legal-normative (VBQPPL) number carries the year, which the
        # administrative-document pattern "Số: 05/UBND-VP" does not allow.
        ("so_ky_hieu.text", ERROR): 1,
        # Signature cell: the placeholder run "[" before "(Đã ký)" is coloured white (w:color FFFFFF) to hide it.
        ("font.color", ERROR): 1,
        # Article 28 paragraph ("Lưu trữ cơ quan có trách nhiệm kiểm tra…") stores "ế" decomposed (e + U+0301).
        ("text.nfc", WARNING): 1,
    }


def test_decree_parts_are_found_where_the_file_has_them():
    from autograder.nd30.parts import find_parts
    from autograder.nd30.reader import read_docx

    parts = find_parts(read_docx(DECREE))
    assert parts.doc_type == "NGHỊ ĐỊNH"
    assert [ln.text for ln in parts.co_quan] == ["CHÍNH PHỦ"]
    assert [ln.text for ln in parts.signatures[0]] == ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Xuân Phúc"]
    assert parts.body[0].text.startswith("Điều 1.")
    assert " ".join(ln.text for ln in parts.noi_nhan_items[-1]) == "- Lưu: VT, HC (2)."
