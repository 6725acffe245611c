"""Exercise 02's grader: honest drafts written differently earn full marks, gaming drafts ≤ 30 %."""

import datetime as dt

import pytest

from ailab.vanban.form import tao_van_ban
from autograder.modules.m02_soan_thao_van_ban import (
    CONG_VAN_FACTS,
    CONG_VAN_SOURCE,
    GIAY_MOI_FACTS,
    GIAY_MOI_SOURCE,
    body_form_problems,
    grade_body,
    grade_decisions,
    grade_superseded_answer,
    superseded_answer_problems,
    trich_yeu_problems,
    written_problems,
)

GIAY_MOI_HONEST = [
    """Ủy ban nhân dân xã Tân Phú trân trọng kính mời: Trưởng các thôn; công chức Văn phòng HĐND và UBND xã.
Tới dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026.
Chủ trì: ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.
Thời gian: 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026.
Địa điểm: Hội trường Ủy ban nhân dân xã Tân Phú.
Rất mong các đại biểu tham dự đầy đủ, đúng giờ.""",
    "Ủy ban nhân dân xã Tân Phú trân trọng kính mời Trưởng các thôn và công chức Văn phòng HĐND và UBND xã tới dự "
    "hội nghị triển khai kế hoạch chuyển đổi số năm 2026 do ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã chủ trì. "
    "Hội nghị bắt đầu lúc 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026, tại Hội trường Ủy ban nhân dân xã Tân Phú. "
    "Đề nghị các đồng chí tham dự đúng thành phần, đúng giờ.",
    """Thực hiện kế hoạch công tác năm 2026, Ủy ban nhân dân xã tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2026.
Hội nghị do đồng chí Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã chủ trì.
Thành phần mời gồm Trưởng các thôn và công chức Văn phòng HĐND và UBND xã.
Thời gian họp: 14h00 thứ Năm, ngày 12/3/2026.
Địa điểm: Hội trường UBND xã Tân Phú.""",
    "Ủy ban nhân dân xã Tân Phú tổ chức hội nghị triển khai kế hoạch về chuyển đổi số năm 2026. Kính mời các đồng "
    "chí Trưởng thôn và công chức thuộc Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã đến dự. Hội nghị khai "
    "mạc vào hồi 14 giờ, thứ Năm, ngày 12/3/2026 tại Hội trường Ủy ban nhân dân xã. Chủ trì hội nghị: đồng chí "
    "Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.",
]
CONG_VAN_HONEST = [
    """Thực hiện kế hoạch rà soát hộ nghèo, hộ cận nghèo năm 2026, Ủy ban nhân dân xã đề nghị Trưởng các thôn lập danh sách hộ nghèo, hộ cận nghèo của thôn.
Danh sách gửi về Phòng Văn hóa - Xã hội trước ngày 25 tháng 3 năm 2026.
Đề nghị Trưởng các thôn quan tâm, thực hiện.""",
    "Để chuẩn bị rà soát hộ nghèo, hộ cận nghèo năm 2026, Ủy ban nhân dân xã đề nghị các đồng chí Trưởng thôn tổ "
    "chức lập danh sách các hộ nghèo, hộ cận nghèo trên địa bàn thôn. Các thôn nộp danh sách về Phòng Văn hóa – "
    "Xã hội chậm nhất ngày 25/3/2026. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Phòng Văn hóa – "
    "Xã hội để được hướng dẫn.",
    """Ủy ban nhân dân xã yêu cầu Trưởng các thôn rà soát và lập danh sách hộ nghèo và hộ cận nghèo của thôn mình.
Hạn nộp: trước ngày 25 tháng 3 năm 2026, nộp tại Phòng Văn hóa - Xã hội.""",
    "Đề nghị các đồng chí khẩn trương lập danh sách hộ nghèo, hộ cận nghèo của thôn. Phòng Văn hóa - Xã hội tiếp "
    "nhận danh sách đến hết ngày 25/3/2026 để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân xã.",
    "Trưởng các thôn có trách nhiệm rà soát, lập danh sách hộ nghèo, hộ cận nghèo trên địa bàn và gửi về Phòng "
    "Văn hóa - Xã hội chậm nhất ngày 25 tháng 3 năm 2026.",
]


