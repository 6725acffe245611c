"""The offline assistant understands the course's own prompts and writes correct Vietnamese.

Every prompt the lessons and the exercises' solutions show (collected from the notebooks at run time, see
``course_prompts.py``), and prose prompts written the way officers write them, get a useful answer: never a
request to reformat, no word doubled, decimal commas, the commune named as "Ủy ban nhân dân xã", raw column
names said in words, and a closing formula that fits the reader.
"""

from __future__ import annotations

import json
import re

import pytest
from course_prompts import ROOT, collect

from ailab.offline.engine import LABEL, respond
from ailab.text import fold

OFFICER_PROMPTS = [
    "Bạn là chuyên viên Văn phòng HĐND và UBND xã Tân Phú. Xã sẽ tổ chức hội nghị triển khai kế hoạch chuyển "
    "đổi số năm 2026 vào 14 giờ 00 ngày 12/3/2026 tại Hội trường Ủy ban nhân dân xã, thành phần là trưởng các "
    "thôn và công chức chuyên môn. Hãy soạn giấy mời. Yêu cầu: văn phong hành chính, không quá 150 từ, chỉ dùng "
    "thông tin tôi đưa.",
    "Bạn là chuyên viên Văn phòng HĐND và UBND xã Hòa Bình. Bối cảnh: từ ngày 01/4/2026 đến ngày 30/4/2026, "
    "xã tổ chức thu gom rác thải cồng kềnh miễn phí tại điểm tập kết của từng thôn. Hãy soạn thông báo gửi "
    "người dân. Yêu cầu: trình bày dạng gạch đầu dòng, không quá 120 từ, không thêm thông tin khác.",
    "Bạn là công chức Văn phòng HĐND và UBND xã. Hãy soạn thông báo lịch tiếp công dân của Chủ tịch Ủy ban "
    "nhân dân xã: Chủ tịch tiếp công dân vào sáng thứ Năm tuần thứ hai hằng tháng tại Phòng tiếp công dân của "
    "xã. Người đọc là người dân. Giới hạn: không quá 100 từ.",
    "Đóng vai công chức văn hóa - xã hội của Ủy ban nhân dân xã Đông Hòa. Xã sẽ tổ chức khám sức khỏe miễn phí "
    "cho người cao tuổi vào sáng ngày 20/5/2026 tại Trạm Y tế xã. Hãy viết thông báo ngắn để đọc trên loa "
    "truyền thanh, gửi bà con, khoảng 80 từ.",
    "Bạn là công chức Văn phòng HĐND và UBND xã Tân Phú. Hãy soạn công văn gửi các trưởng thôn đề nghị rà "
    "soát, báo cáo danh sách hộ có nhà tạm, nhà dột nát trước ngày 15/6/2026. Yêu cầu: ngắn gọn, văn phong "
    "hành chính, chỉ dùng thông tin tôi đưa.",
    "Bạn là công chức tư pháp - hộ tịch xã. Hãy soạn dự thảo quyết định thành lập Tổ hòa giải ở cơ sở thôn "
    "Đông gồm 5 thành viên, do ông Trần Văn Bình làm tổ trưởng. Yêu cầu: đúng bố cục quyết định, không tự "
    "thêm căn cứ pháp lý.",
    "Tôi là công chức Văn phòng UBND xã. Hãy soạn kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở thôn "
    "Nam vào ngày 18/11/2026, kinh phí 5.000.000 đồng từ ngân sách xã. Yêu cầu: gồm mục đích, nội dung, tổ "
    "chức thực hiện; không quá 200 từ.",
    "Bạn là chuyên viên Văn phòng HĐND và UBND xã. Hãy viết báo cáo nhanh kết quả tiêm phòng dại: đã tiêm "
    "1.245 con chó, mèo, đạt 85,10% kế hoạch; còn 3 thôn chưa hoàn thành. Không quá 100 từ.",
    "Xã tôi có 1.250 hộ, trong đó 23 hộ nghèo. Hãy soạn tờ trình đề nghị hỗ trợ tiền điện cho các hộ nghèo "
    "quý III năm 2026. Chỉ dùng số liệu tôi đưa.",
    "Bạn là công chức Văn phòng UBND xã. Hãy soạn giấy mời họp dân thôn Đoài lúc 19 giờ 30 ngày 05/6/2026 tại "
    "nhà văn hóa thôn để lấy ý kiến về phương án mở rộng đường liên thôn. Gửi các hộ dân trong thôn.",
    "Hãy nhận xét bảng số liệu sau, viết thành 3 câu, dùng số thập phân kiểu Việt Nam:\n"
    "thang,ty_le_truc_tuyen,so_ho_so\n1,52.3,210\n2,55.0,198\n3,61.8,245\n4,76.4,260\n",
    "Bạn là chuyên viên Văn phòng HĐND và UBND xã. Dựa vào đoạn văn sau, hãy trả lời câu hỏi: Bộ phận Một "
    "cửa làm việc vào những ngày nào?\n\nBộ phận Một cửa của Ủy ban nhân dân xã làm việc từ thứ Hai đến "
    "sáng thứ Bảy hằng tuần. Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Bạn là công chức UBND xã. Hãy tóm tắt thông báo sau cho người dân trong 2 câu:\n\nỦy ban nhân dân xã "
    "thông báo lịch cắt điện để sửa chữa đường dây từ 7 giờ 00 đến 11 giờ 00 ngày 10/7/2026 tại thôn Bắc và "
    "thôn Nam. Người dân chủ động sắp xếp sinh hoạt. Mọi thắc mắc liên hệ Văn phòng HĐND và UBND xã.",
    "Soạn giấy mời họp giao ban tháng 3 gửi các trưởng thôn, thời gian 8 giờ ngày 02/3/2026, địa điểm phòng họp "
    "UBND xã.",
    "Vai trò: Bạn là công chức Văn phòng HĐND và UBND xã Tân Phú.\nBối cảnh: Xã tổ chức tổng vệ sinh môi trường vào "
    "sáng Chủ nhật ngày 15/3/2026 tại các thôn, mỗi hộ cử 1 người tham gia.\nNhiệm vụ: Hãy soạn thông báo gửi Nhân "
    "dân.\nĐịnh dạng: gạch đầu dòng.\nGiới hạn: không quá 120 từ, chỉ dùng thông tin trên.",
    "Hãy soạn thông báo về việc tạm dừng tiếp nhận hồ sơ trực tuyến từ 17 giờ ngày 30/6/2026 đến 8 giờ ngày "
    "01/7/2026 để nâng cấp hệ thống.",
    "Bạn là chuyên viên Văn phòng HĐND và UBND xã An Lạc. Hãy soạn công văn gửi Công an xã đề nghị phối hợp bảo "
    "đảm an ninh trật tự tại lễ hội đình làng ngày 10/02/2026. Yêu cầu: văn phong hành chính, ngắn gọn.",
    "Soạn câu trả lời cho tin nhắn của người dân hỏi về lịch tiêm phòng.",
    "Bạn là công chức Văn phòng HĐND và UBND xã Tân Phú. Hãy soạn văn bản trả lời đơn kiến nghị của ông Lê Văn Tám "
    "về việc đường thôn Bắc bị ngập: xã đã đưa việc nạo vét mương thoát nước vào kế hoạch tháng 7/2026. Yêu cầu: "
    "lịch sự, ngắn gọn.",
    "Phân loại các phản ánh sau vào một trong các lĩnh vực: môi trường, giao thông, đất đai. Trình bày mỗi "
    "phản ánh một dòng kèm lý do.\n1. Khói đốt rơm rạ gây ô nhiễm khu dân cư.\n2. Cầu tạm qua kênh bị sập "
    "một nhịp.\n3. Tranh chấp ranh giới thửa đất giữa hai hộ.",
]
REFORMAT_REQUESTS = ("mỗi thông tin một dòng", "tôi cần các thông tin", "hãy ghi rõ nhiệm vụ", "tôi chưa thấy",
                     "tôi không đọc được", "tôi là trợ lý ngoại tuyến của phòng thực hành")
