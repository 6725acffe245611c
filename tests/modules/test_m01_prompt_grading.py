"""Module 01, Câu 1 and Câu 2: a prompt is judged on what it says about the ticket, not on its keywords."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import nbformat
import pytest

from autograder.checks.choices import grade_part_choices
from autograder.checks.prompt import PART_LABELS, check_prompt, grade_prompt_for_job
from autograder.modules import m01_lam_quen
from autograder.modules.m01_lam_quen import check_prompt_form, grade_ticket_prompt

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = nbformat.read(ROOT / "exercises" / "01_lam_quen" / "01_lam_quen.ipynb", as_version=4)
CELLS = {c.get("id"): c.source for c in NOTEBOOK.cells}
LESSON = nbformat.read(ROOT / "notebooks" / "01_lam_quen.ipynb", as_version=4)

HONEST = {
    "solution": re.search(r'### BEGIN SOLUTION\ncau_lenh = """(.+?)"""', CELLS["m01-cau-2-tra-loi"], re.S).group(1),
    "conversational": (
        "Tôi nhờ bạn đóng vai một cán bộ thú y của xã, quen viết cho bà con dễ hiểu. Sắp tới xã tổ chức đợt "
        "tiêm phòng bệnh dại cho chó, mèo: từ 15 đến 18 tháng 3 năm 2026, mỗi sáng bắt đầu lúc 7h30, điểm tiêm "
        "đặt ở nhà văn hóa từng thôn, mỗi con thu 30 nghìn đồng. Chủ nuôi nhớ dắt chó bằng dây xích. Bạn viết "
        "giúp tôi một bản thông báo để đọc trên loa cho người dân nghe, chia thành 3 đoạn ngắn, dài chừng 120 "
        "từ thôi, đừng thêm gì ngoài những thông tin tôi vừa kể."),
    "labelled": (
        "Vai trò: chuyên viên Phòng Kinh tế xã.\n"
        "Bối cảnh: xã tiêm phòng dại cho chó, mèo từ 15/03/2026 đến 18/03/2026 tại nhà văn hóa các thôn, phí "
        "30.000 đồng một con; người đọc là các hộ có chó, mèo.\n"
        "Nhiệm vụ: soạn một thông báo ngắn.\n"
        "Định dạng: có tiêu đề, các ý đánh số.\n"
        "Giới hạn: tối đa 120 từ, không bịa thêm quy định hay số liệu."),
    "task_first": (
        "Hãy giúp tôi soạn thông báo cho người dân về đợt tiêm phòng dại cho chó mèo, với tư cách là cán bộ "
        "văn hóa – xã hội của xã. Thời gian tiêm từ 15/3/2026 đến 18/3/2026, từ 7 giờ 30 sáng. Địa điểm ở nhà "
        "văn hóa các thôn. Mỗi con chó, mèo phải nộp 30.000 đồng. Mỗi ý một dòng, có tiêu đề. Viết dưới 200 "
        "từ và chỉ dựa vào thông tin trên."),
    "wrapped_lines": (
        "Bạn là văn thư của UBND xã Đông Hòa. Tôi cần một thông báo\ngửi bà con nuôi chó, mèo về đợt tiêm "
        "phòng dại:\n- từ ngày 15/03 đến 18/03/2026, 7 giờ 30 đến 11 giờ;\n- tại nhà văn hóa các thôn Đoài, "
        "Hạ, Nam;\n- phí 30.000 đồng/con.\nTrình bày gạch đầu dòng, không quá 10 dòng, nếu thiếu thông tin "
        "thì để trống chứ không tự đặt ra."),
    "pronoun_and_range": (
        "Anh/chị hãy đóng vai chuyên viên văn phòng xã và giúp tôi soạn một thông báo ngắn gửi bà con có nuôi "
        "chó, mèo về lịch tiêm phòng bệnh dại năm 2026: tiêm từ 15 đến 18/3/2026, sáng 7h30–11h, tại nhà văn "
        "hóa các thôn Đoài, Hạ, Nam, phí 30.000 đ/con. Thông báo viết thành các gạch đầu dòng, dài khoảng "
        "100–150 từ."),
    "terse_labels": (
        "Vai trò: cán bộ thú y xã.\nNhiệm vụ: soạn thông báo tiêm phòng dại chó mèo gửi người dân.\n"
        "Thông tin: 15/3–18/3/2026; 7 giờ 30–11 giờ; nhà văn hóa các thôn; 30.000 đồng/con.\n"
        "Định dạng: gạch đầu dòng.\nGiới hạn: tối đa 120 từ; chỉ dùng thông tin trên."),
    "loudspeaker_text": (
        "Là một công chức của UBND xã, bạn hãy viết bài đọc trên loa về đợt tiêm phòng dại cho chó, mèo gửi các "
        "gia đình nuôi chó mèo trong xã. Thời gian tiêm: 15/03/2026 – 18/03/2026, từ 7 giờ 30 đến 11 giờ; địa "
        "điểm: nhà văn hóa các thôn; phí 30.000 đồng/con. Liệt kê từng thông tin, không dài quá 200 từ."),
    "assistant_role": (
        "Bạn là trợ lý hành chính của Ủy ban nhân dân xã Đông Hòa. Sắp tới xã tiêm phòng dại cho chó mèo từ 15/3 "
        "đến 18/3/2026 tại nhà văn hóa thôn, phí 30 nghìn đồng một con, mỗi sáng từ 7 giờ 30. Bạn soạn giúp tôi "
        "một thông báo cho toàn dân, trình bày có tiêu đề và các ý đánh số, 150 từ trở xuống, giữ đúng thông "
        "tin tôi cung cấp."),
    "long_paragraph": (
        "Bạn đóng vai cán bộ phụ trách nông nghiệp của xã. Xã chúng tôi chuẩn bị tổ chức tiêm phòng dại cho đàn "
        "chó, mèo. Lịch tiêm từ ngày 15/03/2026 đến ngày 18/03/2026, buổi sáng từ 7 giờ 30 đến 11 giờ, tại nhà "
        "văn hóa các thôn Đoài, Hạ và Nam. Mỗi con thu 30.000 đồng. Chủ nuôi phải giữ chó bằng dây xích hoặc "
        "nhốt lồng khi mang đi tiêm. Tôi cần bạn viết thông báo gửi các hộ chăn nuôi, ngắn gọn để đọc trên loa "
        "trong 1 phút, chia thành 3 đoạn, đừng thêm thông tin nào khác."),
    "old_tone_marks_and_word_numbers": (
        "Bạn là cán bộ văn hoá xã. Xã sẽ tiêm phòng dại cho chó, mèo từ 15/3 đến 18/3/2026, 7g30 sáng, tại nhà "
        "văn hoá các thôn, phí 30.000đ/con. Hãy soạn thông báo gửi bà con theo đúng thể thức văn bản hành "
        "chính, độ dài không quá một trang, chỉ dùng thông tin trên."),
    "layout_words": (
        "Giả sử bạn là công chức UBND xã. Xã tổ chức tiêm phòng dại chó mèo ngày 15-18/3/2026 tại nhà văn hóa "
        "thôn, phí 30k/con. Hãy giúp tôi soạn thảo thông báo cho người nuôi chó mèo, bố cục gồm phần mở đầu, "
        "nội dung, kết thúc, câu văn ngắn, dưới 180 từ."),
}

GAMING = {
    "blank": CELLS["m01-cau-2-tra-loi"].split("### BEGIN SOLUTION")[0].split('"""')[1],
    "part_names": "Vai trò. Bối cảnh. Nhiệm vụ. Định dạng. Giới hạn. Vai trò bối cảnh nhiệm vụ định dạng giới "
                  "hạn cho thông báo tiêm phòng dại chó mèo.",
    "labels_with_nothing": "Vai trò: …\nBối cảnh: …\nNhiệm vụ: …\nĐịnh dạng: …\nGiới hạn: …\n"
                           "tiêm phòng dại chó mèo thông báo người dân nhà văn hóa",
    "word_salad": "tiêm phòng dại chó mèo thông báo người dân 15/3/2026 18/3/2026 7 giờ 30 nhà văn hóa "
                  "30.000 đồng gạch đầu dòng không quá 150 từ công chức soạn xích lồng",
    "old_keyword_padding": "bạn là hiện nay viết bảng không quá tiêm dại. Bạn là dưới đây soạn danh sách "
                           "tránh, nhằm tóm tắt đánh số tối đa đối tượng trả lời bảng.",
    "glue_salad": "tiêm phòng dại cho chó mèo và thông báo của người dân từ 15/3/2026 đến 18/3/2026 lúc 7 "
                  "giờ 30 tại nhà văn hóa với 30.000 đồng là gạch đầu dòng không quá 150 từ công chức soạn",
    "ticket_copied": "\n".join(line.strip("| ").replace(" | ", ": ") for line in
                               CELLS["m01-phieu-giao-viec"].splitlines() if line.startswith("| ") and
                               "|---" not in line),
    "exercise_prompt_copied": "Bạn là công chức Văn phòng UBND xã. Hãy viết thông báo tiêm phòng dại cho chó, "
                              "mèo, trình bày dạng gạch đầu dòng cho đẹp và dễ đọc nhé.",
    "telegraphic_salad": "công chức soạn thông báo tiêm phòng dại chó mèo người dân 15/3/2026 7 giờ 30 nhà văn "
                         "hóa 30.000 đồng gạch đầu dòng không quá 150 từ",
    "punctuated_salad": "tiêm. phòng. dại. chó. mèo. thông. báo. người. dân. 15/3/2026. 7 giờ 30. nhà văn hóa. "
                        "30.000 đồng. gạch đầu dòng. không quá 150 từ. công chức. soạn.",
    "repeated_keywords": "Bạn là công chức và là cán bộ và là chuyên viên. Hãy soạn thông báo thông báo thông "
                         "báo tiêm dại. Gạch đầu dòng, đánh số, tiêu đề. Không quá 100 từ, không thêm, chỉ "
                         "dùng thông tin. Người dân, bà con.",
}


