"""Write the module-07 data: residents' feedback (phản ánh, kiến nghị) to route, and prepared AI replies.

Run: ``python datasets/07_phan_anh_kien_nghi/generate.py`` (deterministic: the same seed gives the same files).
Writes into ``exercises/07_phan_anh_kien_nghi/``: ``phan_anh.csv`` (12 items, no labels) and
``tra_loi_ai.txt`` (six prepared model answers to judge).
Writes into ``notebooks/data/``: ``07_phan_anh_mau.csv`` (6 teaching items WITH their labels, for the lesson).
Writes here (never copied to the exercise): ``dap_an_phan_anh.csv`` (field, body, urgency, deadline of each
exercise item) and ``dap_an_tra_loi_ai.json`` (which prepared answers can be used).
All names, phone numbers and ID numbers are invented (patterned sequences); the commune is fictional.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

SEED = 2026_07
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXERCISE = REPO / "exercises" / "07_phan_anh_kien_nghi"
LESSON_DATA = REPO / "notebooks" / "data"
WORKING_DAYS = {"khẩn": 3, "thường": 10}  # the exercise's own rule (see README): not a legal deadline

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà"]
MIDDLE = {"Ông": ["Văn", "Đức", "Minh", "Quang"], "Bà": ["Thị", "Thu", "Ngọc", "Thanh"]}
GIVEN = {"Ông": ["An", "Bình", "Cường", "Hải", "Long", "Sơn"], "Bà": ["Hoa", "Lan", "Mai", "Oanh", "Thảo", "Yến"]}
PHONES = ["0912345678", "0987654321", "0345678912", "0856789123", "0378912345", "0765432198"]
ID_NUMBERS = ["001089012345", "001190123456", "001075234567", "001188345678"]
CHANNELS = ["Trực tiếp tại trụ sở", "Điện thoại đường dây nóng", "Zalo của UBND xã", "Hộp thư góp ý",
            "Cổng dịch vụ công"]

# (body code, field, urgency, text). {thon} is the village; the reporter's details are added by _contact.
EXERCISE_ITEMS = [
    ("VHXH", "chính sách xã hội", "thường",
     "Tôi là thân nhân liệt sĩ, đến nay chưa nhận được trợ cấp ưu đãi tháng 2. Đề nghị xã kiểm tra danh sách chi trả."),
    ("CA", "an ninh, trật tự, lừa đảo", "khẩn",
     "Sáng nay nhiều cụ già ở thôn {thon} nhận cuộc gọi xưng là công an xã, bảo cài ứng dụng VNeID qua đường link "
     "để cập nhật địa chỉ sau sáp nhập. Có nhà đã làm theo. Đề nghị công an xã cảnh báo ngay."),
    ("KT", "môi trường", "thường",
     "Bãi đất trống cạnh nhà văn hóa thôn {thon} bị đổ rác thải sinh hoạt và xà bần nhiều tháng nay, bốc mùi hôi. "
     "Đề nghị xã kiểm tra, xử lý và bố trí điểm tập kết rác."),
    ("HG", "tranh chấp giữa người dân", "thường",
     "Nhà hàng xóm ở thôn {thon} hát karaoke đến 23 giờ nhiều tối liền, tôi đã góp ý nhưng không được. "
     "Đề nghị tổ hòa giải của thôn giúp hai nhà nói chuyện."),
    ("TTPVHCC", "thủ tục hành chính", "thường",
     "Tôi nộp hồ sơ đăng ký kết hôn ở quầy một cửa, giấy hẹn trả kết quả đã quá 5 ngày mà chưa có, "
     "gọi điện không ai trả lời."),
    ("KT", "giao thông, hạ tầng", "khẩn",
     "Sau trận mưa đêm qua, đoạn đường liên thôn qua thôn {thon} bị sụt lún một bên, xe máy đi qua rất nguy hiểm. "
     "Đề nghị xã cắm biển cảnh báo và sửa ngay."),
    ("VP", "hộ tịch, chứng thực", "thường",
     "Giấy khai sinh của con tôi ghi sai tên đệm của mẹ (ghi «Thi» thay vì «Thị»). "
     "Đề nghị xã kiểm tra sổ hộ tịch và hướng dẫn cải chính."),
    ("VHXH", "chính sách xã hội", "khẩn",
     "Cụ bà sống một mình ở thôn {thon}, mái nhà bếp bị sập sau cơn giông chiều qua, cụ không còn chỗ nấu ăn. "
     "Đề nghị xã hỗ trợ khẩn cấp."),
    ("CA", "an ninh, trật tự, lừa đảo", "khẩn",
     "Tối qua có nhóm thanh niên tụ tập đua xe trên đường đê thôn {thon}, mang theo gậy, dao. "
     "Người dân rất lo, đề nghị lực lượng chức năng xử lý."),
    ("TTPVHCC", "thủ tục hành chính", "thường",
     "Tôi nộp hồ sơ khai sinh trên Cổng dịch vụ công, quầy một cửa lại bảo phải mang thêm bản giấy "
     "không có trong danh mục hồ sơ. Đề nghị xã giải thích."),
    ("HG", "tranh chấp giữa người dân", "thường",
     "Nước mưa từ mái tôn nhà bên cạnh đổ thẳng sang sân nhà tôi ở thôn {thon}, hai nhà đã to tiếng. "
     "Đề nghị thôn cử người hòa giải."),
    ("VP", "tiếp công dân, văn phòng", "thường",
     "Tôi đến trụ sở hai lần để gặp Chủ tịch xã nhưng không biết lịch tiếp công dân. "
     "Đề nghị xã công khai lịch tiếp công dân sau sáp nhập."),
]
REPLY_ITEM_TEXT = "Bãi đất trống cạnh nhà văn hóa"  # the item the exercise's reply answers

LESSON_ITEMS = [
    ("KT", "giao thông, hạ tầng", "thường",
     "Đường trục thôn {thon} có nhiều ổ gà, trời mưa đọng nước. Đề nghị xã sửa chữa."),
    ("CA", "an ninh, trật tự, lừa đảo", "khẩn",
     "Hôm nay nhiều hộ ở thôn {thon} nhận tin nhắn xưng là điện lực, dọa cắt điện trong 2 giờ nếu không "
     "chuyển tiền qua đường link. Đề nghị công an xã cảnh báo người dân."),
    ("VHXH", "chính sách xã hội", "thường",
     "Gia đình tôi ở thôn {thon} thu nhập thấp, muốn hỏi điều kiện và hồ sơ đề nghị công nhận hộ cận nghèo."),
    ("TTPVHCC", "thủ tục hành chính", "thường",
     "Tôi chờ chứng thực bản sao ở quầy một cửa hơn 2 giờ, không có số thứ tự. Đề nghị xã bố trí lại."),
    ("HG", "tranh chấp giữa người dân", "thường",
     "Cây nhãn nhà hàng xóm ở thôn {thon} chìa cành sang mái nhà tôi, hai nhà chưa thống nhất cách cắt tỉa."),
    ("VP", "hộ tịch, chứng thực", "thường",
     "Bản trích lục khai tử của bố tôi ghi sai năm sinh so với sổ hộ tịch. Đề nghị xã kiểm tra, sửa lại."),
]
VILLAGES = ["Đông", "Tây", "Bắc Sơn", "Hòa Bình", "Trung", "Tiền Phong"]


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days (Monday–Friday) after ``start``; public holidays are not counted in."""
    day = start
    while days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _contact(rng: random.Random, index: int) -> tuple[str, str]:
    """A fictional reporter ("Bà Trần Thị Mai") and the contact line a resident would leave."""
    title = rng.choice(["Ông", "Bà"])
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[title])} {rng.choice(GIVEN[title])}"
    phone = PHONES[index % len(PHONES)]
    extra = f", số định danh cá nhân {ID_NUMBERS[index % len(ID_NUMBERS)]}" if index % 3 == 0 else ""
    return f"{title} {name}", f"{title} {name}, điện thoại {phone[:4]} {phone[4:7]} {phone[7:]}{extra}"


