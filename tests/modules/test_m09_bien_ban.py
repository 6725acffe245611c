"""Module 09 grading, run the way nbgrader runs it: the exercise's own test cells (hidden tests included) after a
submission's answer cells. The solution earns every automatic point, the blank copy none, gaming submissions at
most 30% of the parts they touch, and honest answers written differently full marks."""

from __future__ import annotations

import ast
import json
import random
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLUG = "09_bien_ban_cuoc_hop"
EXERCISE = ROOT / "exercises" / SLUG
DATASET = ROOT / "datasets" / SLUG
PARTS = {"m09-cau-1": 1, "m09-cau-2a": 2, "m09-cau-2b": 1.5, "m09-cau-2c": 1.5, "m09-cau-3a": 1, "m09-cau-3b": 1}
TABLE_PARTS = ["m09-cau-2a", "m09-cau-2b", "m09-cau-2c"]
SOLUTION_BLOCK = re.compile(r"### BEGIN SOLUTION\n.*?### END SOLUTION\n?", re.S)
CELLS = {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"])
         for c in json.loads((EXERCISE / f"{SLUG}.ipynb").read_text("utf-8"))["cells"] if "nbgrader" in c["metadata"]}
KEY = json.loads((DATASET / "dap_an_nhiem_vu.json").read_text("utf-8"))
TRANSCRIPT = (EXERCISE / "ghi_chep_giao_ban.txt").read_text("utf-8")
LINES = [line for line in TRANSCRIPT.splitlines() if line[:2].isdigit()]


def _run(code: str, namespace: dict):
    """Run a cell like a kernel: the value of a final bare expression is returned (nbgrader's partial credit)."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None


def _answer_cells(sub: dict) -> list[str]:
    cells = [CELLS["m09-cau-1-tra-loi"] if sub["dong"] is None else f"dong_du_lieu_ca_nhan = {sub['dong']!r}"]
    table = CELLS["m09-cau-2-tra-loi"]
    if sub["bang"] is not None:
        table = SOLUTION_BLOCK.sub(lambda _: f"bang_nhiem_vu = {sub['bang']!r}\n", table)
    cells.append(table)
    minutes = CELLS["m09-cau-3-tra-loi"]
    if sub["noi_dung"] is not None:
        filled = f"noi_dung = {sub['noi_dung']!r}\nchu_toa = {sub['chu_toa']!r}\nthu_ky = {sub['thu_ky']!r}\n"
        minutes = SOLUTION_BLOCK.sub(lambda _: filled, minutes)
    return cells + [minutes, CELLS["m09-cau-3-tao-tep"]]


def grade(sub: dict, folder: Path, blank: bool = False) -> dict[str, float]:
    """Points per auto-graded part, as plain nbgrader would give them."""
    for item in EXERCISE.iterdir():
        if item.suffix == ".txt":  # what the exercise ships (a biên bản left by an earlier run must not count)
            shutil.copy(item, folder / item.name)
    namespace: dict = {}
    _run(CELLS["m09-chuan-bi"], namespace)
    cells = [SOLUTION_BLOCK.sub("raise NotImplementedError()\n", c) for c in _answer_cells(sub)] if blank \
        else _answer_cells(sub)
    for cell in cells:
        try:
            _run(cell, namespace)
        except Exception:  # noqa: BLE001 — a learner's broken answer cell, as in a notebook
            pass
    points = {}
    for part, maximum in PARTS.items():
        try:
            value = _run(CELLS[part], dict(namespace))
        except Exception:  # noqa: BLE001 — a failing test cell earns nothing
            points[part] = 0.0
            continue
        points[part] = maximum if value is None else max(0.0, min(maximum, float(value)))
    return points


SOLUTION = {"dong": None, "bang": None, "noi_dung": None, "chu_toa": "Nguyễn Văn Thành", "thu_ky": "Đỗ Thị Lan"}


@pytest.fixture
def graded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def run(blank: bool = False, **changes) -> dict[str, float]:
        return grade({**SOLUTION, **changes}, tmp_path, blank=blank)

    return run


def share(points: dict[str, float], parts) -> float:
    return sum(points[p] for p in parts) / sum(PARTS[p] for p in parts)


def solution_table() -> str:
    return SOLUTION_BLOCK.search(CELLS["m09-cau-2-tra-loi"]).group(0).split('"""')[1]