RESIDENTS = ("nguoi dan", "nhan dan", "ba con", "ho dan", "cac ho", "ho gia dinh", "cong dan")
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
DECIMAL_POINT = re.compile(r"(?<![\d.,/])\d+\.\d{1,2}(?![\d.,/])")


@pytest.fixture(scope="module")
def course_prompts(tmp_path_factory):
    return collect(tmp_path_factory.mktemp("so_tay"))


def answer_to(prompt: str, system: str = "") -> str:
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
    answer = respond(messages)
    assert answer.startswith(LABEL + "\n")
    return answer[len(LABEL) + 1:]


def writes_to_residents(prompt: str) -> bool:
    """The prompt addresses the document to residents ("gửi người dân", "Người đọc là người dân", …)."""
    folded = fold(prompt)
    return any(re.search(rf"(?:gui|cho|doc la|den|moi)\s+(?:cac |toan the )?{word}", folded) for word in RESIDENTS)


def problems_in(prompt: str, body: str) -> list[str]:
    """What is wrong with an answer, in words a reviewer would use (text it quotes in «…» is not its own)."""
    found = [f"asks to reformat: «{p}»" for p in REFORMAT_REQUESTS if p in body.lower()]
    body = re.sub(r"«[^«»]*»", "«…»", body)
    found += [f"doubled word «{m.group(0)}»" for m in DOUBLED.finditer(body) if not m.group(1).isdigit()]
    found += [f"decimal point «{m.group(0)}»" for m in DECIMAL_POINT.finditer(body)]
    if "xã tôi" in body.lower():
        found.append("says «xã tôi»")
    found += [f"raw column name «{m.group(0)}»" for m in re.finditer(r"\b[a-z]+_[a-z_]+\b", body)]
    if writes_to_residents(prompt) and "cơ quan, đơn vị" in body:
        found.append("closing addressed to agencies in a text for residents")
    if fold(prompt).count("soan") and body.rstrip().endswith("./.") is False and "giấy mời" in prompt.lower():
        found.append("an invitation without its closing «./.»")
    return found


