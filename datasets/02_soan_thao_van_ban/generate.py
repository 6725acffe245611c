"""Build the công văn with planted format errors for exercise 02 (seeded, reproducible).

    python datasets/02_soan_thao_van_ban/generate.py            # writes exercises/02_soan_thao_van_ban/cong_van_loi.docx
    python datasets/02_soan_thao_van_ban/generate.py --out DIR  # somewhere else (tests)

The document is first written correctly by ailab.vanban, then five errors are planted with python-docx;
the list is printed and must match autograder.modules.m02_soan_thao_van_ban.PLANTED_RULES (README.md describes them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from ailab.vanban import VanBan, write_docx
from ailab.vanban.repair import body_paragraphs_of, replace_text
from ailab.vanban.writer import TIEU_NGU

SEED = 2026
REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "exercises" / "02_soan_thao_van_ban"
FILE_NAME = "cong_van_loi.docx"

CONG_VAN = VanBan(
    loai="Công văn", co_quan_ban_hanh="Ủy ban nhân dân xã Tân Phú", so=31, don_vi_soan_thao="VP",
    dia_danh="Tân Phú", ngay=dt.date(2026, 3, 5),
    trich_yeu="tăng cường phòng, chống lừa đảo trực tuyến",
    kinh_gui=["Trưởng các thôn trên địa bàn xã"],
    noi_dung=[
        "Thời gian gần đây, trên địa bàn xã xảy ra một số trường hợp đối tượng giả danh cán bộ công an gọi điện, "
        "yêu cầu người dân cài ứng dụng VNeID giả để chiếm đoạt tài sản.",
        "Để phòng ngừa, Ủy ban nhân dân xã đề nghị Trưởng các thôn thông báo trên loa truyền thanh của thôn: "
        "cơ quan công an không gọi điện yêu cầu cài ứng dụng hay chuyển tiền; người dân chỉ tải ứng dụng VNeID "
        "từ kho ứng dụng chính thức.",
        "Đề nghị Trưởng các thôn quan tâm, thực hiện. Trân trọng.",
    ],
    quyen_han="KT. Chủ tịch", chuc_vu="Phó Chủ tịch", nguoi_ky="Trần Thị Bình",
    noi_nhan=["Chủ tịch UBND xã (để b/c)", "Công an xã"],
)


def plant_errors(path: Path, seed: int = SEED) -> list[tuple[str, str]]:
    """Plant the errors in the .docx at ``path``; return (rule id, what was done) for each."""
    rng = random.Random(seed)
    left = rng.choice((20, 22, 25))
    font = rng.choice(("Arial", "Calibri", "Tahoma"))
    motto = rng.choice(("Độc Lập – Tự Do – Hạnh Phúc", "Độc lập – Tự do – Hạnh phúc", "Độc lập-Tự do-Hạnh phúc"))
    wrong_date = f"{CONG_VAN.dia_danh}, ngày {CONG_VAN.ngay.day} tháng {CONG_VAN.ngay.month:02d} năm {CONG_VAN.ngay.year}"

    document = Document(str(path))
    document.sections[0].left_margin = Mm(left)
    for paragraph in body_paragraphs_of(document):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for run in paragraph.runs:
            run.font.name = font
    replace_text(document, CONG_VAN.ngay_thang, wrong_date)
    replace_text(document, TIEU_NGU, motto)
    document.core_properties.author = "ailab (dữ liệu tổng hợp)"
    document.core_properties.created = dt.datetime(2026, 3, 5, 8, 0)
    document.core_properties.modified = dt.datetime(2026, 3, 5, 8, 0)
    document.save(str(path))
    return [
        ("page.margin.left", f"lề trái {left} mm (đúng: 30–35 mm)"),
        ("font.family", f"phần nội dung dùng phông {font} (đúng: Times New Roman)"),
        ("ngay_thang.text", f"dòng ngày tháng «{wrong_date}» (đúng: «{CONG_VAN.ngay_thang}»)"),
        ("body.align", "phần nội dung căn trái (đúng: căn đều hai bên)"),
        ("tieu_ngu.text", f"Tiêu ngữ «{motto}» (đúng: «{TIEU_NGU}»)"),
    ]


def generate(out_dir: Path = DEFAULT_OUT, seed: int = SEED) -> tuple[Path, list[tuple[str, str]]]:
    """Write the broken công văn into ``out_dir``; return its path and the planted errors."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = write_docx(CONG_VAN, out_dir / FILE_NAME)
    return path, plant_errors(path, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    path, planted = generate(args.out, args.seed)
    print(f"Đã ghi {path}")
    for rule, what in planted:
        print(f"- {rule}: {what}")


if __name__ == "__main__":
    main()
