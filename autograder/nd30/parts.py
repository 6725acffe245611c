"""Find the parts of an administrative document (ô 1–9 of Phụ lục I) in the paragraph list.

Layout assumptions, chosen to match what Word, LibreOffice, Google Docs and python-docx users produce,
are described where each part is found: :mod:`autograder.nd30.find_header` (quốc hiệu to trích yếu) and
:mod:`autograder.nd30.find_content` (kính gửi, body, signature, nơi nhận). No tên loại and a ``V/v``
line → công văn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autograder.nd30.find_content import find_kinh_gui, find_signature
from autograder.nd30.find_header import agency_lines, content_start, find_header, find_trich_yeu, find_vv
from autograder.nd30.lines import Line
from autograder.nd30.model import Model, Para
from autograder.nd30.vocabulary import CONG_VAN


@dataclass(slots=True)
class Parts:
    """Where each part of the document is (None / empty when missing)."""

    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    co_quan: list[Line] = field(default_factory=list)
    so: Line | None = None
    ngay: Line | None = None
    ten_loai: Para | None = None
    doc_type: str | None = None
    trich_yeu: list[Para] = field(default_factory=list)
    vv: Line | None = None
    kinh_gui: Para | None = None
    kinh_gui_items: list[Line] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    signatures: list[list[Line]] = field(default_factory=list)
    noi_nhan: Para | None = None
    noi_nhan_items: list[list[Line]] = field(default_factory=list)
    header_paras: list[Para] = field(default_factory=list)

    @property
    def is_cong_van(self) -> bool:
        """Công văn: a V/v trích yếu and no other tên loại (a CÔNG VĂN heading still counts as công văn)."""
        return self.doc_type in (None, CONG_VAN) and self.vv is not None


def find_parts(model: Model) -> Parts:
    """Locate every part, in reading order; missing parts stay empty."""
    paras = model.paras
    parts = Parts()
    header, header_lines, header_table = find_header(parts, paras)
    parts.co_quan = agency_lines(parts, header_lines, header_table)
    find_vv(parts, paras, header)
    find_trich_yeu(parts, paras)
    start = content_start(parts, header)
    find_kinh_gui(parts, paras, start)
    find_signature(parts, paras, start)
    return parts