def solution_minutes() -> str:
    return SOLUTION_BLOCK.search(CELLS["m09-cau-3-tra-loi"]).group(0).split('"""')[1]


def table(rows) -> str:
    return "| Nhiệm vụ | Người thực hiện | Thời hạn | Câu gốc |\n|---|---|---|---|\n" + "\n".join(
        f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)


# ------------------------------------------------------------------------------------------ the whole


def test_solution_earns_every_automatic_point(graded):
    assert graded() == PARTS


def test_blank_copy_earns_nothing(graded):
    assert sum(graded(blank=True).values()) == 0


def test_a_minutes_file_left_from_an_earlier_run_earns_the_blank_copy_nothing(graded, tmp_path):
    graded()
    assert (tmp_path / "bien_ban_giao_ban.docx").exists()
    assert sum(graded(blank=True).values()) == 0


def test_hidden_keys_agree_with_the_trainers_answer_file():
    assert str(KEY["dong_du_lieu_ca_nhan"]) in CELLS["m09-cau-1"]
    for part in (*TABLE_PARTS, "m09-cau-3b"):
        for task in KEY["nhiem_vu"]:
            assert json.dumps(task["anchors"], ensure_ascii=False) in CELLS[part]
            assert (json.dumps(task["deadline"]) if task["deadline"] else "None") in CELLS[part]


def test_no_answer_key_in_the_exercise_folder_or_the_grader():
    assert not list(EXERCISE.glob("dap_an*"))
    grader = (ROOT / "autograder" / "modules" / "m09_bien_ban_cuoc_hop.py").read_text("utf-8")
    for task in KEY["nhiem_vu"]:
        assert task["anchors"][0] not in grader
    visible = "".join(SOLUTION_BLOCK.sub("", c).split("### BEGIN HIDDEN TESTS")[0] for grade_id, c in CELLS.items()
                      if grade_id != "m09-cau-4")  # the reflection's model answer is replaced on release
    assert "2026-04-17" not in visible and "17/4/2026" not in visible


def test_generator_is_deterministic_and_matches_the_files():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen09", DATASET / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path, text in module.build().items():
        assert path.read_text("utf-8") == text, path


def test_transcript_is_after_the_reform_and_names_no_district():
    assert not re.search(r"\bhuyện\b", TRANSCRIPT.lower()) and "06/4/2026" in TRANSCRIPT
    assert "Văn phòng HĐND và UBND" in TRANSCRIPT


# --------------------------------------------------------------------------------------- gaming: table


def _every_sentence_rows(owner_from_line: bool):
    from autograder.checks.quotes import fold, sentence_spans

    body = "\n".join(line[4:] for line in LINES)
    rows = []
    for start, end in sentence_spans(body):
        sentence = fold(body)[start:end]
        names = re.findall(r"(?:anh|chị|Đồng chí|Anh|Chị) (\w+)", sentence)
        owner = names[0] if owner_from_line and names else "Chủ tịch Thành"
        dates = re.findall(r"\d{1,2}/\d{1,2}/2026", sentence)
        rows.append((sentence[:30], owner, dates[0] if dates else "30/4/2026", sentence))
    return rows


@pytest.mark.parametrize("owner_from_line", [True, False])
def test_listing_every_sentence_as_a_task_earns_at_most_thirty_percent(graded, owner_from_line):
    rows = _every_sentence_rows(owner_from_line)
    assert len(rows) > 25
    assert share(graded(bang=table(rows)), TABLE_PARTS) <= 0.3


def test_every_line_with_every_name_and_date_earns_nothing(graded):
    everyone = "Thành, Mai, Huy, Hà, Long, Hùng, Hồng, Toàn, Lan"
    rows = [("Việc", everyone, "06/4/2026 - 30/4/2026", line[4:]) for line in LINES]
    points = graded(bang=table(rows))
    assert points["m09-cau-2b"] == 0 and share(points, TABLE_PARTS) <= 0.3


def test_every_sentence_naming_someone_earns_at_most_thirty_percent(graded):
    from autograder.checks.quotes import fold, sentence_spans

    body = "\n".join(line[4:] for line in LINES)
    rows = []
    for start, end in sentence_spans(body):
        sentence = fold(body)[start:end]
        names = re.findall(r"(?:anh|chị|ông|bà|cháu|Đồng chí|Anh|Chị) (\w+)", sentence)
        if names:
            dates = re.findall(r"\d{1,2}/\d{1,2}/2026", sentence)
            rows.append((sentence[:30], names[0], dates[0] if dates else "không nêu", sentence))
    assert share(graded(bang=table(rows)), TABLE_PARTS) <= 0.3


