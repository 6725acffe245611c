"""Exercise 02 end to end, the way nbgrader grades it: answer cells replaced, every cell run (hidden tests
included), a graded cell worth its last value, or 0 when it raises. Honest answers written differently from
the solution earn every point; a gaming submission earns ≤ 30 % of each part it touches."""

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "exercises" / "02_soan_thao_van_ban"
NOTEBOOK = FOLDER / "02_soan_thao_van_ban.ipynb"

HONEST = {
    "m02-cau-1-tra-loi": '''
giay_moi = {"loai": "Giấy mời", "so": "8", "ngay": "9/3/2026",
            "trich_yeu": "Về việc dự hội nghị triển khai Kế hoạch chuyển đổi số năm 2026",
            "quyen_han": "TM.", "chuc_vu": "Chủ tịch",
            "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú", "dia_danh": "Tân Phú", "nguoi_ky": "Nguyễn Văn An",
            "noi_nhan": "Như thành phần mời"}
giay_moi["noi_dung"] = """Ủy ban nhân dân xã Tân Phú trân trọng kính mời Trưởng các thôn và công chức Văn phòng HĐND và UBND xã tới dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026 do ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã chủ trì.
Hội nghị bắt đầu lúc 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026, tại Hội trường Ủy ban nhân dân xã Tân Phú.
Đề nghị các đồng chí tham dự đúng thành phần, đúng giờ."""
tao_van_ban(giay_moi, "giay_moi.docx")
''',
    "m02-cau-2-tra-loi": '''
cong_van = {"loai": "Công văn", "so": "25", "don_vi_soan_thao": "VHXH", "ngay": "10/03/2026",
            "trich_yeu": "V/v rà soát hộ nghèo, hộ cận nghèo năm 2026", "kinh_gui": "Trưởng các thôn trên địa bàn xã",
            "quyen_han": "KT. Chủ tịch", "chuc_vu": "Phó Chủ tịch", "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú",
            "dia_danh": "Tân Phú", "nguoi_ky": "Trần Thị Bình", "noi_nhan": "Chủ tịch UBND xã (để b/c)"}
cong_van["noi_dung"] = """Để chuẩn bị rà soát hộ nghèo, hộ cận nghèo năm 2026, đề nghị các đồng chí Trưởng thôn tổ chức lập danh sách các hộ nghèo, hộ cận nghèo trên địa bàn thôn.
Các thôn nộp danh sách về Phòng Văn hóa - Xã hội chậm nhất ngày 25/3/2026.
Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Phòng Văn hóa - Xã hội để được hướng dẫn."""
tao_van_ban(cong_van, "cong_van.docx")
''',
    "m02-cau-3-tra-loi": '''
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from ailab.vanban.repair import body_paragraphs_of, replace_text
tai_lieu = Document("cong_van_loi.docx")
tai_lieu.sections[0].left_margin = Cm(3.5)
for doan in body_paragraphs_of(tai_lieu):
    doan.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for chu in doan.runs:
        chu.font.name = "Times New Roman"
replace_text(tai_lieu, "ngày 5 tháng 03", "ngày 05 tháng 3")
replace_text(tai_lieu, "Độc lập-Tự do-Hạnh phúc", "Độc lập - Tự do - Hạnh phúc")
tai_lieu.save("cong_van_da_sua.docx")
''',
    "m02-cau-4-tra-loi": '''
can_cu_loi = {5: "Bỏ căn cứ này (không còn cấp huyện)", 1: "Luật số 72/2025/QH15",
              3: "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"}
''',
}

GAMING = {
    "m02-cau-1-tra-loi": '''
giay_moi = {"loai": "Giấy mời", "so": "08", "ngay": "09/3/2026", "trich_yeu": "Dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026",
            "quyen_han": "TM.", "chuc_vu": "Chủ tịch", "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú", "dia_danh": "Tân Phú",
            "nguoi_ky": "Nguyễn Văn An", "noi_nhan": "Như thành phần mời"}
giay_moi["noi_dung"] = """Kính mời chủ trì thời gian địa điểm tham dự hội nghị.
Trưởng các thôn; công chức Văn phòng HĐND và UBND xã
hội nghị triển khai kế hoạch chuyển đổi số
Ông Nguyễn Văn An
14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026
Hội trường Ủy ban nhân dân xã Tân Phú"""
tao_van_ban(giay_moi, "giay_moi.docx")
''',
    "m02-cau-2-tra-loi": '''
cong_van = {"loai": "Công văn", "so": "25", "don_vi_soan_thao": "VHXH", "ngay": "10/3/2026",
            "trich_yeu": "rà soát hộ nghèo, hộ cận nghèo năm 2026", "kinh_gui": "Trưởng các thôn trên địa bàn xã",
            "quyen_han": "KT. Chủ tịch", "chuc_vu": "Phó Chủ tịch", "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú",
            "dia_danh": "Tân Phú", "nguoi_ky": "Trần Thị Bình", "noi_nhan": "Chủ tịch UBND xã (để b/c)"}
cong_van["noi_dung"] = """Việc: chuẩn bị rà soát hộ nghèo, hộ cận nghèo năm 2026.
Đề nghị: Trưởng các thôn lập danh sách hộ nghèo, hộ cận nghèo của thôn.
Hạn, nơi nộp: trước ngày 25 tháng 3 năm 2026, nộp về Phòng Văn hóa - Xã hội."""
tao_van_ban(cong_van, "cong_van.docx")
''',
    "m02-cau-3-tra-loi": '''
import shutil
shutil.copy("cong_van_loi.docx", "cong_van_da_sua.docx")  # "uploads" the faulty file unchanged
''',
    "m02-cau-4-tra-loi": '''
can_cu_loi = {n: "72/2025/QH15; 91/2025/QH15; 356/2025/NĐ-CP; bỏ" for n in range(1, 7)}
''',
}
GAMED_PARTS = {"m02-cau-1b-kiem-tra", "m02-cau-2b-kiem-tra", "m02-cau-3-kiem-tra", "m02-cau-4-kiem-tra"}


def _grade(tmp_path, answers: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Points per graded cell: its last value (partial credit) or full points, 0 when it raised."""
    folder = tmp_path / "bai"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("*.ipynb", "giay_moi.docx", "cong_van.docx",
                                                                 "cong_van_da_sua.docx"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id].strip("\n")
    NotebookClient(notebook, timeout=180, allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    scores = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade"):
            continue
        if any(o.output_type == "error" for o in cell.outputs):
            scores[meta["grade_id"]] = (0.0, meta["points"])
            continue
        values = [o for o in cell.outputs if o.output_type == "execute_result"]
        value = float(values[-1].data["text/plain"]) if values else meta["points"]
        scores[meta["grade_id"]] = (min(value, meta["points"]), meta["points"])
    return scores


@pytest.mark.parametrize("answers", [HONEST], ids=["honest, written unlike the solution"])
def test_honest_submission_earns_every_automatic_point(tmp_path, answers):
    scores = _grade(tmp_path, answers)
    assert sum(points for _, points in scores.values()) == 8
    assert {cell: s for cell, s in scores.items() if s[0] < s[1]} == {}


def test_gaming_submission_earns_at_most_30_percent_of_each_part_it_touches(tmp_path):
    scores = _grade(tmp_path, GAMING)
    for cell in GAMED_PARTS:
        earned, points = scores[cell]
        assert earned <= 0.3 * points, (cell, earned)