@pytest.mark.parametrize("text", GIAY_MOI_HONEST)
def test_honest_giay_moi_bodies_earn_full_marks(text):
    assert body_form_problems(text) == []
    result = grade_body(text, GIAY_MOI_FACTS, GIAY_MOI_SOURCE, 1.5)
    assert result.ok, result


@pytest.mark.parametrize("text", CONG_VAN_HONEST)
def test_honest_cong_van_bodies_earn_full_marks(text):
    result = grade_body(text, CONG_VAN_FACTS, CONG_VAN_SOURCE, 1.5)
    assert result.ok, result


GAMING_GIAY_MOI = {
    "blank copy": '\nỦy ban nhân dân xã Tân Phú trân trọng kính mời: ___\nChủ trì: ___\n',
    "bare facts": "Trưởng các thôn; công chức Văn phòng HĐND và UBND xã\nNguyễn Văn An\n14 giờ 00, ngày 12 tháng 3 "
                  "năm 2026\nHội trường Ủy ban nhân dân xã Tân Phú\nhội nghị triển khai kế hoạch chuyển đổi số",
    "keyword salad": "Kính mời thành phần chủ trì thời gian địa điểm dự hội nghị triển khai kế hoạch chuyển đổi số "
                     "Trưởng các thôn công chức Văn phòng HĐND và UBND xã Nguyễn Văn An 14 giờ 00 ngày 12 tháng 3 "
                     "năm 2026 Hội trường Ủy ban nhân dân xã Tân Phú.",
    "task table copied": "| Thành phần mời | Trưởng các thôn; công chức Văn phòng HĐND và UBND xã |\n"
                         "| Chủ trì | Ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã |\n"
                         "| Thời gian | 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026 |",
    "table rows as labels": "Thành phần mời: Trưởng các thôn; công chức Văn phòng HĐND và UBND xã.\n"
                            "Số văn bản: 08.\nNgày ban hành: 09/3/2026.",
    "padded with every value under every label": "\n".join(
        f"{label}: Trưởng các thôn, Nguyễn Văn An, 14 giờ 00, ngày 12 tháng 3 năm 2026, Hội trường Ủy ban nhân dân "
        "xã Tân Phú." for label in ("Kính mời", "Chủ trì", "Thời gian", "Địa điểm")),
}


@pytest.mark.parametrize("name", GAMING_GIAY_MOI)
def test_gaming_giay_moi_bodies_score_at_most_30_percent(name):
    result = grade_body(GAMING_GIAY_MOI[name], GIAY_MOI_FACTS, GIAY_MOI_SOURCE, 1.5)
    assert result.score <= 0.45, (name, result)


def test_time_and_place_swapped_earn_nothing_for_time_and_place():
    good = "Kính mời Trưởng các thôn; công chức Văn phòng HĐND và UBND xã dự hội nghị triển khai kế hoạch chuyển đổi số."
    swapped = good + ("\nĐịa điểm: 14 giờ 00, ngày 12 tháng 3 năm 2026.\nThời gian: Hội trường Ủy ban nhân dân xã "
                      "Tân Phú.\nChủ trì: ông Nguyễn Văn An.")
    without = good + "\nChủ trì: ông Nguyễn Văn An."
    assert grade_body(swapped, GIAY_MOI_FACTS, GIAY_MOI_SOURCE, 1.5).score == grade_body(
        without, GIAY_MOI_FACTS, GIAY_MOI_SOURCE, 1.5).score == round(1.5 * 4 / 7, 2)


def test_invented_figures_cost_a_fact_each():
    text = GIAY_MOI_HONEST[1] + " Dự kiến có 35 đại biểu; hội nghị kết thúc lúc 16 giờ 30."
    result = grade_body(text, GIAY_MOI_FACTS, GIAY_MOI_SOURCE, 1.5)
    assert result.score < 1.5 and "35" in result.messages[-1]


