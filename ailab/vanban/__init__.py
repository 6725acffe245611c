"""Administrative documents by Nghị định 30/2020/NĐ-CP: model, .docx writer and an ipywidgets form.

    from ailab.vanban import VanBan, LoaiVanBan, write_docx
    write_docx(VanBan(loai="Kế hoạch", ...), "ke_hoach.docx")
"""

from ailab.vanban.form import VanBanForm, prompt_noi_dung, tao_form, van_ban_from_fields
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
from ailab.vanban.samples import SAMPLE_TYPES, sample
from ailab.vanban.writer import VanBanError, build_document, default_filename, write_docx

__all__ = [
    "MA_LOAI",
    "SAMPLE_TYPES",
    "LoaiVanBan",
    "VanBan",
    "VanBanError",
    "VanBanForm",
    "build_document",
    "build_ky_hieu",
    "default_filename",
    "format_ngay_thang",
    "format_so",
    "noi_nhan_lines",
    "prompt_noi_dung",
    "sample",
    "tao_form",
    "validate",
    "van_ban_from_fields",
    "viet_tat_co_quan",
    "write_docx",
]
