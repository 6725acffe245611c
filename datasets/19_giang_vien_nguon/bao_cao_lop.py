"""The class report an exercise-19 learner reads: a grades sheet and an item analysis, built by simulation.

Synthetic: 20 officers of a two-module-day plus homework class, modules 01, 02 and 05, 8 automatic points each.
Who earned full marks on each part is drawn (seeded) from each learner's ability, so the two tables agree.
"""

from __future__ import annotations

import random

MODULES = ("01_lam_quen", "02_soan_thao_van_ban", "05_an_toan_thong_tin")
MAX_POINTS = 8.0
PASS_RATIO = 0.5
# (module, part, max points, what the part asks, learners with full marks)
ITEMS = (
    ("01_lam_quen", "m01-cau-1", 2.0, "Nhận ra thành phần câu lệnh chưa hợp với việc được giao", 16),
    ("01_lam_quen", "m01-cau-2", 3.0, "Viết câu lệnh đủ năm thành phần cho phiếu giao việc", 11),
    ("01_lam_quen", "m01-cau-3", 1.5, "Tìm câu AI bịa trong câu trả lời A", 14),
    ("01_lam_quen", "m01-cau-4", 1.5, "Tìm câu AI bịa trong câu trả lời B", 5),
    ("02_soan_thao_van_ban", "m02-cau-1a-kiem-tra", 0.5, "Giấy mời: điền đủ các ô của biểu mẫu", 18),
    ("02_soan_thao_van_ban", "m02-cau-1b-kiem-tra", 1.5, "Giấy mời: đúng thể thức Nghị định 30", 12),
    ("02_soan_thao_van_ban", "m02-cau-2a-kiem-tra", 0.5, "Công văn: điền đủ các ô của biểu mẫu", 17),
    ("02_soan_thao_van_ban", "m02-cau-2b-kiem-tra", 1.5, "Công văn: đúng thể thức Nghị định 30", 11),
    ("02_soan_thao_van_ban", "m02-cau-3-kiem-tra", 2.5, "Sửa công văn sai thể thức bằng Word", 8),
    ("02_soan_thao_van_ban", "m02-cau-4-kiem-tra", 1.5, "Tìm căn cứ pháp lý đã hết hiệu lực trong dự thảo của AI",
     6),
    ("05_an_toan_thong_tin", "m05-cau-1", 2.0, "Chọn thông tin không được đưa vào chatbot", 11),
    ("05_an_toan_thong_tin", "m05-cau-2", 3.0, "Che thông tin cá nhân trong đơn trước khi dán vào ChatGPT", 4),
    ("05_an_toan_thong_tin", "m05-cau-3a", 1.5, "Phân loại tin nhắn lừa đảo hay an toàn", 10),
    ("05_an_toan_thong_tin", "m05-cau-3b", 1.5, "Chỉ ra dấu hiệu lừa đảo của từng tin", 7),
)
NAMES = (
    "Nguyễn Thị Hạnh", "Trần Văn Dũng", "Lê Thị Thu", "Phạm Văn Hùng", "Hoàng Thị Lan", "Vũ Văn Nam",
    "Đặng Thị Mai", "Bùi Văn Tùng", "Đỗ Thị Hương", "Ngô Văn Long", "Dương Thị Nga", "Lý Văn Phúc",
    "Trịnh Thị Yến", "Đinh Văn Quang", "Mai Thị Hoa", "Phan Văn Sơn", "Lương Thị Vân", "Tạ Văn Khánh",
    "Hồ Thị Thảo", "Cao Văn Thành",
)
UNITS = ("Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội", "Trung tâm Phục vụ hành chính công")
# Statuses other than graded, as the report writes them: "missing" (not handed in), "failed" (broken file).
NOT_GRADED = {("HV07", "02_soan_thao_van_ban"): "failed", ("HV04", "05_an_toan_thong_tin"): "failed",
              **{(f"HV{n:02d}", "05_an_toan_thong_tin"): "missing" for n in (9, 13, 16, 18)}}


def learners() -> list[tuple[str, str, str]]:
    """(id, name, unit) of the 20 officers."""
    return [(f"HV{n:02d}", name, f"{UNITS[(n - 1) % len(UNITS)]} xã Đông Hòa") for n, name in enumerate(NAMES, 1)]


def simulate(seed: int = 2) -> tuple[list[dict], list[dict]]:
    """The grades rows and the item-analysis rows, in the report's column names."""
    rng = random.Random(seed)
    ids = [learner_id for learner_id, _, _ in learners()]
    ability = {learner_id: rng.random() for learner_id in ids}
    points = {(learner_id, module): 0.0 for learner_id in ids for module in MODULES}
    item_rows = []
    for module, part, max_points, what, full in ITEMS:
        graded = [i for i in ids if (i, module) not in NOT_GRADED]
        ranked = sorted(graded, key=lambda i: ability[i] + rng.gauss(0, 0.25), reverse=True)
        for position, learner_id in enumerate(ranked):
            share = 1.0 if position < full else rng.choice((0.0, 0.5, 0.5, 0.75))
            points[learner_id, module] += max_points * share
        item_rows.append({"Học phần": module, "Phần chấm": part, "Nội dung": what, "Điểm tối đa": max_points,
                          "Số bài đã chấm": len(graded), "Số bài đạt trọn điểm": full,
                          "Tỉ lệ đạt": round(full / len(graded), 3)})
    grade_rows = []
    for learner_id, name, unit in learners():
        row = {"Mã": learner_id, "Họ tên": name, "Đơn vị": unit}
        for module in MODULES:
            row[module] = NOT_GRADED.get((learner_id, module), round(points[learner_id, module], 2))
        grade_rows.append(row)
    return grade_rows, item_rows


def answer_key(grade_rows: list[dict], item_rows: list[dict]) -> dict:
    """The weakest part (lowest rate) and the learners who did not pass every module (trainer side only)."""
    weakest = min(item_rows, key=lambda row: row["Tỉ lệ đạt"])["Phần chấm"]
    at_risk = [row["Mã"] for row in grade_rows
               if any(not isinstance(row[m], float) or row[m] < PASS_RATIO * MAX_POINTS for m in MODULES)]
    fewest = min(item_rows, key=lambda row: row["Số bài đạt trọn điểm"])["Phần chấm"]
    return {"phan_yeu_nhat": weakest, "hoc_vien_nguy_co": at_risk, "bay_it_bai_dat_nhat": fewest}
