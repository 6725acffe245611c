"""The ipywidgets form: its pure part (fields -> VanBan, AI prompt) and the widgets clicked for real."""

import datetime as dt
import sys

import docx
import pytest

import ailab
from ailab.llm import AIError
from ailab.vanban import LoaiVanBan, VanBanError, prompt_noi_dung, tao_form, van_ban_from_fields
from ailab.vanban.form import check_html, parse_ngay, strip_ai_label


def _values(**overrides):
    values = {
        "loai": "Giấy mời", "co_quan_chu_quan": "", "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú",
        "viet_tat": "", "don_vi_soan_thao": "VP", "so": "7", "dia_danh": "Tân Phú", "ngay": dt.date(2026, 3, 5),
        "trich_yeu": "Dự hội nghị triển khai chuyển đổi số", "kinh_gui": "", "can_cu": "", "du_kien": "",
        "noi_dung": "Ủy ban nhân dân xã trân trọng kính mời.\n\nThời gian: 08 giờ 00.\nĐịa điểm: Hội trường.",
        "quyen_han": "TM.", "chuc_vu": "Chủ tịch", "nguoi_ky": "Nguyễn Văn An", "thu_ky": "",
        "noi_nhan": "- Như thành phần mời;\n",
    }
    values.update(overrides)
    return values


def test_fields_become_a_van_ban_with_lists_split_per_line():
    van_ban = van_ban_from_fields(_values(kinh_gui="Trưởng thôn Đông\nTrưởng thôn Tây\n"))
    assert van_ban.loai is LoaiVanBan.GIAY_MOI
    assert van_ban.noi_dung == ["Ủy ban nhân dân xã trân trọng kính mời.", "Thời gian: 08 giờ 00.", "Địa điểm: Hội trường."]
    assert van_ban.kinh_gui == ["Trưởng thôn Đông", "Trưởng thôn Tây"]
    assert van_ban.noi_nhan == ["Như thành phần mời"]
    assert van_ban.so_ky_hieu == "Số: 07/GM-UBND"


