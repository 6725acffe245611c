"""Grading for module 02 (soạn thảo văn bản): layout by the ND30 checker, required facts, repair of a .docx.

Pure functions take a checker ``Report`` and the document's text; the ``*_file`` wrappers read a .docx.
Every result carries Vietnamese messages that say what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from autograder.checks.numbers import unsupported_numbers

# Rule groups of nd30/RULES.md; each group earns an equal share of the layout points.
RULE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Trang, lề, phông chữ", ("page.", "font.", "text.")),
    ("Phần đầu văn bản", ("quoc_hieu.", "tieu_ngu.", "co_quan.", "so_ky_hieu.", "ky_hieu.", "ngay_thang.",
                          "ten_loai.", "trich_yeu.", "cong_van.")),
    ("Nội dung", ("body.", "kinh_gui.")),
    ("Chữ ký, nơi nhận", ("chu_ky.", "noi_nhan.")),
)

# Format errors planted in exercises/02_soan_thao_van_ban/cong_van_loi.docx (see the dataset's README).
PLANTED_RULES = ("page.margin.left", "font.family", "ngay_thang.text", "body.align", "tieu_ngu.text")
# Sentences of that công văn that a repair must keep (the learner fixes the format, not the content).
REPAIR_KEEP = ("giả danh cán bộ công an", "ứng dụng VNeID giả", "Trưởng các thôn")

_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "\u00a0": " "})


@dataclass
class Result:
    """Points earned out of ``max_points`` and Vietnamese messages on what to fix."""

    points: float
    max_points: float
    messages: list[str] = field(default_factory=list)

    @property
    def full(self) -> bool:
        """True when every point is earned."""
        return self.points >= self.max_points

    def report(self) -> str:
        """A Vietnamese summary line followed by one line per thing to fix."""
        head = f"Được {self.points:g}/{self.max_points:g} điểm."
        if self.full:
            return head + " Đạt yêu cầu."
        return "\n".join([head, *(f"- {message}" for message in self.messages)])


def normalise(text: str) -> str:
    """Text for lenient matching: NFC, lower case, one kind of dash, no spaces around dashes, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).casefold()
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _share(points: float, earned: int, total: int) -> float:
    return round(points * earned / total, 2) if total else 0.0


def kind_problem(paragraphs: Iterable[str], loai: str) -> str | None:
    """Why the document is not of type ``loai`` ("Giấy mời", "Công văn", …), or None when it is."""
    texts = [unicodedata.normalize("NFC", p).strip() for p in paragraphs]
    if normalise(loai) == "công văn":
        if not any(t.startswith("V/v ") for t in texts):
            return "Chưa phải công văn: thiếu dòng trích yếu «V/v …» dưới số, ký hiệu (ghi loai là «Công văn»)."
        return None
    title = unicodedata.normalize("NFC", loai).upper()
    if title not in texts:
        return f"Chưa phải {loai.lower()}: không thấy tên loại «{title}» (ghi loai là «{loai}»)."
    return None


def grade_layout(findings: Iterable, paragraphs: Iterable[str], loai: str, points: float) -> Result:
    """Layout points: an equal share per rule group with no error; zero when the type is wrong.

    ``findings`` are the checker's (objects with rule, severity, message, where).
    """
    problem = kind_problem(paragraphs, loai)
    if problem:
        return Result(0.0, points, [problem])
    errors = [f for f in findings if f.severity == "error"]
    messages, clean = [], 0
    for name, prefixes in RULE_GROUPS:
        group = [f for f in errors if f.rule.startswith(prefixes)]
        if not group:
            clean += 1
        messages += [f"{name} — {f.message}" + (f" (vị trí: {f.where})" if f.where else "") for f in group]
    return Result(_share(points, clean, len(RULE_GROUPS)), points, messages)


def missing_facts(text: str, facts: Mapping[str, str | tuple[str, ...]]) -> list[str]:
    """Labels of the facts absent from ``text``; a fact may list accepted spellings as a tuple."""
    haystack = normalise(text)
    missing = []
    for label, wanted in facts.items():
        options = (wanted,) if isinstance(wanted, str) else tuple(wanted)
        if not any(normalise(option) in haystack for option in options):
            missing.append(label)
    return missing


def grade_facts(text: str, facts: Mapping[str, str | tuple[str, ...]], points: float) -> Result:
    """Points in proportion to the required facts found in the document's text."""
    missing = missing_facts(text, facts)
    messages = []
    for label in missing:
        wanted = facts[label]
        example = wanted if isinstance(wanted, str) else wanted[0]
        messages.append(f"Thiếu {label}: văn bản cần ghi «{example}» như trong đề bài.")
    return Result(_share(points, len(facts) - len(missing), len(facts)), points, messages)


def invented_numbers(body: str, facts_text: str) -> list[str]:
    """Numbers (times, dates, figures) of the body that the given facts do not contain."""
    return unsupported_numbers(body, facts_text)


def grade_repair(findings: Iterable, text: str, points: float, planted: Iterable[str] = PLANTED_RULES,
                 keep: Iterable[str] = REPAIR_KEEP) -> Result:
    """Points per planted error no longer reported; zero if the document's content was not kept."""
    planted = tuple(planted)
    lost = [phrase for phrase in keep if normalise(phrase) not in normalise(text)]
    if lost:
        return Result(0.0, points, [
            "Nội dung công văn đã bị thay đổi (không còn: " + "; ".join(f"«{p}»" for p in lost) + "). "
            "Chỉ sửa thể thức, giữ nguyên nội dung."])
    errors = [f for f in findings if f.severity == "error"]
    still = [f for f in errors if f.rule in planted]
    fixed = len({rule for rule in planted} - {f.rule for f in still})
    messages = [f"Chưa sửa: {f.message}" + (f" (vị trí: {f.where})" if f.where else "") for f in still]
    others = [f for f in errors if f.rule not in planted]
    messages += [f"Lỗi mới phát sinh khi sửa: {f.message}" for f in others]
    earned = _share(points, fixed, len(planted))
    if others:
        earned = max(0.0, round(earned - points / len(planted), 2))
    return Result(earned, points, messages)


# ---------------------------------------------------------------------------------------- file wrappers

def document_paragraphs(path: str | Path) -> list[str]:
    """Text of every paragraph of a .docx, table cells included, NFC."""
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return [unicodedata.normalize("NFC", t) for t in texts]


def _missing_file(path: Path, points: float) -> Result | None:
    if Path(path).is_file():
        return None
    return Result(0.0, points, [f"Chưa có tệp «{Path(path).name}»: chạy lại ô trả lời ở trên để tạo văn bản."])


def grade_layout_file(path: str | Path, loai: str, points: float) -> Result:
    """``grade_layout`` of a .docx checked by ``autograder.nd30.check_docx``."""
    from autograder.nd30 import check_docx

    return _missing_file(path, points) or grade_layout(check_docx(path).findings, document_paragraphs(path), loai,
                                                       points)


def grade_facts_file(path: str | Path, facts: Mapping[str, str | tuple[str, ...]], points: float) -> Result:
    """``grade_facts`` of a .docx."""
    return _missing_file(path, points) or grade_facts("\n".join(document_paragraphs(path)), facts, points)


def grade_repair_file(path: str | Path, points: float) -> Result:
    """``grade_repair`` of the learner's repaired copy of cong_van_loi.docx."""
    from autograder.nd30 import check_docx

    return _missing_file(path, points) or grade_repair(check_docx(path).findings,
                                                       "\n".join(document_paragraphs(path)), points)
