"""The offline assistant: task recognition, honest answers, and number provenance on real Vietnamese texts."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ailab import ask
from ailab.offline.engine import LABEL, detect_task, parse_table, respond, to_number
from ailab.text import count_words

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "van_ban"
TEXTS = sorted(DATA.glob("*.txt"))
BAO_CAO = DATA / "bao_cao_6_thang.txt"
THONG_BAO = DATA / "thong_bao_tiep_cong_dan.txt"
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def body(answer: str) -> str:
    assert answer.startswith(LABEL), "every offline answer is labelled as practice"
    return answer[len(LABEL):].strip()


def numbers_not_in(answer: str, source: str) -> list[str]:
    return [n for n in NUMBER.findall(answer) if n not in source]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("limit", [40, 80, 150])
def test_summary_numbers_all_come_from_the_text_and_respect_the_limit(path, limit):
    text = path.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": f"Tóm tắt văn bản sau, tối đa {limit} từ:\n\n{text}"}]))
    assert answer
    assert numbers_not_in(answer, text) == []
    assert count_words(answer) <= limit + 1  # "…" after a cut sentence is not a word


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_summary_without_limit_is_shorter_than_the_text_and_keeps_figures(path):
    text = path.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": "Hãy tóm tắt báo cáo dưới đây.\n\n" + text}]))
    assert count_words(answer) < count_words(text)
    assert NUMBER.search(answer), "an extractive summary keeps the sentences that carry key figures"
    assert numbers_not_in(answer, text) == []


def test_summary_of_nfd_text_is_nfc_and_the_same():
    text = BAO_CAO.read_text(encoding="utf-8")
    prompt = "Tóm tắt văn bản sau, tối đa 60 từ:\n\n"
    nfc_answer = respond([{"role": "user", "content": prompt + text}])
    nfd_answer = respond([{"role": "user", "content": unicodedata.normalize("NFD", prompt + text)}])
    assert nfd_answer == nfc_answer
    assert unicodedata.is_normalized("NFC", nfd_answer)


def test_bullet_summary_gives_the_requested_number_of_points():
    text = BAO_CAO.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": "Tóm tắt thành 3 ý, dạng gạch đầu dòng:\n\n" + text}]))
    lines = answer.splitlines()
    assert len(lines) == 3 and all(line.startswith("- ") for line in lines)


def test_question_is_answered_by_quoting_the_sentence_used():
    text = THONG_BAO.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": f"Dựa vào văn bản sau, trả lời câu hỏi: "
                                                      f"Chủ tịch tiếp công dân định kỳ vào ngày nào?\n\n{text}"}]))
    assert "ngày 15 hằng tháng" in answer
    quoted = re.search(r"«(.+)»", answer).group(1)
    assert quoted in text


def test_question_outside_the_context_is_refused():
    text = THONG_BAO.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": "Dựa vào văn bản sau, trả lời câu hỏi: "
                                                      "Phí cấp bản sao trích lục khai sinh là bao nhiêu?\n\n" + text}]))
    assert "không có thông tin" in answer
    assert NUMBER.search(answer) is None


def test_classification_uses_only_the_labels_the_prompt_names():
    prompt = ("Phân loại tin nhắn sau vào một trong các nhóm: lừa đảo, an toàn.\n\n"
              "Tin nhắn: Công an phường yêu cầu ông bà bấm vào đường link để cập nhật VNeID, nếu không sẽ khóa tài khoản.")
    answer = body(respond([{"role": "user", "content": prompt}]))
    assert answer.startswith("Nhãn: lừa đảo")
    safe = body(respond([{"role": "user", "content": "Phân loại tin nhắn sau vào một trong các nhóm: lừa đảo, an toàn."
                                                     "\n\nTin nhắn: UBND xã thông báo lịch họp tổ dân phố tại trụ sở."}]))
    assert safe.startswith("Nhãn: an toàn")


def test_numbered_items_are_classified_one_by_one():
    prompt = ("Phân loại từng phản ánh vào một trong các lĩnh vực: môi trường, giao thông, đất đai.\n\n"
              "1. Rác thải đổ trộm bên bờ kênh gây mùi hôi.\n2. Đường liên thôn có nhiều ổ gà.\n"
              "3. Hộ ông A lấn chiếm đất công.")
    lines = body(respond([{"role": "user", "content": prompt}])).splitlines()
    assert [ln.split("Nhãn: ")[1].split(" —")[0] for ln in lines] == ["môi trường", "giao thông", "đất đai"]


def test_draft_uses_the_facts_given_and_no_other_number():
    prompt = ("Soạn nội dung giấy mời họp với các thông tin sau:\nCơ quan: Ủy ban nhân dân xã Hòa Bình\n"
              "Nội dung: họp triển khai kế hoạch chuyển đổi số năm 2026\nThời gian: 8 giờ 00 phút, ngày 05/12/2026\n"
              "Địa điểm: Hội trường Ủy ban nhân dân xã\nThành phần: trưởng các thôn")
    answer = body(respond([{"role": "user", "content": prompt}]))
    for fact in ("Ủy ban nhân dân xã Hòa Bình", "8 giờ 00 phút, ngày 05/12/2026", "Hội trường", "trưởng các thôn"):
        assert fact in answer
    assert "kính mời" in answer and answer.endswith("./.")
    assert numbers_not_in(answer, prompt) == []


def test_table_description_names_largest_smallest_and_trend_with_the_prompts_numbers():
    prompt = ("Hãy nhận xét bảng số liệu sau:\n| Tháng | Số hồ sơ | Trực tuyến (%) |\n|---|---|---|\n"
              "| Tháng 7 | 210 | 80,5 |\n| Tháng 8 | 245 | 82,1 |\n| Tháng 9 | 260 | 85,3 |")
    answer = body(respond([{"role": "user", "content": prompt}]))
    assert "cao nhất là Tháng 9 (260)" in answer and "thấp nhất là Tháng 7 (210)" in answer
    assert "tăng đều" in answer
    assert numbers_not_in(answer, prompt) == []
    assert "không tự tính số mới" in answer  # no total row: it says so instead of inventing a sum


def test_csv_table_is_read():
    table = parse_table("Lĩnh vực;Hồ sơ\nHộ tịch;120\nChứng thực;340\nĐất đai;75")
    assert table.header == ["Lĩnh vực", "Hồ sơ"] and len(table.rows) == 3


@pytest.mark.parametrize("written, value", [("1.234", 1234), ("12,5", 12.5), ("85,10%", 85.1), ("1,234.5", 1234.5),
                                            ("2.184.000", 2184000), ("tháng 7", None)])
def test_vietnamese_number_formats(written, value):
    assert to_number(written) == value


def test_unknown_request_gets_an_honest_note_on_what_it_can_do():
    answer = body(respond([{"role": "user", "content": "Thời tiết ngày mai thế nào?"}]))
    assert "ngoại tuyến" in answer and "tóm tắt" in answer


def test_detects_tasks():
    assert detect_task("Tóm tắt:\n\nABC").kind == "summary"
    assert detect_task("Soạn công văn đề nghị hỗ trợ.\nCơ quan: UBND xã").kind == "draft"


def test_ask_works_offline_and_says_who_answered(lab_home):
    answer = ask("Tóm tắt văn bản sau, tối đa 40 từ:\n\n" + BAO_CAO.read_text(encoding="utf-8"))
    assert answer.startswith(LABEL)
    assert answer.provider == "Trợ lý ngoại tuyến" and answer.model == "tro-ly-ngoai-tuyen"
    assert "token" in answer.usage_line and "≈" in answer.usage_line
    assert "Trợ lý ngoại tuyến" in answer._repr_html_()


@pytest.mark.parametrize("template", [
    "{text}\n\nHãy tóm tắt đoạn văn trên trong khoảng {n} từ.",
    "Tóm tắt văn bản sau trong {n} từ. {text}",
    "Tóm tắt giúp tôi ({n} từ)\n\"\"\"\n{text}\n\"\"\"",
    "Bạn là chuyên viên văn phòng UBND xã. Hãy tóm tắt báo cáo sau, không quá {n} từ, dạng gạch đầu dòng.\n\n{text}",
])
def test_summary_never_copies_the_instruction_wherever_it_stands(template):
    text = BAO_CAO.read_text(encoding="utf-8")
    answer = body(respond([{"role": "user", "content": template.format(text=text, n=37)}]))
    assert "37" not in answer and "tóm tắt" not in answer.lower()
    assert numbers_not_in(answer, text) == []
    assert count_words(answer) <= 38


def test_draft_from_facts_written_as_sentences_keeps_them_and_drops_the_instruction():
    prompt = ("Bạn là công chức Văn phòng UBND xã. Xã tôi sẽ tiêm phòng dại cho chó, mèo\n"
              "từ ngày 15/03/2026 đến ngày 18/03/2026 tại nhà văn hóa các thôn; phí 30.000 đồng/con.\n"
              "Hãy soạn thông báo gửi người dân, không quá 120 từ, chỉ dùng thông tin tôi đưa.")
    answer = body(respond([{"role": "user", "content": prompt}]))
    assert "từ ngày 15/03/2026 đến ngày 18/03/2026" in answer and "30.000 đồng/con" in answer
    assert "120" not in answer and "Bạn là" not in answer
