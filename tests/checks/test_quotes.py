"""Verbatim quotes (autograder/checks/quotes.py): NFC and whitespace are the only liberties a quote may take."""

from __future__ import annotations

import unicodedata

import pytest

from autograder.checks.quotes import (
    check_quotes,
    clean_quote,
    find_quote,
    fold,
    is_verbatim,
    quote_words,
    sentence_spans,
    sentences_of_quote,
)

SOURCE = ("01. Chủ tịch Thành: Tỷ lệ này thấp. Trung tâm phải đưa tỷ lệ lên 80% trong tháng này.\n"
          "02. Chủ tịch Thành: Anh Hùng bên địa chính lo việc này,   trước thứ Sáu tuần sau.\n")


def test_fold_makes_nfc_and_one_space():
    decomposed = unicodedata.normalize("NFD", "Hùng  bên\n địa chính")
    assert fold(decomposed) == "Hùng bên địa chính"
    assert unicodedata.is_normalized("NFC", fold(decomposed))


def test_a_quote_pasted_in_nfd_with_line_breaks_is_still_verbatim():
    quote = unicodedata.normalize("NFD", "Anh Hùng bên địa chính\nlo việc này, trước thứ Sáu tuần sau.")
    assert is_verbatim(quote, SOURCE)


def test_one_changed_word_or_accent_is_not_verbatim():
    assert not is_verbatim("Anh Hùng bên địa chính lo vụ này", SOURCE)
    assert not is_verbatim("Anh Hung bên địa chính lo việc này", SOURCE)
    assert not is_verbatim("anh Hùng bên địa chính lo việc này", SOURCE)


def test_quotation_marks_and_end_ellipsis_are_not_part_of_the_quote():
    assert clean_quote("«… Anh Hùng bên địa chính lo việc này…»") == "Anh Hùng bên địa chính lo việc này"
    assert is_verbatim('"...lo việc này, trước thứ Sáu tuần sau."', SOURCE)


def test_inner_ellipsis_needs_both_pieces_in_order():
    assert find_quote("Anh Hùng … trước thứ Sáu tuần sau", SOURCE) is not None
    assert find_quote("trước thứ Sáu tuần sau … Anh Hùng", SOURCE) is None


def test_min_words_rejects_a_scrap():
    assert quote_words("Anh Hùng") == 2
    assert not is_verbatim("Anh Hùng", SOURCE, min_words=5)


def test_sentences_split_at_full_stops_and_line_breaks():
    texts = [fold(SOURCE)[s:e] for s, e in sentence_spans(SOURCE)]
    assert "Trung tâm phải đưa tỷ lệ lên 80% trong tháng này." in texts
    assert any(t.endswith("Tỷ lệ này thấp.") for t in texts)


def test_a_quote_is_placed_in_the_sentences_it_touches():
    spans = sentence_spans(SOURCE)
    [index] = sentences_of_quote("Trung tâm phải đưa tỷ lệ lên 80%", SOURCE)
    assert "Trung tâm" in fold(SOURCE)[slice(*spans[index])]
    assert len(sentences_of_quote("Tỷ lệ này thấp. Trung tâm phải", SOURCE)) == 2
    assert sentences_of_quote("câu không có", SOURCE) == []


@pytest.mark.parametrize(("quote", "words"), [("", "chưa có câu gốc"), ("Anh Hùng", "quá ngắn"),
                                               ("Anh Hùng lo hết mọi việc của xã", "không có nguyên văn")])
def test_check_quotes_names_each_bad_quote(quote, words):
    [message] = check_quotes([quote], SOURCE, min_words=5)
    assert words in message and message.startswith("Dòng 1")


def test_check_quotes_is_silent_on_good_quotes():
    assert check_quotes(["Anh Hùng bên địa chính lo việc này"], SOURCE) == []