def _lesson_prompts() -> list[str]:
    """Every prompt string the lesson shows (triple-quoted or passed to ask/checks)."""
    found = []
    for cell in LESSON.cells:
        if cell.cell_type == "code":
            found += [m for m in re.findall(r'"""(.+?)"""', cell.source, re.S) if len(m.split()) >= 20]
    return found


@pytest.mark.parametrize("name", sorted(HONEST))
def test_honest_prompts_written_differently_earn_full_marks(name):
    result = grade_ticket_prompt(HONEST[name])
    assert result.ok, f"{name}: {result}"


@pytest.mark.parametrize("name", sorted(GAMING))
def test_gaming_prompts_earn_at_most_30_percent(name):
    result = grade_ticket_prompt(GAMING[name], max_score=3)
    assert result.score <= 0.9, f"{name}: {result}"


def test_the_lesson_prompts_copied_earn_at_most_30_percent():
    prompts = _lesson_prompts()
    assert len(prompts) >= 2
    for prompt in prompts:
        assert grade_ticket_prompt(prompt, max_score=3).score <= 0.9, prompt
        padded = prompt + " Việc này là tiêm phòng dại cho chó, mèo; soạn thông báo."
        assert grade_ticket_prompt(padded, max_score=3).score <= 0.9, padded


