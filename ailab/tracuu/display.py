"""HTML for a lookup result, a quote shown in its source, and a check of an answer pasted from NotebookLM."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ailab.tracuu.engine import Library, Result
from ailab.tracuu.verify import fold_space, is_verbatim, quoted_passages

MARK = '<mark style="background:#ffe58a">{}</mark>'


def result_html(result: Result) -> str:
    """The answer, then each verified citation numbered, or the refusal in a grey box."""
    colour = "#f1f1f1" if result.refused else "#eef6ee"
    body = html.escape(result.answer).replace("\n", "<br>")
    parts = [f'<div style="background:{colour};padding:8px;border-radius:4px">{body}</div>']
    for number, citation in enumerate(result.citations, 1):
        parts.append(f"<div>[{number}] «{html.escape(citation.source)}» — <i>đã kiểm tra: có nguyên văn trong "
                     f"tài liệu</i></div>")
    return "".join(parts)


def source_view_html(library: Library, source_name: str, quote: str, around: int = 2) -> str:
    """The paragraphs around a quote in its source, the quote itself highlighted."""
    source = library.sources.get(source_name)
    if source is None or not is_verbatim(quote, source.text):
        return "<div>Không tìm thấy nguyên văn trích dẫn này trong tài liệu.</div>"
    lines = [line for line in source.text.splitlines() if line.strip()]
    target = fold_space(quote)
    index = next((i for i, line in enumerate(lines) if target[:60] in fold_space(line)), 0)
    shown = []
    for line in lines[max(index - around, 0): index + around + 1]:
        escaped = html.escape(fold_space(line))
        if target in fold_space(line):
            escaped = escaped.replace(html.escape(target), MARK.format(html.escape(target)))
        elif fold_space(line) in target:
            escaped = MARK.format(escaped)
        shown.append(f"<p style='margin:2px 0'>{escaped}</p>")
    return (f"<div style='border-left:3px solid #c9a400;padding-left:8px'><b>«{html.escape(source_name)}»</b>"
            + "".join(shown) + "</div>")


@dataclass(frozen=True)
class QuoteCheck:
    """One quotation found in a pasted answer: is it verbatim, where, and what the sources say nearby."""

    quote: str
    verbatim: bool
    source: str = ""
    closest: str = ""


def check_pasted_answer(text: str, library: Library) -> list[QuoteCheck]:
    """Every quotation (“…”, «…», "…") in an answer pasted from any AI tool, checked against the sources."""
    checks = []
    for quote in quoted_passages(text):
        source = next((name for name, s in library.sources.items() if is_verbatim(quote, s.text)), "")
        closest = ""
        if not source:
            hits = library.search(quote, k=1)
            closest = hits[0].passage.text if hits else ""
        checks.append(QuoteCheck(quote, bool(source), source, closest))
    return checks


def pasted_check_html(checks: list[QuoteCheck]) -> str:
    """The verdict on each quotation of a pasted answer."""
    if not checks:
        return ("<div>Không thấy trích dẫn nào trong ngoặc kép (“…” hoặc «…»). Trong NotebookLM, bấm vào số "
                "trích dẫn để mở đoạn nguồn rồi chép nguyên văn đoạn đó vào đây.</div>")
    rows = []
    for check in checks:
        if check.verbatim:
            rows.append(f"<li>✅ Có nguyên văn trong «{html.escape(check.source)}»: “{html.escape(check.quote)}”</li>")
        else:
            near = f"<br>Đoạn gần nhất trong nguồn: “{html.escape(check.closest)}”" if check.closest else ""
            rows.append(f"<li>❌ KHÔNG có nguyên văn trong tài liệu nguồn: “{html.escape(check.quote)}”{near}</li>")
    return "<ul>" + "".join(rows) + "</ul>"