def test_paraphrased_quotes_earn_nothing_even_with_right_owners_and_dates(graded):
    rows = [(t["viec"], t["owner_names"][1], t["deadline"] or "không nêu", "Chủ tịch giao " + t["viec"].lower())
            for t in KEY["nhiem_vu"]]
    assert share(graded(bang=table(rows)), TABLE_PARTS) == 0


def test_copying_the_visible_sample_and_the_lessons_table_earns_nothing(graded):
    lesson = (ROOT / "notebooks" / "data" / "09_bang_nhiem_vu_ai_mau.md").read_text("utf-8")
    assert share(graded(bang=lesson), TABLE_PARTS) == 0
    sample = table([("Việc", "Người", "dd/mm/yyyy", "Nhiệm vụ | Người thực hiện | Thời hạn | Câu gốc")])
    assert share(graded(bang=sample), TABLE_PARTS) == 0


def test_the_reassigned_task_under_its_first_owner_loses_the_owner_point(graded):
    text = solution_table().replace("Bà Phạm Thu Hà (Văn phòng)", "Ông Vũ Đức Long")
    points = graded(bang=text)
    assert points["m09-cau-2a"] == 2 and points["m09-cau-2b"] == pytest.approx(1.5 * 7 / 8, abs=0.01)


def test_discussion_items_added_as_tasks_cost_points(graded):
    extra = ("| Làm lại sân vận động xã | Ông Vũ Đức Long | 30/9/2026 | Tôi đề xuất sang quý III mình tính chuyện "
             "làm lại sân vận động xã. |\n| Mời trưởng thôn dự giao ban | Ông Đặng Văn Toàn | 04/5/2026 | Có nên "
             "mời thêm các trưởng thôn dự giao ban tháng sau không ạ? |\n")
    points = graded(bang=solution_table() + extra)
    assert points["m09-cau-2a"] == pytest.approx(2 * 6 / 8)


def test_relative_or_miscounted_deadlines_lose_the_deadline_points(graded):
    text = solution_table().replace("17/4/2026", "thứ Sáu tuần sau").replace("08/4/2026", "15/4/2026")
    points = graded(bang=text)
    assert points["m09-cau-2a"] == 2 and points["m09-cau-2c"] == pytest.approx(1.5 * 6 / 8, abs=0.01)


def test_an_invented_deadline_for_the_task_without_one_is_wrong(graded):
    text = solution_table().replace("| không nêu |", "| 10/4/2026 |")
    assert graded(bang=text)["m09-cau-2c"] == pytest.approx(1.5 * 7 / 8, abs=0.01)


# ------------------------------------------------------------------------------------ gaming: line picks


def test_picking_every_line_earns_nothing(graded):
    assert graded(dong=list(range(1, 27)))["m09-cau-1"] == 0


def test_random_line_picks_average_at_most_thirty_percent():
    from autograder.modules.m09_bien_ban_cuoc_hop import grade_personal_lines

    rng = random.Random(9)
    scores = [grade_personal_lines(rng.sample(range(1, 27), rng.randint(1, 8)), KEY["dong_du_lieu_ca_nhan"], 26, 1)
              .score for _ in range(300)]
    assert sum(scores) / len(scores) <= 0.3


# ------------------------------------------------------------------------------------- gaming: biên bản

LABELS_ONLY = "Thời gian bắt đầu:\nĐịa điểm:\nThành phần tham dự:\nChủ trì:\nThư ký:\nNội dung:\nCuộc họp kết thúc."
SALAD = ("Thời gian, địa điểm, thành phần, chủ trì, thư ký, nội dung, kết thúc: ông Nguyễn Văn Thành, bà Trần Thị "
         "Mai, ông Lê Quang Huy, bà Phạm Thu Hà, ông Vũ Đức Long, ông Hoàng Văn Hùng, bà Ngô Thị Hồng, ông Đặng Văn "
         "Toàn, bà Đỗ Thị Lan; 7 giờ 30, 9 giờ 45; 06/4/2026, 07/4/2026, 08/4/2026, 15/4/2026, 17/4/2026, "
         "20/4/2026, 25/4/2026, 30/4/2026; phòng họp tầng 2.")