def test_each_missing_part_costs_its_share_and_gets_a_hint():
    base = HONEST["solution"]
    without_role = base.replace("Bạn là công chức Văn phòng HĐND và UBND xã Đông Hòa.", "Xin chào.")
    result = grade_ticket_prompt(without_role)
    assert result.score == 2.5 and result.messages[0].startswith("VAI TRÒ")
    without_limit = base.replace(" không quá 150 từ,\nchỉ dùng thông tin tôi đưa, không thêm số liệu hay quy "
                                 "định khác", " thật trang trọng")
    assert without_limit != base and grade_ticket_prompt(without_limit).score == 2.5
    two_facts = ("Bạn là công chức xã. Xã sẽ tiêm phòng dại cho chó, mèo từ ngày 15/03/2026, tại nhà văn hóa các "
                 "thôn. Hãy soạn thông báo gửi người dân, dạng gạch đầu dòng, không quá 150 từ.")
    result = grade_ticket_prompt(two_facts)
    assert 2.0 < result.score < 3.0 and "giờ tiêm" in str(result)


def test_a_limit_that_would_spoil_a_loudspeaker_notice_does_not_count():
    prompt = HONEST["task_first"].replace("Viết dưới 200 từ và chỉ dựa vào thông tin trên.",
                                          "Viết không quá 900 từ.")
    assert grade_ticket_prompt(prompt).score == 2.5


