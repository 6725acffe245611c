"""Pure parts of the ND30 document model: date line, number, ký hiệu, recipients, validation."""

import datetime as dt
import unicodedata

import pytest

from ailab.vanban import (
    MA_LOAI,
    LoaiVanBan,
    VanBan,
    build_ky_hieu,
    format_ngay_thang,
    format_so,
    noi_nhan_lines,
    sample,
    validate,
    viet_tat_co_quan,
)
from ailab.vanban.model import body_paragraphs, can_cu_lines, is_heading, kinh_gui_lines, split_paragraphs


def test_month_march_has_no_leading_zero():
    assert format_ngay_thang("Tân Phú", dt.date(2026, 3, 15)) == "Tân Phú, ngày 15 tháng 3 năm 2026"


@pytest.mark.parametrize("month", [1, 2])
def test_months_january_and_february_have_leading_zero(month):
    assert format_ngay_thang("Tân Phú", dt.date(2026, month, 20)) == f"Tân Phú, ngày 20 tháng 0{month} năm 2026"


def test_day_below_ten_has_leading_zero():
    assert format_ngay_thang("Tân Phú", dt.date(2026, 12, 5)) == "Tân Phú, ngày 05 tháng 12 năm 2026"


@pytest.mark.parametrize("month", range(3, 13))
def test_months_three_to_twelve_never_zero_padded(month):
    text = format_ngay_thang("Tân Phú", dt.date(2026, month, 1))
    assert f"tháng {month} năm" in text and "tháng 0" not in text


def test_place_name_is_capitalised_and_comma_follows():
    assert format_ngay_thang("tân Phú", dt.date(2026, 3, 5)).startswith("Tân Phú, ngày 05")


def test_date_line_rejects_missing_place():
    with pytest.raises(ValueError, match="địa danh"):
        format_ngay_thang("  ", dt.date(2026, 3, 5))


def test_number_below_ten_gets_leading_zero_and_blank_stays_blank():
    assert format_so(5) == "05"
    assert format_so("12") == "12"
    assert format_so("") .strip() == "" and format_so(None).strip() == ""


@pytest.mark.parametrize("bad", ["5a", "0", "12/2026", "-3"])
def test_number_that_is_not_a_positive_integer_is_refused_in_vietnamese(bad):
    with pytest.raises(ValueError, match="Số văn bản"):
        format_so(bad)


def test_ky_hieu_puts_type_code_before_agency():
    assert build_ky_hieu(LoaiVanBan.KE_HOACH, "UBND") == "KH-UBND"
    assert build_ky_hieu("Tờ trình", "UBND") == "TTr-UBND"
    assert build_ky_hieu("quyết định", "UBND") == "QĐ-UBND"


def test_cong_van_ky_hieu_is_agency_then_unit_without_type_code():
    assert build_ky_hieu(LoaiVanBan.CONG_VAN, "UBND", "VP") == "UBND-VP"


def test_type_codes_match_the_decree_table():
    assert MA_LOAI["Quy định"] == "QyĐ" and MA_LOAI["Chương trình"] == "CTr" and MA_LOAI["Giấy mời"] == "GM"
    assert len(MA_LOAI) == 29
    assert all(loai.ma == MA_LOAI[loai.value] for loai in LoaiVanBan)


def test_agency_abbreviation_drops_the_place_name():
    assert viet_tat_co_quan("Ủy ban nhân dân xã Tân Phú") == "UBND"
    assert viet_tat_co_quan("Uỷ ban nhân dân phường An Lạc") == "UBND"
    assert viet_tat_co_quan("Hội đồng nhân dân xã Tân Phú") == "HĐND"


def test_van_ban_builds_number_line_from_its_fields():
    van_ban = sample("Kế hoạch")
    assert van_ban.so_ky_hieu == "Số: 15/KH-UBND"
    assert sample("Công văn").so_ky_hieu == "Số: 12/UBND-VP"


def test_loai_accepts_name_or_code_and_rejects_unknown_in_vietnamese():
    assert LoaiVanBan.from_text("KH") is LoaiVanBan.KE_HOACH
    assert LoaiVanBan.from_text("giấy mời") is LoaiVanBan.GIAY_MOI
    with pytest.raises(ValueError, match="Không có loại văn bản"):
        LoaiVanBan.from_text("thư tình")


