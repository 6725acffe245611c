"""Officers' feedback at the end of a workshop: five 1–5 ratings and two short answers, summarised.

A response is one line a learner can send from a phone: ``HV01 54453 | điều hữu ích | điều cần cải thiện``
(the id is optional and never shown in the summary), or a JSON list of
``{"diem": [5, 4, 4, 5, 3], "y_kien": ["…", "…"]}``.
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

SOURCE = Path(__file__).parent / "content" / "gop_y.toml"


class FeedbackError(ValueError):
    """A response that cannot be read; ``str(error)`` is a Vietnamese message."""


@dataclass(frozen=True)
class FeedbackForm:
    """What the form asks."""

    title: str
    instructions: str
    ratings: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Response:
    """One officer's ratings (1–5, one per rating statement) and short answers."""

    ratings: tuple[int, ...]
    comments: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """Count, mean and spread of each rating, and every non-empty comment per question."""

    count: int
    means: tuple[float, ...]
    agree: tuple[float, ...]  # share of 4 or 5
    distribution: tuple[tuple[int, ...], ...]  # per statement: how many gave 1, 2, 3, 4, 5
    comments: tuple[tuple[str, ...], ...]


def load_form(path: Path = SOURCE) -> FeedbackForm:
    """The feedback form as written in ``content/gop_y.toml``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return FeedbackForm(nfc(data["title"]), nfc(data["instructions"]), tuple(map(nfc, data["ratings"])),
                        tuple(map(nfc, data["questions"])))


def _ratings(values, expected: int, where: str) -> tuple[int, ...]:
    digits = [int(ch) for ch in values] if isinstance(values, str) else [int(v) for v in values]
    if len(digits) != expected or not all(1 <= d <= 5 for d in digits):
        raise FeedbackError(f"{where}: cần {expected} điểm, mỗi điểm từ 1 đến 5.")
    return tuple(digits)


def parse_responses(text: str, form: FeedbackForm | None = None) -> list[Response]:
    """Responses from JSON or from lines ``[mã] 54453 | ý kiến 1 | ý kiến 2``."""
    form = form or load_form()
    expected = len(form.ratings)
    text = nfc(text).strip()
    responses = []
    if text.startswith("["):
        try:
            items = json.loads(text)
            for number, item in enumerate(items, 1):
                responses.append(Response(_ratings(item["diem"], expected, f"Phiếu {number}"),
                                          tuple(str(c).strip() for c in item.get("y_kien", ()))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            if isinstance(error, FeedbackError):
                raise
            raise FeedbackError("Tệp JSON cần là danh sách phiếu {“diem”: [...], “y_kien”: [...]}.") from None
        return responses
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        head, *comments = line.split("|")
        words = head.split()
        digits = next((w for w in reversed(words) if w.isdigit()), "")
        try:
            ratings = _ratings(digits, expected, f"Dòng {number}")
        except ValueError:
            raise FeedbackError(f"Dòng {number}: cần {expected} điểm, mỗi điểm từ 1 đến 5.") from None
        responses.append(Response(ratings, tuple(c.strip() for c in comments)))
    return responses


def summarise(responses: list[Response], form: FeedbackForm | None = None) -> Summary:
    """Mean, share agreeing (4–5) and distribution of each rating; comments grouped by question."""
    form = form or load_form()
    count = len(responses)
    columns = list(zip(*(r.ratings for r in responses), strict=True)) or [()] * len(form.ratings)
    means = tuple(round(sum(col) / count, 1) if count else 0.0 for col in columns)
    agree = tuple(round(sum(v >= 4 for v in col) / count, 2) if count else 0.0 for col in columns)
    distribution = tuple(tuple(col.count(v) for v in range(1, 6)) for col in columns)
    comments = tuple(tuple(r.comments[i] for r in responses if len(r.comments) > i and r.comments[i])
                     for i in range(len(form.questions)))
    return Summary(count, means, agree, distribution, comments)


def summary_text(summary: Summary, form: FeedbackForm | None = None) -> str:
    """The summary as short Vietnamese text for the class report."""
    form = form or load_form()
    lines = [f"Góp ý của học viên: {summary.count} phiếu."]
    for statement, mean, agree in zip(form.ratings, summary.means, summary.agree, strict=True):
        lines.append(f"- {statement} Trung bình {str(mean).replace('.', ',')}/5; đồng ý {agree:.0%}.")
    for question, comments in zip(form.questions, summary.comments, strict=True):
        lines.append(question)
        lines.extend(f"  • {comment}" for comment in comments)
    return "\n".join(lines)