def test_the_collector_finds_prompts_in_every_notebook_that_asks(course_prompts):
    def sends_a_literal(path) -> bool:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return any(re.search(r"(?<![\w.])ask\(\s*[\"']|\bailab\.ask\(\s*[\"']", "".join(c["source"])) for c in cells if c["cell_type"] == "code")

    asking = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("*.ipynb") if sends_a_literal(p)}
    found = {p.where.split(" ô ")[0] for p in course_prompts}
    assert asking <= found, f"no prompt collected from {sorted(asking - found)}"
    assert len(course_prompts) >= len(asking)


def test_every_course_prompt_gets_a_useful_correct_answer(course_prompts):
    failures = {}
    for prompt in course_prompts:
        problems = problems_in(prompt.text, answer_to(prompt.text, prompt.system))
        if problems:
            failures[f"{prompt.where}: {prompt.text[:70]!r}"] = problems
    assert not failures, failures


@pytest.mark.parametrize("prompt", OFFICER_PROMPTS, ids=lambda p: p[:40])
def test_prose_prompts_written_by_officers_get_a_useful_correct_answer(prompt):
    body = answer_to(prompt)
    assert problems_in(prompt, body) == []
    assert len(body.split()) >= 12, "a useful answer, not a one-liner"


@pytest.mark.parametrize("prompt", [p for p in OFFICER_PROMPTS if re.search(r"(?:soạn|viết) (?:dự thảo )?(?:giấy|thông|công|kế|báo|tờ|quyết)", p)],
                         ids=lambda p: p[:40])