def _weekday(rng: random.Random) -> dt.date:
    day = dt.date(2026, 3, 2) + dt.timedelta(days=rng.randrange(0, 12))
    return day if day.weekday() < 5 else day + dt.timedelta(days=7 - day.weekday())


def _rows(items, rng: random.Random, prefix: str) -> list[dict]:
    items = list(items)
    rng.shuffle(items)
    rows = []
    for index, (body, field, urgency, text) in enumerate(items):
        received = _weekday(rng)
        reporter, contact = _contact(rng, index)
        rows.append({
            "ma": f"{prefix}{index + 1:02d}", "ngay_nhan": received.strftime("%d/%m/%Y"),
            "kenh": rng.choice(CHANNELS), "nguoi_phan_anh": reporter,
            "noi_dung": text.format(thon=rng.choice(VILLAGES)) + f" ({contact})",
            "linh_vuc": field, "noi_xu_ly": body, "muc_do": urgency,
            "han_tra_loi": add_working_days(received, WORKING_DAYS[urgency]).strftime("%d/%m/%Y"),
        })
    return rows


PREPARED_REPLIES = [  # (option, usable?, what it shows) — the item they answer is the lesson's "PA" reply item
    ("a", True, "JSON trong cặp dấu ```", '```json\n{{"ma": "{ma}", "linh_vuc": "môi trường", "noi_xu_ly": "KT", '
     '"muc_do": "thường", "ly_do": "Rác thải, xà bần đổ ở bãi đất trống: lĩnh vực môi trường."}}\n```'),
    ("b", False, "thiếu trường", '{{"ma": "{ma}", "linh_vuc": "môi trường", "noi_xu_ly": "KT", '
     '"ly_do": "Rác thải sinh hoạt bốc mùi."}}'),
    ("c", False, "nơi xử lý cấp huyện đã bỏ", '{{"ma": "{ma}", "linh_vuc": "môi trường", '
     '"noi_xu_ly": "Phòng Tài nguyên và Môi trường huyện", "muc_do": "thường", "ly_do": "Ô nhiễm môi trường."}}'),
    ("d", False, "chỉ có lời văn", "Theo tôi, phản ánh {ma} thuộc lĩnh vực môi trường, nên chuyển Phòng Kinh tế "
     "xử lý trong thời hạn thông thường."),
    ("e", True, "JSON đúng, có câu dẫn", 'Kết quả phân loại:\n{{"ma": "{ma}", "linh_vuc": "môi trường", '
     '"noi_xu_ly": "KT", "muc_do": "thường", "ly_do": "Đổ rác, xà bần gây mùi ở bãi đất cạnh nhà văn hóa thôn."}}'),
    ("f", False, "đúng mẫu nhưng chuyển sai nơi", '{{"ma": "{ma}", "linh_vuc": "an ninh, trật tự, lừa đảo", '
     '"noi_xu_ly": "CA", "muc_do": "khẩn", "ly_do": "Có người vi phạm, cần công an xử lý."}}'),
]


