"""Reading and validating a model's JSON answer: fences, prose around it, broken JSON, schema violations."""

from __future__ import annotations

import unicodedata

from autograder.checks.structured import check_structured, extract_json, validate_model_json

SCHEMA = {
    "type": "object",
    "required": ["ma", "noi_xu_ly", "muc_do"],
    "properties": {
        "ma": {"type": "string", "pattern": "^PA\\d{2}$"},
        "noi_xu_ly": {"enum": ["KT", "CA"]},
        "muc_do": {"enum": ["khẩn", "thường"]},
        "so_ngay": {"type": "integer", "minimum": 1},
    },
    "additionalProperties": False,
}
GOOD = '{"ma": "PA01", "noi_xu_ly": "KT", "muc_do": "thường"}'


def test_bare_json_is_valid():
    answer = validate_model_json(GOOD, SCHEMA)
    assert answer.ok and answer.data["noi_xu_ly"] == "KT" and answer.notes == []


def test_json_inside_fences_is_read_and_noted():
    answer = validate_model_json("Đây là kết quả:\n```json\n" + GOOD + "\n```\nChúc anh chị làm việc tốt.", SCHEMA)
    assert answer.ok
    assert any("```" in note for note in answer.notes)


def test_prose_before_json_is_noted_not_failed():
    answer = validate_model_json("Kết quả phân loại: " + GOOD, SCHEMA)
    assert answer.ok and any("lời văn" in note for note in answer.notes)


def test_prose_only_is_not_json():
    answer = validate_model_json("Phản ánh này nên chuyển Phòng Kinh tế xử lý.", SCHEMA)
    assert not answer.ok and "không có JSON" in answer.problems[0]


def test_truncated_json_names_line_and_column():
    answer = validate_model_json('{"ma": "PA01", "noi_xu_ly": "KT"', SCHEMA)
    assert not answer.ok and "dòng 1" in answer.problems[0] and "không đọc được" in answer.problems[0]


def test_single_quotes_get_their_own_hint():
    assert "nháy kép" in extract_json("{'ma': 'PA01'}").problem


def test_missing_field_is_named():
    answer = validate_model_json('{"ma": "PA01", "noi_xu_ly": "KT"}', SCHEMA)
    assert answer.problems == ["Cả câu trả lời: thiếu trường «muc_do»."]


def test_wrong_label_is_named_with_the_allowed_ones():
    answer = validate_model_json('{"ma": "PA01", "noi_xu_ly": "Phòng TNMT huyện", "muc_do": "thường"}', SCHEMA)
    assert len(answer.problems) == 1
    assert "«Phòng TNMT huyện»" in answer.problems[0] and "«KT», «CA»" in answer.problems[0]


def test_wrong_type_extra_field_and_pattern_are_each_reported():
    text = '{"ma": "1", "noi_xu_ly": "KT", "muc_do": "khẩn", "so_ngay": "ba", "ghi_chu": "x"}'
    problems = validate_model_json(text, SCHEMA).problems
    assert len(problems) == 3
    assert any("«ghi_chu»" in p for p in problems)
    assert any("số nguyên" in p for p in problems)
    assert any("«1» không đúng dạng" in p for p in problems)


def test_items_of_a_list_are_located_by_their_position():
    schema = {"type": "array", "items": SCHEMA}
    problems = validate_model_json("[" + GOOD + ', {"ma": "PA02", "noi_xu_ly": "KT"}]', schema).problems
    assert problems == ["Mục thứ 2: thiếu trường «muc_do»."]


def test_decomposed_unicode_labels_are_read_as_nfc():
    text = unicodedata.normalize("NFD", GOOD.replace("thường", "khẩn"))
    assert validate_model_json(text, SCHEMA).ok


def test_blank_and_non_text_answers_are_explained():
    assert "trống" in extract_json("   ").problem
    assert "trống" in extract_json(None).problem


def test_check_structured_is_all_or_nothing():
    assert check_structured(GOOD, SCHEMA, 2).score == 2
    bad = check_structured('{"ma": "PA01"}', SCHEMA, 2)
    assert bad.score == 0 and "thiếu trường" in str(bad)


def test_a_bracketed_label_before_prose_is_not_taken_for_json():
    answer = validate_model_json("[Trợ lý ngoại tuyến – bài luyện tập]\nTôi chưa thấy danh sách nhóm.", SCHEMA)
    assert "không có JSON" in answer.problems[0]


def test_json_after_a_bracketed_label_is_found():
    assert validate_model_json("[Trợ lý ngoại tuyến]\n" + GOOD, SCHEMA).ok