def test_cong_van_body_copied_from_the_task_table_scores_nothing():
    copied = ("Việc: chuẩn bị rà soát hộ nghèo, hộ cận nghèo năm 2026\n"
              "Đề nghị: Trưởng các thôn lập danh sách hộ nghèo, hộ cận nghèo của thôn\n"
              "Hạn, nơi nộp: trước ngày 25 tháng 3 năm 2026, nộp về Phòng Văn hóa - Xã hội")
    assert grade_body(copied, CONG_VAN_FACTS, CONG_VAN_SOURCE, 1.5).score == 0


def test_a_bulleted_list_of_task_rows_is_not_cong_van_prose():
    listed = ("Ủy ban nhân dân xã Tân Phú về việc chuẩn bị rà soát hộ nghèo, hộ cận nghèo năm 2026, cụ thể như sau:\n"
              "- **Đề nghị:** Trưởng các thôn lập danh sách hộ nghèo, hộ cận nghèo của thôn;\n"
              "- Hạn nộp: trước ngày 25 tháng 3 năm 2026, nộp về Phòng Văn hóa - Xã hội.")
    assert "danh sách «Mục: dữ kiện»" in body_form_problems(listed)[0]
    assert grade_body(listed, CONG_VAN_FACTS, CONG_VAN_SOURCE, 1.5).score == 0


def test_cong_van_body_of_bare_facts_scores_nothing():
    bare = "Trưởng các thôn\ndanh sách hộ nghèo, hộ cận nghèo\nngày 25 tháng 3 năm 2026\nPhòng Văn hóa - Xã hội"
    assert grade_body(bare, CONG_VAN_FACTS, CONG_VAN_SOURCE, 1.5).score == 0


def test_visible_form_check_names_blanks_and_copied_tables_only():
    assert body_form_problems('\n___\n') == [
        'Phần nội dung đang để trống: dán bản nháp (đã sửa) hoặc tự viết vào giữa hai dấu """.']
    assert "bảng đề bài" in " ".join(body_form_problems(GAMING_GIAY_MOI["task table copied"]))
    assert body_form_problems("Một câu duy nhất.") == [
        "Nội dung cần ít nhất 2 câu (mỗi câu một dòng hoặc kết thúc bằng dấu chấm)."]


# ------------------------------------------------------------------------------------- decisions (layout)

GIAY_MOI = {"loai": "Giấy mời", "so": "08", "ngay": "09/3/2026",
            "trich_yeu": "Dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026",
            "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú", "dia_danh": "Tân Phú", "quyen_han": "TM.",
            "chuc_vu": "Chủ tịch", "nguoi_ky": "Nguyễn Văn An", "noi_nhan": "Như thành phần mời",
            "noi_dung": GIAY_MOI_HONEST[0]}
EXPECTED = {"số, ký hiệu": "Số: 08/GM-UBND", "ngày ban hành": "Tân Phú, ngày 09 tháng 3 năm 2026",
            "thẩm quyền ký": "TM. ỦY BAN NHÂN DÂN", "chức vụ người ký": "CHỦ TỊCH"}
ABOUT = (("hội nghị",), ("chuyển đổi số",))


def _written(tmp_path, **changes):
    path = tao_van_ban({**GIAY_MOI, **changes}, tmp_path / "giay_moi.docx")
    assert path is not None
    return path


def test_decisions_as_the_task_asks_earn_full_layout_points(tmp_path):
    path = _written(tmp_path)
    assert written_problems(path, "Giấy mời") == []
    assert grade_decisions(path, "Giấy mời", EXPECTED, ABOUT, 0.5).ok


def test_another_honest_trich_yeu_also_earns_full_points(tmp_path):
    path = _written(tmp_path, trich_yeu="Về việc dự hội nghị triển khai Kế hoạch chuyển đổi số của xã năm 2026")
    assert grade_decisions(path, "Giấy mời", EXPECTED, ABOUT, 0.5).ok


