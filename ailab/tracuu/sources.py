"""Read sources (.md, .txt, .docx, .pdf) into passages: one paragraph each, with the headings above it.

A passage's ``text`` is a verbatim piece of its source (only a leading Markdown marker such as ``## `` or
``- `` is left out), so any part of it can be quoted. Its ``context`` (the article, clause and point it sits
under) helps retrieval but is never quoted.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ailab.text import nfc

SUFFIXES = (".md", ".txt", ".docx", ".pdf")
_MARKDOWN_LEAD = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+)+")
_RULE = re.compile(r"^[_\-=*\s.]{3,}$")
_CLAUSE = re.compile(r"^\d+(?:\.\d+)*\.\s")
_POINT = re.compile(r"^[a-zđ]\)\s")


class SourceError(ValueError):
    """A source cannot be read; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class Passage:
    """One paragraph of a source, quotable as it stands."""

    source: str
    number: int
    text: str
    context: str = ""

    @property
    def search_text(self) -> str:
        """What retrieval reads: the headings above the paragraph, then the paragraph."""
        return f"{self.context}\n{self.text}" if self.context else self.text


@dataclass
class Source:
    """A document given to the lookup tool: its file name, its full text and its passages."""

    name: str
    text: str
    passages: list[Passage] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The text of a .md, .txt, .docx or .pdf file, in NFC."""
    if not path.is_file() and path.suffix.lower() in SUFFIXES:
        raise SourceError(f"Không tìm thấy tệp «{path}». Kiểm tra lại tên và thư mục.")
    return text_from_bytes(path.name, path.read_bytes() if path.is_file() else b"")


def text_from_bytes(name: str, data: bytes) -> str:
    """The text of a file's content (an uploaded file), read by its name's suffix, in NFC."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(f"Tệp «{name}» có đuôi «{suffix or '(không có)'}»: chỉ đọc được .md, .txt, .docx, .pdf.")
    try:
        if suffix == ".docx":
            return nfc(_docx_text(io.BytesIO(data)))
        if suffix == ".pdf":
            return nfc(_pdf_text(io.BytesIO(data), name))
        return nfc(data.decode("utf-8-sig"))
    except SourceError:
        raise
    except UnicodeDecodeError:
        raise SourceError(f"Tệp «{name}» không phải chữ UTF-8. Hãy lưu lại tệp với bảng mã UTF-8.") from None
    except Exception as problem:  # noqa: BLE001 — a damaged file of any kind gets the same plain message
        raise SourceError(f"Không đọc được tệp «{name}» ({type(problem).__name__}). Tệp có thể bị hỏng.") from None


def _docx_text(stream) -> str:
    import docx

    document = docx.Document(stream)
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def _pdf_text(stream, name: str) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(stream).pages)
    if not text.strip():
        raise SourceError(f"Tệp PDF «{name}» không có lớp chữ (có thể là ảnh chụp). Hãy dùng bản có chữ.")
    return text


def split_passages(name: str, text: str) -> list[Passage]:
    """Cut a text into paragraph passages (plus one passage per short list), each with the headings above it."""
    return _Splitter(name).run(nfc(text).splitlines())


