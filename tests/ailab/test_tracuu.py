"""ailab tra-cuu: JSON shape, every quote verbatim in its source, refusals, file formats, the model path."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from ailab.cli import main
from ailab.tracuu import Library, is_verbatim, load_sources, quoted_passages, source_from_text
from ailab.tracuu.model import ask_model
from ailab.tracuu.verify import fold_space

OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "nd30_official"
EVALUATION = Path(__file__).resolve().parents[1] / "data" / "tra_cuu" / "cau_hoi_nd30.json"
DECREE = [OFFICIAL / "ND30.md", OFFICIAL / "Phuluc1.md"]


@pytest.fixture(scope="module")
def decree() -> Library:
    return Library(load_sources(DECREE))


def run_json(capsys, sources: list[Path], questions: list[str]) -> list[dict]:
    argv = ["tra-cuu", *[a for s in sources for a in ("--nguon", str(s))], "--json", *questions]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_one_object_per_question_in_order(capsys):
    questions = ["Lề trái của văn bản cách mép bao nhiêu mm?", "Lệ phí đăng ký kết hôn là bao nhiêu?",
                 "Mỗi dấu giáp lai đóng tối đa bao nhiêu tờ?"]
    results = run_json(capsys, DECREE, questions)
    assert len(results) == 3
    for result in results:
        assert set(result) == {"answer", "refused", "citations"}
        assert isinstance(result["answer"], str) and result["answer"]
        assert isinstance(result["refused"], bool)
        for citation in result["citations"]:
            assert set(citation) == {"source", "quote"}
    assert [r["refused"] for r in results] == [False, True, False]
    assert "30 - 35 mm" in results[0]["citations"][0]["quote"]
    assert "05 tờ" in results[2]["citations"][0]["quote"]


def test_every_quote_is_verbatim_in_the_named_file(capsys):
    data = json.loads(EVALUATION.read_text(encoding="utf-8"))
    questions = [item["question"] for item in data["answerable"][:25]]
    results = run_json(capsys, DECREE, questions)
    texts = {p.name: p.read_text(encoding="utf-8") for p in DECREE}
    quotes = [c for r in results for c in r["citations"]]
    assert len(quotes) >= 20
    for citation in quotes:
        folded = " ".join(unicodedata.normalize("NFC", citation["quote"]).split())
        assert folded in " ".join(unicodedata.normalize("NFC", texts[citation["source"]]).split())


def test_refusal_is_vietnamese_and_cites_nothing(capsys):
    results = run_json(capsys, DECREE, ["Thuế sử dụng đất nông nghiệp mỗi năm là bao nhiêu?",
                                        "Ngày mai trời có mưa không?"])
    for result in results:
        assert result["refused"] is True and result["citations"] == []
        assert "không có thông tin" in result["answer"] and "ND30.md" in result["answer"]


def test_evaluation_set_is_answered_with_the_right_passage_and_unanswerable_refused(decree):
    data = json.loads(EVALUATION.read_text(encoding="utf-8"))
    assert len(data["answerable"]) >= 40 and len(data["unanswerable"]) >= 15
    right = 0
    for item in data["answerable"]:
        result = decree.ask(item["question"])
        right += any(c.source == item["source"] and fold_space(c.quote) in fold_space(p.text)
                     and fold_space(item["expect"]) in fold_space(p.text)
                     for c in result.citations for p in decree.passages)
    refused = sum(decree.ask(q).refused for q in data["unanswerable"])
    assert right / len(data["answerable"]) >= 0.85
    assert refused / len(data["unanswerable"]) >= 0.9


def test_a_quantity_question_is_refused_when_the_best_passage_states_no_number(decree):
    assert decree.ask("Chủ tịch Ủy ban nhân dân xã có nhiệm kỳ mấy năm?").refused


def test_whitespace_and_decomposed_letters_do_not_break_verbatim_checks():
    source = "Khi ký văn bản   dùng bút có\nmực màu xanh."
    assert is_verbatim(unicodedata.normalize("NFD", "dùng bút có mực màu xanh"), source)
    assert not is_verbatim("dùng bút mực màu xanh", source)
    assert not is_verbatim("   ", source)


def test_decomposed_sources_and_questions_still_answer():
    nfd = unicodedata.normalize("NFD", "Điều 1. Giờ làm việc\nBộ phận một cửa tiếp nhận hồ sơ từ 7 giờ 30 sáng.")
    library = Library([source_from_text("quy_che.txt", nfd)])
    result = library.ask(unicodedata.normalize("NFD", "Bộ phận một cửa tiếp nhận hồ sơ từ mấy giờ?"))
    assert not result.refused and library.verify(result.citations[0])


def test_docx_and_pdf_sources_are_read(tmp_path, capsys):
    import docx
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    document = docx.Document()
    document.add_paragraph("Điều 2. Thời hạn đăng ký khai sinh")
    document.add_paragraph("Đăng ký khai sinh được giải quyết ngay trong ngày làm việc.")
    document.save(tmp_path / "thu_tuc.docx")
    plt.rcParams["pdf.fonttype"] = 42  # TrueType, so the PDF carries real text
    figure = plt.figure(figsize=(8.27, 11.69))
    figure.text(0.1, 0.9, "Chứng thực bản sao được trả kết quả trong ngày.", fontsize=12)
    figure.savefig(tmp_path / "chung_thuc.pdf")
    plt.close(figure)
    results = run_json(capsys, [tmp_path / "thu_tuc.docx", tmp_path / "chung_thuc.pdf"],
                       ["Đăng ký khai sinh giải quyết trong bao lâu?", "Chứng thực bản sao trả kết quả khi nào?"])
    assert [r["citations"][0]["source"] for r in results] == ["thu_tuc.docx", "chung_thuc.pdf"]


@pytest.mark.parametrize("name, message", [("khong_co.md", "Không tìm thấy tệp"), ("bang.xlsx", "chỉ đọc được")])
def test_a_bad_source_gets_a_vietnamese_message_and_no_traceback(tmp_path, capsys, name, message):
    (tmp_path / "bang.xlsx").write_bytes(b"PK")
    assert main(["tra-cuu", "--nguon", str(tmp_path / name), "câu hỏi"]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err


def test_model_quotes_not_in_the_sources_are_dropped_and_flagged(decree):
    reply = {"refused": False, "answer": "Lề trái 30 - 35 mm.",
             "citations": [{"passage": 1, "quote": "cách mép trái 30 - 35 mm"},
                           {"passage": 1, "quote": "lề trái đúng 30 mm theo quy định mới"}]}
    result = ask_model("Lề trái bao nhiêu mm?", decree, lambda messages: json.dumps(reply, ensure_ascii=False))
    assert [c.quote for c in result.citations] == ["cách mép trái 30 - 35 mm"]
    assert "Đã bỏ 1 trích dẫn" in result.answer


def test_model_prompt_carries_the_passages_and_a_bad_reply_falls_back_offline(decree):
    seen = []

    def chat(messages):
        seen.append(messages[-1]["content"])
        return "Xin lỗi, tôi không rõ."

    result = ask_model("Lề trái bao nhiêu mm?", decree, chat)
    assert "30 - 35 mm" in seen[0] and "Câu hỏi: Lề trái bao nhiêu mm?" in seen[0]
    assert "ngoại tuyến" in result.answer and result.citations and decree.verify(result.citations[0])


def test_model_refusal_is_kept(decree):
    result = ask_model("Lệ phí kết hôn?", decree, lambda messages: '{"refused": true, "answer": "", "citations": []}')
    assert result.refused and result.citations == ()


def test_quotations_are_found_in_a_pasted_answer():
    pasted = 'Theo Phụ lục I, lề trái “cách mép trái 30 - 35 mm” và ghi «Nơi nhận» [1].'
    assert quoted_passages(pasted) == ["cách mép trái 30 - 35 mm"]


def test_a_quote_is_highlighted_in_its_source_view(decree):
    from ailab.tracuu.display import source_view_html

    view = source_view_html(decree, "Phuluc1.md", "cách mép trái 30 - 35 mm")
    assert "<mark" in view and "cách mép trái 30 - 35 mm</mark>" in view
    assert "Không tìm thấy" in source_view_html(decree, "Phuluc1.md", "cách mép trái 40 mm")


def test_a_pasted_answer_gets_each_quote_checked_with_the_nearest_passage(decree):
    from ailab.tracuu.display import check_pasted_answer, pasted_check_html

    checks = check_pasted_answer("Lề trái “cách mép trái 30 - 35 mm”, lề phải “cách mép phải 20 - 25 mm”.", decree)
    assert [c.verbatim for c in checks] == [True, False]
    assert "15 - 20 mm" in checks[1].closest
    assert "Không thấy trích dẫn" in pasted_check_html([])


def test_the_lookup_form_answers_from_added_and_uploaded_documents(tmp_path):
    from ailab.tracuu.widget import LookupForm

    form = LookupForm([OFFICIAL / "Phuluc1.md"])
    content = "Chứng thực bản sao được trả kết quả trong ngày tiếp nhận yêu cầu.".encode()
    form.upload.value = ({"name": "thu_tuc.txt", "type": "text/plain", "size": len(content),
                          "content": memoryview(content), "last_modified": datetime.now(timezone.utc)},)
    assert set(form.sources) == {"Phuluc1.md", "thu_tuc.txt"}
    result = form.ask("Chứng thực bản sao trả kết quả khi nào?")
    assert result.citations[0].source == "thu_tuc.txt" and "<mark" in form.view.value
    form.upload.value = ({"name": "bang.xlsx", "type": "", "size": 2, "content": memoryview(b"PK"),
                          "last_modified": datetime.now(timezone.utc)},)
    assert "chỉ đọc được" in form.message.value


def test_with_a_real_model_configured_the_cli_prints_only_verified_quotes(capsys, monkeypatch):
    from ailab.tracuu import cli

    reply = {"refused": False, "answer": "Mực màu xanh.",
             "citations": [{"passage": 1, "quote": "khi ký văn bản dùng bút có mực màu xanh"},
                           {"passage": 2, "quote": "ký bằng mực xanh hoặc đen"}]}
    monkeypatch.setattr(cli, "_model_chat", lambda: lambda messages: json.dumps(reply, ensure_ascii=False))
    results = run_json(capsys, DECREE, ["Ký văn bản giấy dùng mực màu gì?"])
    assert results[0]["citations"] == [{"source": "ND30.md", "quote": "khi ký văn bản dùng bút có mực màu xanh"}]
    assert "Đã bỏ 1 trích dẫn" in results[0]["answer"]


def test_without_a_key_the_cli_stays_offline(lab_home):
    from ailab.tracuu import cli

    assert cli._model_chat() is None