@pytest.mark.parametrize("text", [LABELS_ONLY, SALAD], ids=["labels only", "salad"])
def test_minutes_without_the_meetings_content_earn_at_most_thirty_percent(graded, text):
    points = graded(noi_dung=text, chu_toa="Nguyễn Văn Thành", thu_ky="Đỗ Thị Lan")
    assert share(points, ["m09-cau-3a", "m09-cau-3b"]) <= 0.3


def test_the_transcript_pasted_as_the_minutes_earns_nothing(graded):
    points = graded(noi_dung=TRANSCRIPT.replace("Người ghi:", "Thư ký:") + "\nNội dung: như trên.")
    assert points["m09-cau-3a"] == 0 and points["m09-cau-3b"] == 0


def test_the_lessons_minutes_copied_earn_at_most_thirty_percent(graded):
    from tests.modules.test_m09_lesson import LESSON_MINUTES

    points = graded(noi_dung=LESSON_MINUTES, chu_toa="Phan Văn Bình", thu_ky="Hứa Thị Ngọc")
    assert share(points, ["m09-cau-3a", "m09-cau-3b"]) <= 0.3


def test_invented_people_and_dates_in_the_minutes_cost_points(graded):
    text = solution_minutes().replace("Việc làm lại sân vận động",
                                      "Giao ông Nguyễn Văn Bảo làm lại sân vận động trước ngày 30/6/2026. Việc")
    assert graded(noi_dung=text)["m09-cau-3b"] == pytest.approx((7 - 2) / 7, abs=0.01)


def test_every_person_paired_with_every_deadline_earns_nothing(graded):
    people = ["Nguyễn Văn Thành", "Trần Thị Mai", "Lê Quang Huy", "Phạm Thu Hà", "Vũ Đức Long", "Hoàng Văn Hùng",
              "Ngô Thị Hồng", "Đặng Văn Toàn", "Đỗ Thị Lan"]
    dates = ["07/4/2026", "08/4/2026", "15/4/2026", "17/4/2026", "20/4/2026", "25/4/2026", "30/4/2026"]
    spam = "\n".join(f"Giao ông {name} hoàn thành trước ngày {day}." for name in people for day in dates)
    text = solution_minutes().replace("Việc làm lại sân vận động", spam + "\nViệc làm lại sân vận động")
    assert graded(noi_dung=text)["m09-cau-3b"] == 0


def test_a_deadline_the_meeting_did_not_give_costs_a_task(graded):
    text = solution_minutes().replace("Việc làm lại sân vận động",
                                      "Bà Phạm Thu Hà trả lời công dân trước ngày 10/4/2026. Việc làm lại sân vận động")
    assert graded(noi_dung=text)["m09-cau-3b"] == pytest.approx(5 / 7, abs=0.01)


def test_components_out_of_order_do_not_count(graded):
    lines = solution_minutes().strip().splitlines()
    swapped = "\n".join([lines[4], lines[3]] + lines[:3] + lines[5:])  # Thư ký and Chủ trì before Thời gian
    assert graded(noi_dung=swapped)["m09-cau-3a"] < 1


def test_the_wrong_signers_lose_the_signature_point(graded):
    assert graded(chu_toa="Đỗ Thị Lan", thu_ky="Nguyễn Văn Thành", noi_dung=solution_minutes())["m09-cau-3a"] \
        == pytest.approx(7 / 8, abs=0.01)


# ---------------------------------------------------------------------------------------- honest variants

