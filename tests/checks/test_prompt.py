"""The keyword finder for the five parts of a prompt (autograder.checks.prompt.check_prompt)."""

from __future__ import annotations

import unicodedata

import pytest

from autograder.checks.prompt import (
    EMPTY_HINT,
    NO_DIACRITICS_HINT,
    PART_LABELS,
    PromptJob,
    check_prompt,
    copied_share,
    grade_prompt_for_job,
    missing_topic_words,
    prompt_clauses,
)

GOOD = ("Bạn là công chức Văn phòng UBND xã. Xã tôi sẽ tiêm phòng dại cho chó, mèo từ ngày 15/03/2026. "
        "Hãy soạn thông báo gửi người dân, trình bày dạng gạch đầu dòng, không quá 150 từ, "
        "chỉ dùng thông tin tôi đưa.")


def test_good_prompt_has_all_five_parts_and_no_hints():
    report = check_prompt(GOOD)
    assert report.complete and report.score == 5 and report.messages == []
    assert [p.key for p in report.parts] == list(PART_LABELS)


def test_bare_request_has_only_a_task_and_four_hints():
    report = check_prompt("Viết giúp tôi thông báo về việc tiêm phòng.")
    assert report.present == ["nhiem_vu"]
    assert len(report.messages) == 4 and report.messages[0].startswith("Thêm VAI TRÒ")


def test_exercise_prompt_misses_exactly_context_and_limits():
    prompt = ("Bạn là công chức Văn phòng UBND xã. Hãy viết thông báo tiêm phòng dại cho chó, mèo, "
              "trình bày dạng gạch đầu dòng.")
    assert check_prompt(prompt).missing == ["boi_canh", "gioi_han"]


@pytest.mark.parametrize(("part", "prompt"), [
    ("vai_tro", "Đóng vai cán bộ tư pháp – hộ tịch."),
    ("vai_tro", "Với vai trò là chuyên viên, hãy…"),
    ("boi_canh", "Người đọc là người cao tuổi ở thôn."),
    ("boi_canh", "Dựa trên số liệu sau: 120 hộ."),
    ("boi_canh", "Phường Tân Mỹ vừa hoàn thành sắp xếp."),
    ("nhiem_vu", "Tóm tắt báo cáo này."),
    ("nhiem_vu", "Liệt kê các bước."),
    ("dinh_dang", "Trình bày dạng bảng hai cột."),
    ("dinh_dang", "Viết trong 3 đoạn."),
    ("dinh_dang", "Khoảng 150 từ."),
    ("gioi_han", "Tối đa 5 ý."),
    ("gioi_han", "Không bịa số liệu."),
    ("gioi_han", "Nếu không có thông tin thì nói không biết."),
])
def test_each_part_is_found_by_its_keywords(part, prompt):
    assert part in check_prompt(prompt).present


@pytest.mark.parametrize(("part", "prompt"), [
    ("dinh_dang", "Trả lời bằng tiếng Việt."),          # "bằng" (with) is not "bảng" (table)
    ("dinh_dang", "Hỗ trợ 500 đồng mỗi hộ."),           # "đồng" (money) is not "dòng" (line)
    ("gioi_han", "Giải quyết tranh chấp đất đai."),     # "tranh" (dispute) is not "tránh" (avoid)
    ("nhiem_vu", "Cán bộ người Việt Nam."),            # "Việt" is not "viết"
    ("vai_tro", "Ban lãnh đạo xã họp."),
])
def test_lookalike_words_without_the_right_diacritics_do_not_count(part, prompt):
    assert part not in check_prompt(prompt).present


def test_evidence_quotes_the_words_that_were_found_as_written():
    part = {p.key: p for p in check_prompt("  BẠN LÀ   cán bộ. Soạn thông báo.").parts}
    assert part["vai_tro"].evidence == "BẠN LÀ"
    assert part["nhiem_vu"].evidence == "Soạn"


def test_prompt_without_diacritics_gets_a_note_and_empty_prompt_gets_another():
    assert check_prompt("ban la can bo, viet thong bao").messages[0] == NO_DIACRITICS_HINT
    assert check_prompt("   ").messages[0] == EMPTY_HINT
    assert check_prompt(None).score == 0


def test_decomposed_unicode_is_read_like_composed():
    assert check_prompt(unicodedata.normalize("NFD", GOOD)).complete


def test_missing_topic_words_ignores_case_and_needs_whole_words():
    prompt = "Soạn thông báo TIÊM phòng dại."
    assert missing_topic_words(prompt, ["tiêm", "dại"]) == []
    assert missing_topic_words("Soạn thông báo tiêm phòng.", ["tiêm", "dại"]) == ["dại"]
    assert missing_topic_words("đại hội", ["dại"]) == ["dại"]


# --- the job reader -----------------------------------------------------------------------------------------

MEETING = PromptJob(subject=(r"\bhọp\b",), document=r"\bgiấy mời\b", audience=r"\bhộ dân\b",
                    facts={"giờ": r"\b8 giờ", "ngày": r"\b20/3", "nơi": r"nhà văn hóa"}, facts_needed=2,
                    name="giấy mời họp")
MEETING_PROMPT = ("Bạn là công chức xã. Xã họp dân lúc 8 giờ ngày 20/3 tại nhà văn hóa thôn. Hãy soạn giấy mời "
                  "gửi các hộ dân, gồm 3 đoạn, không quá 100 từ.")


def test_job_reader_gives_full_marks_to_a_prompt_that_says_each_part_for_the_job():
    assert grade_prompt_for_job(MEETING_PROMPT, MEETING, 5).ok


def test_job_reader_gates_empty_unaccented_and_off_job_prompts():
    assert grade_prompt_for_job("", MEETING).score == 0
    assert grade_prompt_for_job("ban la can bo, hay soan giay moi hop", MEETING).score == 0
    assert "chưa nói về giấy mời họp" in str(grade_prompt_for_job(MEETING_PROMPT.replace("họp", "gặp"), MEETING))


def test_job_reader_caps_a_near_copy_of_a_known_text():
    job = PromptJob(**{**MEETING.__dict__, "known_texts": (MEETING_PROMPT,)})
    result = grade_prompt_for_job(MEETING_PROMPT, job, 4)
    assert result.score == 1.0 and "chép nguyên văn" in result.messages[0]
    assert copied_share(MEETING_PROMPT, [MEETING_PROMPT]) == 1.0 and copied_share("a b c d", []) == 0.0


def test_clauses_join_wrapped_lines_and_split_new_items():
    assert prompt_clauses("Hãy soạn giấy\nmời họp.\nVai trò: cán bộ\n- 3 đoạn") == \
        ["hãy soạn giấy mời họp", "vai trò: cán bộ", "- 3 đoạn"]
