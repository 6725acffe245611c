"""Administrative documents by Nghị định 30/2020/NĐ-CP: model, .docx writer and an ipywidgets form.

    from ailab.vanban import VanBan, LoaiVanBan, write_docx
    write_docx(VanBan(loai="Kế hoạch", ...), "ke_hoach.docx")
"""

from ailab.vanban.model import (
    MA_LOAI,
    LoaiVanBan,
    VanBan,
    build_ky_hieu,
    format_ngay_thang,
    format_so,
    noi_nhan_lines,
    validate,
    viet_tat_co_quan,
)
from ailab.vanban.writer import VanBanError, build_document, default_filename, write_docx

__all__ = [
    "MA_LOAI",
    "LoaiVanBan",
    "VanBan",
    "VanBanError",
    "build_document",
    "build_ky_hieu",
    "default_filename",
    "format_ngay_thang",
    "format_so",
    "noi_nhan_lines",
    "validate",
    "viet_tat_co_quan",
    "write_docx",
]