def test_each_wrong_decision_costs_its_share(tmp_path):
    path = _written(tmp_path, so="8a" if False else "18", ngay="9/3/2025", quyen_han="KT. Chủ tịch",
                    chuc_vu="Phó Chủ tịch")
    result = grade_decisions(path, "Giấy mời", EXPECTED, ABOUT, 0.5)
    assert result.score == 0.1 and len(result.messages) == 4


def test_a_trich_yeu_that_does_not_say_what_or_carries_the_details_fails():
    assert trich_yeu_problems("Giấy mời họp", ABOUT)
    assert trich_yeu_problems("Dự hội nghị chuyển đổi số lúc 14 giờ 00 tại Hội trường Ủy ban nhân dân xã", ABOUT)
    assert trich_yeu_problems(" ".join(["hội nghị chuyển đổi số"] * 6), ABOUT)
    assert trich_yeu_problems("Dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026", ABOUT) == []


def test_the_wrong_type_is_named_by_the_visible_check(tmp_path):
    path = _written(tmp_path, loai="Thông báo")
    assert "GIẤY MỜI" in written_problems(path, "Giấy mời")[0]
    assert "Chưa có tệp" in written_problems(tmp_path / "khong_co.docx", "Giấy mời")[0]


# ------------------------------------------------------------------------------------- outdated căn cứ

ON = dt.date(2026, 3, 16)
CAN_CU = [
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 ngày 26 tháng 6 năm 2025",
    "Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ về bảo vệ dữ liệu cá nhân",
    "Quyết định số 24/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân xã Tân Phú",
    "Kế hoạch số 12/KH-UBND ngày 08 tháng 01 năm 2026 của Ủy ban nhân dân huyện Tân Phú",
    "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
]
HONEST_LEGAL = [
    {1: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", 3: "Nghị định số 356/2025/NĐ-CP", 5: "bỏ"},
    {1: "Luật số 72/2025/QH15 ngày 16/6/2025", 3: "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (đã có ở căn cứ 2)",
     5: "Xóa căn cứ này vì không còn Ủy ban nhân dân huyện"},
    {5: "Thay bằng kế hoạch của Ủy ban nhân dân tỉnh", 3: "Nghị định 356/2025/NĐ-CP ngày 31/12/2025",
     1: "72/2025/QH15"},
]
GAMING_LEGAL = {
    "every căn cứ, same text": {n: "bỏ" for n in range(1, 7)},
    "every căn cứ, every number": {n: "72/2025/QH15; 91/2025/QH15; 356/2025/NĐ-CP" for n in range(1, 7)},
    "the current ones": {2: "bỏ", 4: "bỏ", 6: "bỏ"},
    "constant first half": {1: "72/2025/QH15", 2: "72/2025/QH15", 3: "72/2025/QH15"},
}


@pytest.mark.parametrize("answer", HONEST_LEGAL)
def test_honest_legal_answers_earn_full_marks(answer):
    result = grade_superseded_answer(answer, CAN_CU, ON, 1.5)
    assert result.ok, result


@pytest.mark.parametrize("name", GAMING_LEGAL)
def test_gaming_legal_answers_score_at_most_30_percent(name):
    assert grade_superseded_answer(GAMING_LEGAL[name], CAN_CU, ON, 1.5).score <= 0.45, name


def test_found_but_wrong_replacement_earns_half_and_messages_do_not_name_missed_ones():
    result = grade_superseded_answer({1: "Luật Tổ chức chính quyền địa phương năm 2015", 3: "356/2025/NĐ-CP"},
                                     CAN_CU, ON, 1.5)
    assert result.score == 0.75
    assert "Còn 1 căn cứ" in result.messages[-1] and "số 5" not in " ".join(result.messages)


def test_visible_form_check_of_the_legal_answer():
    assert superseded_answer_problems({"___": "___"}, 6)
    assert superseded_answer_problems({}, 6) == ["Chưa chọn căn cứ nào: ghi số thứ tự các căn cứ đã hết hiệu lực."]
    assert superseded_answer_problems({7: "x"}, 6) == ["«7» không phải số thứ tự căn cứ (từ 1 đến 6)."]
    assert superseded_answer_problems(HONEST_LEGAL[0], 6) == []
