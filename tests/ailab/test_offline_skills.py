"""The offline assistant's skills registry and the skills added for the course's review, listing and masking
prompts."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import ailab.offline.skills as skills_package
from ailab.offline.engine import LABEL, detect_task, respond
from ailab.offline.prompt import Prompt
from ailab.offline.skills import pick, registry

REPORT = next((Path(__file__).resolve().parents[2] / "tests" / "data" / "van_ban").glob("*bao_cao_6_thang.txt")
              ).read_text(encoding="utf-8")


def body(prompt: str) -> str:
    return respond([{"role": "user", "content": prompt}])[len(LABEL) + 1:]


def test_every_skill_file_registers_its_skills_and_help_comes_last():
    modules = {m.name for m in pkgutil.iter_modules(skills_package.__path__)}
    assert {"summarise", "draft", "describe_table", "classify", "answer_from_context", "help"} <= modules
    found = registry()
    assert [s.order for s in found] == sorted(s.order for s in found)
    assert found[-1].name == "help" and pick(Prompt("xin chào")).name == "help"


def test_review_flags_superseded_law_district_bodies_and_doubled_words():
    answer = body("Hãy kiểm tra dự thảo sau:\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                  "Ủy ban nhân dân huyện Tân Phú kính mời quý vị tới dự Dự hội nghị. Tỷ lệ đạt 76.4%.")
    assert "72/2025/QH15" in answer and "cấp huyện" in answer
    assert "«dự Dự»" in answer and "76,4" in answer
    assert "tự đọc lại" in answer


def test_review_of_a_clean_text_says_what_it_could_not_check():
    answer = body("Rà soát đoạn văn sau:\n\nỦy ban nhân dân xã Tân Phú thông báo lịch tiếp công dân năm 2026.")
    assert answer.startswith("Không thấy lỗi") and "thẩm quyền" in answer


def test_points_lists_the_items_the_instruction_names():
    answer = body("Đọc báo cáo sau và nêu 3 tồn tại, hạn chế:\n\n" + REPORT)
    lines = answer.splitlines()
    assert len(lines) == 3 and all(line.startswith("- ") for line in lines)
    assert all(line[2:].rstrip(".").lower() in REPORT.lower() for line in lines)


def test_points_without_named_items_fall_back_to_a_summary_in_points():
    answer = body("Liệt kê các kết quả chính trong báo cáo sau, mỗi kết quả một dòng:\n\n" + REPORT)
    assert answer.startswith("- ") and re.search(r"\d", answer)


def test_scam_question_without_labels_is_classified():
    answer = body('Tin nhắn sau có phải lừa đảo không? "Công an xã yêu cầu ông chuyển tiền vào tài khoản an toàn."')
    assert answer.startswith("Nhãn: lừa đảo") and "chuyển tiền" in answer


def test_mask_hides_personal_data_and_says_what_it_hid():
    answer = body("Hãy che thông tin cá nhân trong đoạn sau: Bà Trần Thị Lan, sinh ngày 02/05/1980, số định danh "
                  "001180012345, điện thoại 0912345678, email lan.tran80@gmail.com đề nghị hỗ trợ sửa nhà.")
    for secret in ("Trần Thị Lan", "02/05/1980", "001180012345", "0912345678", "lan.tran80"):
        assert secret not in answer
    assert "Bà [HỌ TÊN]" in answer and "Đã che" in answer and "đề nghị hỗ trợ sửa nhà" in answer


def test_question_about_a_figure_the_text_lacks_is_refused():
    answer = body("Tỷ lệ hồ sơ trực tuyến tháng 9 là bao nhiêu?\n\n" + REPORT)
    assert "không có thông tin" in answer


def test_rewrite_of_pasted_text_is_not_taken_for_a_plan():
    assert detect_task("Viết lại đoạn sau cho ngắn gọn, dễ hiểu:\n\n" + REPORT).kind == "points"


def test_question_wrapped_in_a_request_is_answered_from_the_text():
    answer = body("Hãy giải thích cho người dân thủ tục đăng ký khai sinh gồm những giấy tờ gì, dựa vào văn bản sau:\n\n"
                  "Hồ sơ đăng ký khai sinh gồm tờ khai theo mẫu và giấy chứng sinh. Trụ sở làm việc từ thứ Hai.")
    assert "giấy chứng sinh" in answer


def test_a_question_asking_to_state_its_source_is_still_a_question():
    prompt = ("Dựa vào văn bản sau, trả lời câu hỏi: Chủ tịch tiếp công dân vào ngày nào? Nêu rõ câu trích.\n\n"
              "Chủ tịch Ủy ban nhân dân xã tiếp công dân vào ngày 15 hằng tháng.")
    assert detect_task(prompt).kind == "question" and "ngày 15 hằng tháng" in body(prompt)


def test_summary_keeps_a_sentence_from_each_part_the_instruction_names():
    answer = body("Tóm tắt báo cáo sau trong tối đa 80 từ, nêu kết quả chính và ít nhất một tồn tại, hạn chế:\n\n"
                  + REPORT)
    assert "tồn tại" in answer or "chưa đạt" in answer or "trễ hạn" in answer
    assert re.search(r"\d", answer)