class _Splitter:
    """One pass over the lines, keeping the heading stack, the clause, the point and the lead-in above."""

    def __init__(self, name: str):
        self.name = name
        self.passages: list[Passage] = []
        self.headings: list[tuple[int, str]] = []
        self.clause = self.point = self.intro = ""
        self.last_was_heading = False
        self.items: list[str] = []  # raw lines of the list being read, its lead-in first

    def run(self, lines: list[str]) -> list[Passage]:
        for raw in lines:
            line = _MARKDOWN_LEAD.sub("", raw.strip()).strip()
            if not line or _RULE.match(line):
                continue
            level = _heading_level(line, raw)
            if level:
                self.heading(level, line.strip("*").strip())
            else:
                self.paragraph(line, raw)
        self.close_list()
        return self.passages

    @property
    def context(self) -> str:
        return _join(*(text for _, text in self.headings))

    def heading(self, level: int, text: str) -> None:
        self.close_list()
        if self.last_was_heading and level >= 9 and self.headings:
            self.headings[-1] = (self.headings[-1][0], f"{self.headings[-1][1]} {text}")
        else:
            level = 2 if level >= 9 else level
            self.headings = [h for h in self.headings if h[0] < level] + [(level, text)]
        self.clause = self.point = self.intro = ""
        self.last_was_heading = True

    def paragraph(self, line: str, raw: str) -> None:
        if _CLAUSE.match(line):
            self.close_list()
            context, self.clause, self.point = _join(self.context, self.intro), line, ""
            self.items = [line]
        elif _POINT.match(line):
            context, self.point = _join(self.context, self.intro, self.clause), line
            self.items.append(raw.strip())
        elif self.items and self.items[0].endswith(":") and not line.endswith(":") \
                and min(len(self.items[0].split()), len(line.split())) >= 4:
            context = _join(self.context, self.intro, self.clause, self.point)
            self.items.append(raw.strip())  # a list of plain lines under a lead-in ending with ":"
        else:
            self.close_list()
            context = _join(self.context, self.intro, self.clause, self.point)
            if line.endswith(":") and not self.clause:
                self.intro = line
            self.items = [line] if line.endswith(":") or len(line.split()) <= 12 else []
        if not _title(line):  # "1. Lưu văn bản giấy" names what follows: context and list lead-in only
            self.passages.append(Passage(self.name, len(self.passages), line, context=context))
        self.last_was_heading = False

    def close_list(self) -> None:
        """A lead-in followed by two or more short points is also one passage: the whole list."""
        points = self.items[1:]
        if len(points) >= 2 and all(len(p.split()) <= 45 for p in points) \
                and sum(len(p.split()) for p in self.items) <= 150:
            text = "\n".join(self.items)
            self.passages.append(Passage(self.name, len(self.passages), text, context=self.context))
        self.items = []


def _heading_level(line: str, raw: str) -> int:
    """1 part/chapter, 2 section, 3 article; 9 an untyped heading (a title line under the one before)."""
    if re.match(r"^(?:Phần|Chương|Phụ lục) [IVXLC]+\b", line.strip("*")):
        return 1
    if re.match(r"^(?:Mục \d+|[IVX]+\.\s)", line):
        return 2
    if line.startswith("Điều ") and re.match(r"^Điều \d+[a-z]?\.", line):
        return 3
    if raw.lstrip().startswith("#") or _bold_line(line) or (line.isupper() and len(line.split()) >= 2):
        return 9  # Word and PDF files mark titles by capitals, not by Markdown
    return 0


def _title(line: str) -> bool:
    """A numbered line that only names its clause or point (short, no closing punctuation)."""
    return bool(_CLAUSE.match(line) or _POINT.match(line)) and len(line.split()) <= 15 \
        and not line.rstrip().endswith((".", ";", ":", "?", "!", "”", ")"))


def _bold_line(line: str) -> bool:
    return line.startswith("**") and line.endswith("**") and len(line) > 4


def _join(*parts: str) -> str:
    return " › ".join(p for p in parts if p)


def load_source(path: str | Path) -> Source:
    """Read one file into a :class:`Source` named by its file name."""
    path = Path(path)
    return source_from_text(path.name, read_text(path))


def source_from_text(name: str, text: str) -> Source:
    """A :class:`Source` from text already in memory (an uploaded file, a pasted document)."""
    text = nfc(text)
    if not text.strip():
        raise SourceError(f"Tài liệu «{name}» trống: không có chữ nào để tra cứu.")
    return Source(name, text, split_passages(name, text))


def load_sources(paths: list[str | Path]) -> list[Source]:
    """Read several files; two files with the same name are a mistake the learner should see."""
    sources = [load_source(p) for p in paths]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceError("Có hai tài liệu trùng tên: " + ", ".join(duplicates) + ". Hãy đổi tên một tệp.")
    return sources
