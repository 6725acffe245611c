"""Pre/post test: ten competencies, two parallel forms, auto-graded; each learner's and the class's gain.

An answer set is what a trainer collects once (before or after the workshop): the form used and, per
learner, a string of ten letters — short enough to type on a phone. Files are JSON
(``{"form": "A", "answers": {"HV01": "bdadcbcadb", …}}``) or plain lines ``HV01 A bdadcbcadb``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from ailab.text import nfc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SOURCE = Path(__file__).parent / "content" / "kiem_tra_truoc_sau.toml"
FORMS = ("A", "B")
LETTERS = "abcd"


class AnswerError(ValueError):
    """An answer file or line that cannot be read; ``str(error)`` is a Vietnamese message."""


@dataclass(frozen=True)
class Question:
    """One multiple-choice question of a form."""

    competency: str
    name: str
    question: str
    choices: tuple[str, ...]
    answer: str


@dataclass(frozen=True)
class AnswerSet:
    """Answers of a class to one form, collected once: learner id -> ten letters."""

    form: str
    answers: dict[str, str]


@dataclass(frozen=True)
class Gain:
    """Scores before and after, per learner and per competency (shares 0–1)."""

    learners: dict[str, tuple[int, int]]  # id -> (right before, right after), out of ten
    competencies: dict[str, tuple[float, float]]  # competency -> (share right before, share right after)
    missing: tuple[str, ...]  # learners who answered only one of the two tests

    def learner_gain(self, learner: str) -> int:
        """Questions gained by one learner (may be negative)."""
        before, after = self.learners[learner]
        return after - before

    def competency_gain(self, competency: str) -> float:
        """Gain of the class on one competency, in percentage points."""
        before, after = self.competencies[competency]
        return round((after - before) * 100, 1)


def load_forms(path: Path = SOURCE) -> dict[str, list[Question]]:
    """Both forms, as lists of questions in the order of the competencies."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    forms: dict[str, list[Question]] = {form: [] for form in FORMS}
    for item in data["competency"]:
        for form in FORMS:
            raw = item[form]
            forms[form].append(Question(item["id"], nfc(item["name"]), nfc(raw["question"]),
                                        tuple(nfc(c) for c in raw["choices"]), raw["answer"]))
    return forms


def competency_ids(forms: dict[str, list[Question]] | None = None) -> list[str]:
    """Competency ids in question order."""
    forms = forms or load_forms()
    return [q.competency for q in forms[FORMS[0]]]


def clean_letters(text: str, count: int = 10) -> str:
    """Ten answer letters from what a learner typed (spaces, commas, capitals and ``1.b`` prefixes ignored)."""
    letters = "".join(ch for ch in nfc(text).casefold() if ch in LETTERS)
    if len(letters) != count:
        raise AnswerError(f"Cần đúng {count} chữ cái a, b, c, d; nhận được {len(letters)} (“{text.strip()}”).")
    return letters


def score(form: list[Question], letters: str) -> dict[str, bool]:
    """Competency -> answered right, for one learner's letters."""
    letters = clean_letters(letters, len(form))
    return {q.competency: letter == q.answer for q, letter in zip(form, letters, strict=True)}


def parse_answers(text: str) -> AnswerSet:
    """Read an answer set from JSON or from lines ``<mã học viên> <đề> <mười chữ cái>``."""
    text = nfc(text).strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
            form, raw = str(data["form"]).upper(), data["answers"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise AnswerError("Tệp JSON cần có “form” (A hoặc B) và “answers” (mã học viên → mười chữ cái).") from None
    else:
        form, raw = "", {}
        for number, line in enumerate(text.splitlines(), 1):
            parts = line.split(maxsplit=2)
            if not parts:
                continue
            if len(parts) < 3:
                raise AnswerError(f"Dòng {number} cần: mã học viên, mã đề, mười chữ cái (“{line.strip()}”).")
            if form and parts[1].upper() != form:
                raise AnswerError(f"Dòng {number} dùng đề {parts[1]}, các dòng trên dùng đề {form}.")
            form = parts[1].upper()
            raw[parts[0]] = parts[2]
    if form not in FORMS:
        raise AnswerError(f"Mã đề phải là A hoặc B, nhận được “{form}”.")
    return AnswerSet(form, {learner: clean_letters(str(letters)) for learner, letters in raw.items()})


def read_answers(path: Path) -> AnswerSet:
    """Read an answer file (JSON or lines); a missing file is a Vietnamese message too."""
    try:
        return parse_answers(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswerError(f"Không tìm thấy tệp câu trả lời “{path}”.") from None


def gain(before: AnswerSet, after: AnswerSet, forms: dict[str, list[Question]] | None = None) -> Gain:
    """Each learner's and the class's gain per competency; only learners present in both sets count."""
    forms = forms or load_forms()
    both = sorted(set(before.answers) & set(after.answers))
    missing = tuple(sorted(set(before.answers) ^ set(after.answers)))
    ids = competency_ids(forms)
    learners: dict[str, tuple[int, int]] = {}
    right = {cid: [0, 0] for cid in ids}
    for learner in both:
        marks = [score(forms[answer_set.form], answer_set.answers[learner]) for answer_set in (before, after)]
        learners[learner] = (sum(marks[0].values()), sum(marks[1].values()))
        for cid in ids:
            right[cid][0] += marks[0][cid]
            right[cid][1] += marks[1][cid]
    count = len(both) or 1
    competencies = {cid: (right[cid][0] / count, right[cid][1] / count) for cid in ids}
    return Gain(learners=learners, competencies=competencies, missing=missing)


def gain_table(result: Gain, forms: dict[str, list[Question]] | None = None) -> str:
    """The gain as a short Vietnamese text table for the trainer."""
    forms = forms or load_forms()
    names = {q.competency: q.name for q in forms[FORMS[0]]}
    lines = ["Tiến bộ theo năng lực (tỷ lệ học viên trả lời đúng: trước → sau):"]
    for cid, (before, after) in result.competencies.items():
        points = f"{result.competency_gain(cid):+.1f}".replace(".", ",")
        lines.append(f"- {names[cid]}: {before:.0%} → {after:.0%} ({points} điểm phần trăm)")
    lines.append("Tiến bộ từng học viên (số câu đúng trên 10: trước → sau):")
    for learner, (before, after) in result.learners.items():
        lines.append(f"- {learner}: {before} → {after} ({after - before:+d})")
    if result.missing:
        lines.append("Chỉ làm một lần, không tính: " + ", ".join(result.missing))
    return "\n".join(lines)


def write_gain_xlsx(result: Gain, path: Path, forms: dict[str, list[Question]] | None = None) -> Path:
    """The gain as a spreadsheet: one sheet per learner, one per competency (Vietnamese headers)."""
    import pandas as pd

    forms = forms or load_forms()
    names = {q.competency: q.name for q in forms[FORMS[0]]}
    learners = pd.DataFrame([(learner, before, after, after - before)
                             for learner, (before, after) in result.learners.items()],
                            columns=["Mã học viên", "Đúng trước (/10)", "Đúng sau (/10)", "Tiến bộ"])
    competencies = pd.DataFrame([(names[cid], round(before * 100, 1), round(after * 100, 1),
                                  result.competency_gain(cid))
                                 for cid, (before, after) in result.competencies.items()],
                                columns=["Năng lực", "Tỷ lệ đúng trước (%)", "Tỷ lệ đúng sau (%)",
                                         "Tiến bộ (điểm phần trăm)"])
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path) as writer:
        learners.to_excel(writer, sheet_name="Học viên", index=False)
        competencies.to_excel(writer, sheet_name="Năng lực", index=False)
    return path