def test_drafts_keep_the_facts_and_invent_no_figure(prompt):
    body = answer_to(prompt)
    figures = re.findall(r"\d+(?:[.,/]\d+)*", re.sub(r"^Điều \d+\.", "", body, flags=re.M))
    assert [f for f in figures if f not in prompt] == []
    for date in re.findall(r"\d{1,2}/\d{1,2}/\d{4}", prompt):
        assert date in body, f"the date {date} given in the prompt is in the draft"


def test_checks_catch_the_faults_the_review_found():
    """The checks themselves: each fault the review quoted is caught."""
    assert problems_in("x", "Ủy ban nhân dân xã trân trọng kính mời quý vị tới dự Dự hội nghị")
    assert problems_in("x", "theo cột «thang», cao nhất là 9 (76.4)")
    assert problems_in("x", "Xã tôi sẽ tổ chức tiêm phòng.")
    assert problems_in("Hãy soạn thông báo gửi người dân.", "Đề nghị các cơ quan, đơn vị và Nhân dân biết, thực hiện./.")
    assert problems_in("x", "Tôi cần các thông tin để soạn thông báo. Hãy liệt kê mỗi thông tin một dòng.")
    assert problems_in("x", "Tỷ lệ đạt 85,10%, thời gian 7 giờ 30, số hộ 1.250.") == []


def test_table_answer_says_column_names_in_words_with_decimal_commas():
    body = answer_to(OFFICER_PROMPTS[10])
    assert "tháng 4 (76,4%)" in body and "tháng 1 (52,3%)" in body
    assert "tỷ lệ trực tuyến" in body.lower() and "thang" not in body


def test_notice_for_residents_ends_with_a_formula_for_residents():
    body = answer_to(OFFICER_PROMPTS[1])
    assert body.rstrip().endswith("./.") and "Nhân dân" in body.splitlines()[-1]
    assert "Ủy ban nhân dân xã Hòa Bình" in body


def test_a_notice_on_an_event_lists_its_time_place_and_the_rest_in_the_prompts_words():
    body = answer_to(OFFICER_PROMPTS[14])
    assert "về việc tổng vệ sinh môi trường" in body
    assert "- Thời gian: sáng Chủ nhật ngày 15/3/2026;" in body and "- Địa điểm: các thôn;" in body
    assert "Mỗi hộ cử 1 người tham gia" in body


def test_reply_to_a_resident_says_what_was_received_and_answers_with_the_facts_given():
    body = answer_to(OFFICER_PROMPTS[18])
    assert "nhận được đơn kiến nghị của ông Lê Văn Tám" in body and "kế hoạch tháng 7/2026" in body
    assert body.endswith("được biết./.") and "cơ quan, đơn vị" not in body


def test_invitation_does_not_double_the_word_du():
    prompt = ("Hãy soạn phần nội dung (chỉ phần thân) của giấy mời theo các dữ kiện dưới đây.\n"
              "Cơ quan ban hành: Ủy ban nhân dân xã Tân Phú\nTrích yếu: Dự hội nghị triển khai kế hoạch chuyển đổi số\n"
              "Thời gian: 14 giờ 00, ngày 12 tháng 3 năm 2026\nĐịa điểm: Hội trường Ủy ban nhân dân xã Tân Phú")
    body = answer_to(prompt)
    assert "tới dự hội nghị triển khai kế hoạch chuyển đổi số" in body
    assert "Trích yếu" not in body


def test_prompt_without_facts_gets_a_draft_with_blanks_not_a_question():
    body = answer_to("Viết thông báo tiêm phòng dại cho chó, mèo.")
    assert "tiêm phòng dại cho chó, mèo" in body and "[" in body
    assert not re.search(r"\d", body), "no date or figure is invented"
