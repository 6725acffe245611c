"""Forms for the lesson: add documents, ask, open each quote in its source; check a pasted answer."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from ailab.tracuu.display import check_pasted_answer, pasted_check_html, result_html, source_view_html
from ailab.tracuu.engine import Library, Result
from ailab.tracuu.sources import SourceError, load_source, source_from_text, text_from_bytes


class LookupForm:
    """The sources a learner has added, a question box, the answer and its clickable quotes."""

    def __init__(self, paths: list[str | Path] | None = None):
        self.sources = {}
        self.message = widgets.HTML()
        for path in paths or []:
            self._add(lambda p=path: load_source(p))
        self.upload = widgets.FileUpload(accept=".md,.txt,.docx,.pdf", multiple=True,
                                         description="Thêm tài liệu")
        self.upload.observe(self._uploaded, names="value")
        self.question = widgets.Text(placeholder="Gõ câu hỏi, ví dụ: Lề trái của văn bản bao nhiêu mm?",
                                     layout=widgets.Layout(width="90%"))
        self.ask_button = widgets.Button(description="Hỏi", button_style="primary")
        self.ask_button.on_click(lambda _: self.ask())
        self.answer = widgets.VBox()
        self.view = widgets.HTML()
        self.box = widgets.VBox([self.upload, self.message, self.question, self.ask_button, self.answer, self.view])
        self._show_sources()

    def _add(self, make) -> None:
        try:
            source = make()
        except SourceError as problem:
            self.message.value = f"<span style='color:#b00'>{problem}</span>"
            return
        self.sources[source.name] = source

    def _uploaded(self, change) -> None:
        for item in change["new"]:
            name, data = item["name"], bytes(item["content"])
            self._add(lambda n=name, d=data: source_from_text(n, text_from_bytes(n, d)))
        self._show_sources()

    def _show_sources(self) -> None:
        names = ", ".join(f"«{n}»" for n in self.sources) or "chưa có tài liệu nào"
        self.message.value = (self.message.value if "color:#b00" in self.message.value else "") + \
            f"<div>Tài liệu nguồn: {names}</div>"

    def ask(self, question: str | None = None) -> Result | None:
        """Answer the question in the box (or ``question``) and show it with buttons for each quote."""
        question = (question or self.question.value).strip()
        if not self.sources:
            self.view.value = "<div>Hãy thêm ít nhất một tài liệu trước khi hỏi.</div>"
            return None
        if not question:
            self.view.value = "<div>Hãy gõ câu hỏi vào ô trên rồi bấm «Hỏi».</div>"
            return None
        library = Library(list(self.sources.values()))
        result = library.ask(question)
        buttons = []
        for number, citation in enumerate(result.citations, 1):
            button = widgets.Button(description=f"Mở trích dẫn [{number}]", tooltip=citation.source)
            button.on_click(lambda _, c=citation: setattr(self.view, "value",
                                                          source_view_html(library, c.source, c.quote)))
            buttons.append(button)
        self.answer.children = [widgets.HTML(result_html(result)), widgets.HBox(buttons)]
        self.view.value = source_view_html(library, result.citations[0].source, result.citations[0].quote) \
            if result.citations else ""
        return result


def lookup_form(paths: list[str | Path] | None = None) -> LookupForm:
    """Show the lookup form, starting with the files in ``paths``; returns it for use in later cells."""
    form = LookupForm(paths)
    display(form.box)
    return form


def paste_check_form(library: Library, example: str = "") -> widgets.VBox:
    """A box to paste an answer from NotebookLM (or any AI) and check each of its quotations."""
    text = widgets.Textarea(value=example, placeholder="Dán câu trả lời của NotebookLM vào đây…",
                            layout=widgets.Layout(width="95%", height="140px"))
    button = widgets.Button(description="Kiểm tra trích dẫn", button_style="primary")
    out = widgets.HTML()
    button.on_click(lambda _: setattr(out, "value", pasted_check_html(check_pasted_answer(text.value, library))))
    box = widgets.VBox([text, button, out])
    display(box)
    if example:
        out.value = pasted_check_html(check_pasted_answer(example, library))
    return box


def lookup(question: str, library: Library, others: int = 3) -> None:
    """Ask, show the answer with its quote in the source, then other passages that may hold the answer."""
    result = library.ask(question)
    show(result, library)
    rest = [h.passage for h in result.hits if not any(c.quote in h.passage.text for c in result.citations)]
    if rest[:others]:
        items = "".join(f"<li>«{html.escape(p.source)}»: {html.escape(p.text)}</li>" for p in rest[:others])
        display(HTML(f"<div><b>Các đoạn khác có thể liên quan</b> (công cụ có thể chọn nhầm — hãy đọc):"
                     f"<ol>{items}</ol></div>"))


def show(result: Result, library: Library) -> None:
    """Display a result and, under it, its first quote highlighted in the source."""
    view = source_view_html(library, result.citations[0].source, result.citations[0].quote) \
        if result.citations else ""
    display(HTML(result_html(result) + view))