HONEST_TABLE_TSV = "\n".join([
    "STT\tCâu gốc\tCông việc\tNgười phụ trách\tHạn hoàn thành",
    "1\t«phải đưa tỷ lệ nộp trực tuyến lên 80% trong tháng này, anh Huy theo dõi sát»\tTăng hồ sơ trực tuyến"
    "\tAnh Huy – Trung tâm Phục vụ hành chính công\t30/04/2026",
    "2\t«Anh Hùng bên địa chính lo việc này, trước thứ Sáu tuần sau»\tKiểm tra bãi sông thôn Đông"
    "\tanh Hùng (địa chính)\tngày 17 tháng 4 năm 2026",
    "3\t«Còn hội nghị đối thoại với nhân dân quý II, anh Long chuẩn bị nội dung, xong trước ngày 20/4/2026.»"
    "\tChuẩn bị hội nghị đối thoại (đã chuyển người làm)\tChị Hà, Văn phòng\t20/04/2026",
    "4\t«chị Hồng chủ trì rà soát danh sách hộ cận nghèo năm 2026»\tRà soát hộ cận nghèo\tChị Hồng\t15/04/2026",
    "5\t«Việc tiêm phòng đợt 1 cho đàn gia súc thì để tôi đôn đốc các thôn»\tTiêm phòng gia súc"
    "\tPhó Chủ tịch Trần Thị Mai\t25/04/2026",
    "6\t«Đồng chí Toàn hoàn thành danh sách thanh niên sẵn sàng nhập ngũ … chậm nhất thứ Tư tuần này»"
    "\tDanh sách nhập ngũ\tĐồng chí Toàn (Ban Chỉ huy quân sự)\t2026-04-08",
    "7\t«Chị Hà trả lời bà ấy theo đúng quy trình tiếp công dân»\tTrả lời công dân\tChị Hà\tKhông nêu",
    "8\t«Chị Lan hoàn thiện biên bản, ngày mai gửi các đồng chí dự họp»\tGửi biên bản\tChị Lan\t07/4/2026",
])

HONEST_MINUTES = """Thời gian bắt đầu: 7h30 ngày 06/4/2026.
Địa điểm: tại phòng họp tầng 2, trụ sở Ủy ban nhân dân xã Phú Lâm.
Thành phần tham dự:
- Ông Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân xã;
- Bà Trần Thị Mai và ông Lê Quang Huy, Phó Chủ tịch Ủy ban nhân dân xã;
- Bà Phạm Thu Hà, Chánh Văn phòng HĐND và UBND xã; ông Vũ Đức Long, Trưởng phòng Kinh tế;
- Ông Hoàng Văn Hùng, công chức địa chính; bà Ngô Thị Hồng, Trưởng phòng Văn hóa – Xã hội;
- Ông Đặng Văn Toàn, Chỉ huy trưởng Ban Chỉ huy quân sự xã.
Chủ tọa: ông Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân xã.
Thư ký: bà Đỗ Thị Lan.
Nội dung cuộc họp:
Các bộ phận báo cáo tình hình cải cách hành chính, đất đai, an sinh xã hội và tuyển quân. Kết luận:
Ông Huy chỉ đạo Trung tâm Phục vụ hành chính công nâng tỷ lệ hồ sơ trực tuyến lên 80%, hạn 30/4/2026.
Ông Hùng kiểm tra hiện trạng bãi sông thôn Đông, báo cáo trước ngày 17/4/2026.
Việc chuẩn bị nội dung hội nghị đối thoại quý II chuyển từ ông Long sang bà Hà, hạn ngày 20/4/2026.
Bà Hồng rà soát danh sách hộ cận nghèo năm 2026, gửi Văn phòng trước ngày 15/4/2026.
Bà Mai đôn đốc tiêm phòng đợt 1 cho đàn gia súc, xong trước ngày 25/4/2026.
Ông Toàn gửi danh sách thanh niên sẵn sàng nhập ngũ chậm nhất ngày 08/4/2026.
Bà Lan hoàn thiện và gửi biên bản ngày 07/4/2026.
Cuộc họp kết thúc vào 09 giờ 45 phút cùng ngày."""


def test_an_honest_table_from_excel_in_another_column_order_earns_full_marks(graded):
    points = graded(bang=HONEST_TABLE_TSV)
    assert [points[p] for p in TABLE_PARTS] == [2, 1.5, 1.5]


def test_the_solution_table_with_rows_in_another_order_and_iso_dates_earns_full_marks(graded):
    head, sep, *rows = solution_table().strip().splitlines()
    text = "\n".join([head, sep, *reversed(rows)])
    text = re.sub(r"\| (\d{2})/4/2026 \|", r"| 2026-04-\1 |", text)
    points = graded(bang=text)
    assert [points[p] for p in TABLE_PARTS] == [2, 1.5, 1.5]


def test_honest_minutes_written_differently_earn_full_marks(graded):
    points = graded(noi_dung=HONEST_MINUTES)
    assert points["m09-cau-3a"] == 1 and points["m09-cau-3b"] == 1