def test_text_is_nfc_normalised_on_entry():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân xã Tân Phú")
    van_ban = VanBan(loai="Thông báo", co_quan_ban_hanh=decomposed, dia_danh=unicodedata.normalize("NFD", "Tân Phú"),
                     ngay=dt.date(2026, 3, 5), trich_yeu=unicodedata.normalize("NFD", "Lịch tiếp công dân"),
                     noi_dung=[unicodedata.normalize("NFD", "Đoạn một.")], noi_nhan=[unicodedata.normalize("NFD", "Các thôn")])
    for text in (van_ban.co_quan_ban_hanh, van_ban.dia_danh, van_ban.trich_yeu, van_ban.noi_dung[0], van_ban.noi_nhan[0]):
        assert unicodedata.is_normalized("NFC", text)
    assert van_ban.co_quan_ban_hanh == "Ủy ban nhân dân xã Tân Phú"


def test_recipients_end_with_luu_and_start_with_nhu_tren_for_cong_van_with_kinh_gui():
    lines = noi_nhan_lines(sample("Công văn"))
    assert lines[0] == "- Như trên;"
    assert lines[-1] == "- Lưu: VT, VP."
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])


def test_recipients_have_no_nhu_tren_when_type_does_not_take_it():
    lines = noi_nhan_lines(sample("Kế hoạch"))
    assert "- Như trên;" not in lines and lines[-1] == "- Lưu: VT, VP."


def test_typed_luu_and_dashes_are_not_duplicated():
    van_ban = sample("Tờ trình")
    van_ban.noi_nhan = ["- Như trên;", "- Thường trực Đảng ủy xã;", "Lưu: VT"]
    van_ban.__post_init__()
    assert noi_nhan_lines(van_ban) == ["- Như trên;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."]


def test_several_kinh_gui_are_one_per_line_the_last_ending_with_a_period():
    van_ban = sample("Công văn")
    van_ban.kinh_gui = ["Trưởng thôn Đông", "Trưởng thôn Tây"]
    assert kinh_gui_lines(van_ban) == ["Kính gửi:", "- Trưởng thôn Đông;", "- Trưởng thôn Tây."]
    assert kinh_gui_lines(sample("Công văn")) == ["Kính gửi: Trưởng các thôn trên địa bàn xã."]


def test_can_cu_lines_end_with_semicolons_and_a_final_period():
    lines = can_cu_lines(sample("Quyết định"))
    assert all(line.endswith(";") for line in lines[:-1]) and lines[-1].endswith(".")


def test_body_ends_with_closing_mark_once():
    van_ban = sample("Thông báo")
    assert body_paragraphs(van_ban)[-1].endswith("thực hiện./.")
    van_ban.noi_dung[-1] += "/."
    assert body_paragraphs(van_ban)[-1].endswith("thực hiện./.")


def test_roman_heading_in_capitals_is_a_heading_but_a_sentence_is_not():
    assert is_heading("I. MỤC ĐÍCH, YÊU CẦU")
    assert not is_heading("I. Mục đích của kế hoạch")
    assert not is_heading("1. TỔ CHỨC THỰC HIỆN")


def test_pasted_markdown_is_cleaned_into_paragraphs():
    text = "## I. MỤC ĐÍCH\n\n**Thời gian**: 8 giờ\n* Địa điểm: hội trường\n"
    assert split_paragraphs(text) == ["I. MỤC ĐÍCH", "Thời gian: 8 giờ", "- Địa điểm: hội trường"]


def test_trich_yeu_typed_with_vv_is_not_doubled():
    van_ban = sample("Công văn")
    van_ban.trich_yeu = "V/v đôn đốc nộp báo cáo."
    van_ban.__post_init__()
    assert van_ban.trich_yeu == "đôn đốc nộp báo cáo"


def test_all_samples_are_valid():
    for loai in ("Công văn", "Thông báo", "Giấy mời", "Kế hoạch", "Báo cáo", "Tờ trình", "Quyết định", "Biên bản"):
        assert validate(sample(loai)) == []


def test_validation_lists_every_missing_fact_in_vietnamese():
    van_ban = VanBan(loai="Giấy mời", co_quan_ban_hanh="", dia_danh="", ngay=dt.date(2026, 3, 5), trich_yeu="")
    problems = validate(van_ban)
    assert any("cơ quan ban hành" in p for p in problems)
    assert any("địa danh" in p for p in problems)
    assert any("trích yếu" in p for p in problems)
    assert any("người ký" in p for p in problems)
    assert any("nội dung" in p for p in problems)


def test_validation_refuses_academic_title_and_bare_kt():
    van_ban = sample("Công văn")
    van_ban.nguoi_ky = "TS. Trần Thị Bình"
    van_ban.quyen_han = "KT."
    problems = validate(van_ban)
    assert any("học hàm" in p for p in problems)
    assert any("KT. CHỦ TỊCH" in p for p in problems)


def test_tm_alone_becomes_tm_and_collective_name():
    assert sample("Thông báo").quyen_han_line == "TM. ỦY BAN NHÂN DÂN"
