"""``ailab tra-cuu``: answer questions from the given sources only, with verbatim quotes, or refuse."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bm25s loads in ~0.3 s: only `ailab tra-cuu` itself should pay for it
    from ailab.tracuu.engine import Library, Result


def register(sub) -> None:
    """Add the ``tra-cuu`` sub-command to the ``ailab`` parser."""
    parser = sub.add_parser("tra-cuu", help="hỏi đáp trên tài liệu của mình, có trích dẫn nguyên văn")
    parser.add_argument("--nguon", action="append", required=True, metavar="TỆP",
                        help="tài liệu nguồn (.md, .txt, .docx, .pdf); lặp lại để thêm tài liệu")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("cau_hoi", nargs="+", metavar="CÂU_HỎI", help="một hoặc nhiều câu hỏi")
    parser.set_defaults(handler=run)


def answer_questions(questions: list[str], library: Library) -> list[Result]:
    """Answer each question: with the configured model when one is set, else offline."""
    chat = _model_chat()
    if chat is None:
        return [library.ask(q) for q in questions]
    from ailab.tracuu.model import ask_model

    return [ask_model(q, library, chat) for q in questions]


def _model_chat():
    """``chat`` from ailab.llm when the settings name a real provider; None offline or when settings are bad."""
    from ailab.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError:
        return None
    if settings.provider == "offline":
        return None
    from ailab.llm import AIError, chat
    from ailab.tracuu.model import ModelUnavailable

    def ask(messages: list[dict]) -> str:
        try:
            return chat(messages)
        except AIError as problem:
            raise ModelUnavailable(str(problem).rstrip(".")) from None

    return ask


def run(args) -> int:
    """Handler of ``ailab tra-cuu``."""
    from ailab.tracuu.engine import Library
    from ailab.tracuu.sources import SourceError, load_sources

    try:
        library = Library(load_sources(args.nguon))
    except SourceError as problem:
        print(str(problem), file=sys.stderr)
        return 2
    questions = [q.strip() for q in args.cau_hoi]
    if not all(questions):
        print("Có câu hỏi trống. Hãy viết câu hỏi trong dấu ngoặc kép, ví dụ: \"Lề trái bao nhiêu mm?\"",
              file=sys.stderr)
        return 2
    results = answer_questions(questions, library)
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        return 0
    for number, result in enumerate(results, 1):
        print(f"Câu hỏi {number}: {result.question}")
        print(result.answer)
        for citation in result.citations:
            print(f"  — Trích dẫn từ «{citation.source}» (đã kiểm tra nguyên văn): “{citation.quote}”")
        print()
    return 0
