"""autograder.checks.facts: a fact counts only in a sentence beside its own subject."""

import pytest

from autograder.checks.facts import Fact, check_facts, misplaced_facts, missing_facts, sentences

FACTS = (
    Fact("thành phần", ("Trưởng các thôn",), ("kính mời", "mời", "thành phần")),
    Fact("người chủ trì", ("Nguyễn Văn An",), ("chủ trì",)),
    Fact("giờ họp", ("14 giờ 00", "14h00"), ("thời gian", "lúc", "bắt đầu")),
    Fact("ngày họp", ("ngày 12 tháng 3 năm 2026", "12/3/2026"), ("thời gian", "lúc", "vào", "bắt đầu")),
    Fact("địa điểm", ("Hội trường Ủy ban nhân dân xã Tân Phú",), ("địa điểm", "tại")),
)

LABELLED = """Ủy ban nhân dân xã Tân Phú trân trọng kính mời Trưởng các thôn tới dự hội nghị.
Chủ trì: ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.
Thời gian: 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026.
Địa điểm: Hội trường Ủy ban nhân dân xã Tân Phú."""
PROSE = ("Ủy ban nhân dân xã Tân Phú trân trọng kính mời Trưởng các thôn tới dự hội nghị do ông Nguyễn Văn An, "
         "Chủ tịch Ủy ban nhân dân xã chủ trì. Hội nghị bắt đầu lúc 14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026, "
         "tại Hội trường Ủy ban nhân dân xã Tân Phú.")


@pytest.mark.parametrize("text", [LABELLED, PROSE])
def test_honest_texts_written_differently_earn_every_fact(text):
    result = check_facts(text, FACTS, 1.5)
    assert result.ok, result


def test_a_list_of_bare_facts_earns_nothing():
    bare = "Trưởng các thôn\nNguyễn Văn An\n14 giờ 00, ngày 12 tháng 3 năm 2026\nHội trường Ủy ban nhân dân xã Tân Phú"
    assert missing_facts(bare, FACTS) == []
    assert check_facts(bare, FACTS, 1.5).score == 0


def test_a_salad_of_labels_then_facts_earns_nothing():
    salad = ("Kính mời chủ trì thời gian địa điểm Trưởng các thôn Nguyễn Văn An 14 giờ 00 ngày 12 tháng 3 năm 2026 "
             "Hội trường Ủy ban nhân dân xã Tân Phú.")
    assert check_facts(salad, FACTS, 1.5).score == 0


def test_labels_padded_in_their_own_sentence_do_not_name_the_facts():
    padded = "Kính mời, chủ trì, thời gian, địa điểm.\n" + "; ".join(["Trưởng các thôn", "Nguyễn Văn An", "14 giờ 00",
                                                                     "Hội trường Ủy ban nhân dân xã Tân Phú"])
    assert check_facts(padded, FACTS, 1.5).score <= 0.45


def test_time_and_place_swapped_are_misplaced():
    swapped = ("Kính mời Trưởng các thôn. Chủ trì: ông Nguyễn Văn An. Địa điểm: 14 giờ 00, ngày 12 tháng 3 năm 2026."
               "\nThời gian: Hội trường Ủy ban nhân dân xã Tân Phú.")
    labels = {fact.label for fact in misplaced_facts(swapped, FACTS)}
    assert labels == {"giờ họp", "ngày họp", "địa điểm"}
    assert check_facts(swapped, FACTS, 1.5).score == 0.6


def test_writing_a_fact_under_every_label_to_be_safe_fails_that_fact():
    hedged = LABELLED + "\nĐịa điểm: 14 giờ 00."
    assert [fact.label for fact in misplaced_facts(hedged, FACTS)] == ["giờ họp"]


def test_missing_fact_is_named_and_partial_credit_given():
    text = LABELLED.replace("Địa điểm: Hội trường Ủy ban nhân dân xã Tân Phú.", "")
    result = check_facts(text, FACTS, 1.5)
    assert result.score == 1.2 and result.messages == ["Chưa có địa điểm."]


def test_matching_is_lenient_about_case_spaces_and_nfd():
    import unicodedata

    text = unicodedata.normalize("NFD", "THỜI GIAN:  14 giờ 00 ngày 12/3/2026.")
    assert not misplaced_facts(text, FACTS[2:4]) and not missing_facts(text, FACTS[2:4])


def test_sentences_split_at_line_breaks_and_full_stops_but_not_inside_numbers():
    assert sentences("Thu 1.500 triệu đồng. Đạt 85,10%.\nDòng hai") == ["thu 1.500 triệu đồng.", "đạt 85,10%.",
                                                                         "dòng hai"]