def _csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def build() -> dict[Path, str]:
    """Every file this generator writes, by path, with its text."""
    rng = random.Random(SEED)
    exercise = _rows(EXERCISE_ITEMS, rng, "PA")
    lesson = _rows(LESSON_ITEMS, rng, "M")
    reply_item = next(r for r in exercise if REPLY_ITEM_TEXT in r["noi_dung"])
    public = ["ma", "ngay_nhan", "kenh", "noi_dung"]
    key = ["ma", "linh_vuc", "noi_xu_ly", "muc_do", "han_tra_loi"]
    replies = "\n\n".join(f"=== Câu trả lời {option} ===\n" + text.format(ma=reply_item["ma"])
                          for option, _, _, text in PREPARED_REPLIES) + "\n"
    usable = {"ma": reply_item["ma"], "dung_duoc": [o for o, ok, _, _ in PREPARED_REPLIES if ok],
              "ly_do": {o: why for o, _, why, _ in PREPARED_REPLIES}}
    return {
        EXERCISE / "phan_anh.csv": _csv(exercise, public),
        EXERCISE / "tra_loi_ai.txt": replies,
        LESSON_DATA / "07_phan_anh_mau.csv": _csv(lesson, public + key[1:]),
        HERE / "dap_an_phan_anh.csv": _csv(exercise, key),
        HERE / "dap_an_tra_loi_ai.json": json.dumps(usable, ensure_ascii=False, indent=2) + "\n",
    }


def main() -> None:
    for path, text in build().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Đã ghi {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
