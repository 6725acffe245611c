"""``ailab kit``: build writes the whole kit; gain and feedback read files and explain bad input."""

from __future__ import annotations

import pandas as pd

from ailab.cli import main
from autograder.kit.handouts import HANDOUTS
from autograder.kit.pretest import load_forms


def test_kit_build_without_pdf_writes_every_docx(tmp_path, capsys):
    assert main(["kit", "build", str(tmp_path / "bo"), "--khong-pdf"]) == 0
    written = {p.relative_to(tmp_path / "bo").as_posix() for p in (tmp_path / "bo").rglob("*.docx")}
    assert {f"phat_tay/{slug}.docx" for slug in HANDOUTS} <= written
    assert {"giang_vien/lich_nua_ngay.docx", "giang_vien/lich_mot_ngay.docx", "giang_vien/lich_hai_ngay.docx",
            "giang_vien/chuan_bi_truoc_ngay.docx", "giang_vien/01_lam_quen.docx",
            "kiem_tra/kiem_tra_de_A.docx", "kiem_tra/kiem_tra_de_B.docx", "kiem_tra/kiem_tra_dap_an.docx",
            "kiem_tra/phieu_gop_y.docx"} <= written
    assert "tệp .docx" in capsys.readouterr().out


def test_printed_test_forms_hold_no_answers(tmp_path):
    from docx import Document

    main(["kit", "build", str(tmp_path), "--khong-pdf"])
    form_a = "\n".join(p.text for p in Document(str(tmp_path / "kiem_tra/kiem_tra_de_A.docx")).paragraphs)
    key = "".join(q.answer for q in load_forms()["A"])
    assert "Câu 10." in form_a and key not in form_a and "ĐÁP ÁN" not in form_a


def test_progress_prints_the_gain_and_explains_a_bad_file(tmp_path, capsys):
    key_a = "".join(q.answer for q in load_forms()["A"])
    key_b = "".join(q.answer for q in load_forms()["B"])
    (tmp_path / "truoc.txt").write_text("HV01 A aaaaaaaaaa\n", encoding="utf-8")
    (tmp_path / "sau.txt").write_text(f"HV01 B {key_b}\n", encoding="utf-8")
    assert main(["kit", "tien-bo", str(tmp_path / "truoc.txt"), str(tmp_path / "sau.txt"),
                 "--xlsx", str(tmp_path / "tien_bo.xlsx")]) == 0
    correct_before = sum(letter == "a" for letter in key_a)
    assert f"HV01: {correct_before} → 10" in capsys.readouterr().out
    sheet = pd.read_excel(tmp_path / "tien_bo.xlsx", sheet_name="Học viên")
    assert sheet.to_dict("records") == [{"Mã học viên": "HV01", "Đúng trước (/10)": correct_before,
                                         "Đúng sau (/10)": 10, "Tiến bộ": 10 - correct_before}]
    assert main(["kit", "tien-bo", str(tmp_path / "khong_co.txt"), str(tmp_path / "sau.txt")]) == 2
    assert "Không tìm thấy" in capsys.readouterr().err


def test_feedback_summary_from_a_file(tmp_path, capsys):
    (tmp_path / "gop_y.txt").write_text("55555 | Hay |\n12345\n", encoding="utf-8")
    assert main(["kit", "gop-y", str(tmp_path / "gop_y.txt")]) == 0
    assert "2 phiếu" in capsys.readouterr().out
    (tmp_path / "hong.txt").write_text("HV01 99\n", encoding="utf-8")
    assert main(["kit", "gop-y", str(tmp_path / "hong.txt")]) == 2
    assert "Lỗi" in capsys.readouterr().err
