"""Handouts: one TOML source each, written as A4 Times New Roman .docx, in step with the lessons and rules."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from autograder.kit.handouts import (
    FONT,
    HANDOUTS,
    handout_document,
    load_handout,
    load_handouts,
    write_handouts,
)
from autograder.nd30.report import RULES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return write_handouts(tmp_path_factory.mktemp("phat_tay"))


def test_every_handout_is_written_as_docx(written):
    assert [p.stem for p in written] == list(HANDOUTS)


@pytest.mark.parametrize("slug", HANDOUTS)
def test_docx_is_a4_times_new_roman_and_says_exactly_the_source(slug, written):
    handout = load_handout(slug)
    document = Document(str(next(p for p in written if p.stem == slug)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == FONT
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == handout.paragraphs()
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_every_handout_names_its_sources():
    assert all(handout.sources for handout in load_handouts())


def test_nd30_checklist_covers_every_rule_of_the_checker():
    checklist = load_handout("the_the_thuc_nd30")
    covered = {rule for section in checklist.sections for item in section.items for rule in item.rules}
    in_rules_md = set(re.findall(r"^\| `([a-z0-9_.]+)` \|", (ROOT / "docs/nd30/RULES.md").read_text("utf-8"), re.M))
    assert in_rules_md == set(RULES)
    assert covered == set(RULES)


def test_scam_poster_signs_are_the_lesson_signs():
    with (ROOT / "exercises/05_an_toan_thong_tin/dau_hieu.csv").open(encoding="utf-8") as handle:
        lesson = {row["ma"]: row["dau_hieu"] for row in csv.DictReader(handle) if row["ma"] != "K"}
    poster = load_handout("ap_phich_lua_dao")
    signs = {item.sign: item.text for section in poster.sections for item in section.items if item.sign}
    assert signs == lesson


def test_prompt_card_lists_the_five_parts_of_lesson_01_in_order():
    card = load_handout("the_cau_lenh")
    parts = [re.match(r"\d\. (.+?):", s.heading).group(1).lower() for s in card.sections[:5]]
    assert parts == ["vai trò", "bối cảnh", "nhiệm vụ", "định dạng", "giới hạn"]
    lesson = (ROOT / "notebooks/01_lam_quen.ipynb").read_text("utf-8")
    assert "vai trò, bối cảnh, nhiệm vụ, định dạng, giới hạn" in lesson


def test_data_card_states_the_laws_with_their_dates():
    text = " ".join(load_handout("the_du_lieu_ai").paragraphs())
    for fact in ("91/2025/QH15", "01/01/2026", "356/2025/NĐ-CP", "29/2018/QH14, Điều 5", "557/BKHCN-CĐSQG"):
        assert fact in text


def test_poster_type_is_large():
    poster = load_handout("ap_phich_lua_dao")
    document = handout_document(poster)
    items = {item.text for section in poster.sections for item in section.items}
    item_sizes = {run.font.size.pt for p in document.paragraphs if p.text in items for run in p.runs}
    assert len(item_sizes) == 1
    assert poster.body_size >= 20 and min(item_sizes) >= 20