def test_date_may_be_typed_as_day_month_year():
    assert parse_ngay("5/3/2026") == dt.date(2026, 3, 5)
    assert parse_ngay(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    with pytest.raises(ValueError, match="không có trên lịch"):
        parse_ngay("31/2/2026")


def test_every_problem_is_reported_together_in_vietnamese():
    with pytest.raises(VanBanError) as caught:
        van_ban_from_fields(_values(nguoi_ky="", so="bảy", noi_dung=""))
    problems = caught.value.problems
    assert "Thiếu họ và tên người ký." in problems
    assert any(p.startswith("Số văn bản «bảy»") for p in problems)
    assert any("nội dung" in p for p in problems)


def test_missing_date_and_unknown_type_are_explained():
    with pytest.raises(VanBanError) as caught:
        van_ban_from_fields(_values(ngay=None, loai=""))
    assert any("ngày ban hành" in p for p in caught.value.problems)
    assert any("loại văn bản" in p for p in caught.value.problems)


def test_ai_prompt_puts_the_task_first_and_lists_only_the_facts():
    prompt = prompt_noi_dung(_values(du_kien="Thời gian: 08 giờ 00, ngày 10/3/2026\n- Địa điểm: Hội trường xã"))
    lines = prompt.splitlines()
    assert lines[0].startswith("Hãy soạn phần nội dung") and "giấy mời" in lines[0]
    assert "Thời gian: 08 giờ 00, ngày 10/3/2026" in lines and "Địa điểm: Hội trường xã" in lines
    assert "Trích yếu: Dự hội nghị triển khai chuyển đổi số" in lines
    assert "không thêm tên người" in lines[-1]


def test_label_line_of_an_answer_is_kept_out_of_the_body():
    assert strip_ai_label("[Trợ lý ngoại tuyến]\nĐoạn một.") == ("[Trợ lý ngoại tuyến]", "Đoạn một.")
    assert strip_ai_label("Đoạn một.") == ("", "Đoạn một.")


def test_clicking_create_writes_a_docx_in_the_folder(tmp_path, monkeypatch):
    # Even without the checker the form must write the file and explain, never raise.
    monkeypatch.setitem(sys.modules, "autograder.nd30", None)
    form = tao_form(tmp_path, mau="Giấy mời")
    form.create_button.click()
    files = list(tmp_path.glob("*.docx"))
    assert len(files) == 1 and form.last_path == files[0]
    assert "GIẤY MỜI" in [p.text for p in docx.Document(str(files[0])).paragraphs]
    assert files[0].name in form.file_area.value and "base64," in form.file_area.value
    assert "Chưa có bộ kiểm tra thể thức" in form.check_area.value
    assert form.message.value == ""


def test_clicking_create_shows_the_checker_report_beside_the_file(tmp_path):
    form = tao_form(tmp_path, mau="Công văn")
    form.create_button.click()
    assert form.last_path is not None and form.last_path.exists()
    assert form.check_area.value and "Chưa có bộ kiểm tra" not in form.check_area.value
    assert "gặp lỗi" not in form.check_area.value


def test_bad_input_shows_vietnamese_messages_and_writes_nothing(tmp_path):
    form = tao_form(tmp_path, mau="Công văn")
    form.fields["nguoi_ky"].value = ""
    form.fields["ngay"].value = ""
    form.create_button.click()
    assert list(tmp_path.glob("*.docx")) == []
    assert "Chưa tạo được văn bản" in form.message.value and "ngày ban hành" in form.message.value
    assert "Traceback" not in form.message.value


def test_ai_button_fills_the_body_from_the_answer(tmp_path, monkeypatch):
    prompts = []

    def fake_ask(prompt, system=None, **params):
        prompts.append(prompt)
        return "[Nhãn thử]\nỦy ban nhân dân xã trân trọng kính mời.\n\n- Thời gian: 08 giờ 00."

    monkeypatch.setattr(ailab, "ask", fake_ask)
    form = tao_form(tmp_path)
    form.fields["trich_yeu"].value = "Họp dân thôn Đông"
    form.fields["du_kien"].value = "Thời gian: 08 giờ 00"
    form.ai_button.click()
    assert "Thời gian: 08 giờ 00" in prompts[0]
    assert form.fields["noi_dung"].value == "Ủy ban nhân dân xã trân trọng kính mời.\n- Thời gian: 08 giờ 00."
    assert "[Nhãn thử]" in form.message.value and "đọc lại" in form.message.value


def test_ai_button_without_trich_yeu_asks_for_it_first(tmp_path, monkeypatch):
    monkeypatch.setattr(ailab, "ask", lambda *a, **k: pytest.fail("must not call the AI"))
    form = tao_form(tmp_path)
    form.ai_button.click()
    assert "trích yếu" in form.message.value


def test_ai_failure_is_a_vietnamese_message(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise AIError("Không kết nối được tới máy chủ.")

    monkeypatch.setattr(ailab, "ask", broken)
    form = tao_form(tmp_path, mau="Thông báo")
    before = form.fields["noi_dung"].value
    form.ai_button.click()
    assert "AI chưa trả lời được" in form.message.value and "Không kết nối được" in form.message.value
    assert form.fields["noi_dung"].value == before


def test_a_bug_behind_the_ai_button_surfaces(tmp_path, monkeypatch):
    def buggy(*args, **kwargs):
        raise TypeError("ask() got an unexpected keyword argument")

    monkeypatch.setattr(ailab, "ask", buggy)
    form = tao_form(tmp_path, mau="Thông báo")
    with pytest.raises(TypeError):
        form._on_ai()


def test_a_bug_inside_the_checker_surfaces(tmp_path, monkeypatch):
    import autograder.nd30

    def buggy(path):
        raise KeyError("rule")

    monkeypatch.setattr(autograder.nd30, "check_docx", buggy)
    form = tao_form(tmp_path, mau="Công văn")
    with pytest.raises(KeyError):
        form._on_create()


def test_unreadable_file_is_a_vietnamese_note(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    note = check_html(bad)
    assert "chưa đọc được" in note and "Traceback" not in note


def test_all_labels_are_vietnamese():
    form = tao_form()
    assert form.create_button.description == "Tạo văn bản"
    assert form.ai_button.description == "Nhờ AI soạn nội dung"
    labels = [widget.description for widget in form.fields.values()]
    assert "Loại văn bản" in labels and "Nơi nhận" in labels and "Ngày ban hành" in labels


def test_date_box_reads_and_writes_day_month_year(tmp_path):
    import datetime as dt

    from ailab.vanban.form import ngay_vi, parse_ngay

    assert tao_form(tmp_path).fields["ngay"].value == ngay_vi(dt.date.today())
    assert tao_form(tmp_path, mau="Công văn").fields["ngay"].value == "05/3/2026"
    assert ngay_vi(dt.date(2026, 3, 5)) == "05/3/2026"
    assert parse_ngay("05/3/2026") == dt.date(2026, 3, 5)