def test_form_check_gives_hints_without_grading():
    assert check_prompt_form("") and check_prompt_form(None)
    assert "chưa có dấu" in " ".join(check_prompt_form("ban la can bo xa " * 5))
    assert check_prompt_form(HONEST["solution"]) == []


def _c1_prompts() -> dict[str, str]:
    text = CELLS["m01-cau-1-de"]
    items = re.findall(r"- \*\*([A-E])\.\*\* (.+?)(?=\n- \*\*|\n\n)", text, re.S)
    return {letter: " ".join(body.split()) for letter, body in items}


def _c1_key() -> dict[str, str]:
    hidden = CELLS["m01-cau-1"].split("### BEGIN HIDDEN TESTS")[1]
    return dict(re.findall(r'"([A-E])": "([^"]+)"', hidden))


def test_c1_each_prompt_fails_exactly_the_keyed_part_under_the_job_grader():
    job = dataclasses.replace(m01_lam_quen._TICKET_JOB, known_texts=())  # judge the parts, not the copying
    labels = {v: k for k, v in PART_LABELS.items()}
    for letter, prompt in _c1_prompts().items():
        result = grade_prompt_for_job(prompt, job, max_score=3)
        assert not result.ok, letter
        assert result.messages[0].lower().startswith(_c1_key()[letter]) or \
            labels[_c1_key()[letter]] == "boi_canh", (letter, result.messages)


def test_c1_cannot_be_answered_by_the_keyword_finder_learners_can_reach():
    for letter, prompt in _c1_prompts().items():
        assert check_prompt(prompt).complete, letter


def test_grader_knows_the_c1_prompts_exactly_as_the_notebook_shows_them():
    assert [" ".join(p.split()) for p in m01_lam_quen._CAU_1] == list(_c1_prompts().values())


def test_copying_a_c1_prompt_or_the_ticket_earns_at_most_30_percent():
    prompts = _c1_prompts()
    for letter, prompt in prompts.items():
        assert grade_ticket_prompt(prompt, max_score=3).score <= 0.9, letter
    padded = prompts["D"] + "\n" + GAMING["ticket_copied"]
    assert grade_ticket_prompt(padded, max_score=3).score <= 0.9


@pytest.mark.parametrize("seed", range(8))
def test_the_solution_words_shuffled_earn_at_most_30_percent(seed):
    words = HONEST["solution"].split()
    random.Random(seed).shuffle(words)
    assert grade_ticket_prompt(" ".join(words), max_score=3).score <= 0.9


def test_c1_key_uses_every_part_once_so_constant_answers_score_at_most_one_share():
    key = _c1_key()
    assert sorted(key.values()) == sorted(PART_LABELS.values())
    for part in PART_LABELS.values():
        constant = dict.fromkeys("ABCDE", part)
        assert grade_part_choices(constant, key, PART_LABELS.values(), max_score=2).score <= 0.6


def test_choice_form_is_checked_before_grading():
    result = grade_part_choices({"A": "vai trò"}, _c1_key(), PART_LABELS.values(), max_score=2)
    assert result.score == 0 and "Còn để trống" in str(result)
