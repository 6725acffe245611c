"""Write the module-05 exercise data: messages to classify (scam or safe) and a record list to mask.

Run: ``python datasets/05_an_toan_thong_tin/generate.py`` (deterministic: the same seed gives the same files).
Writes into ``exercises/05_an_toan_thong_tin/``: ``tin_nhan.csv``, ``dau_hieu.csv``, ``ho_so_mau.txt``.
Writes here (never copied to the exercise): ``dap_an_tin_nhan.csv`` (labels and accepted signs) and
``dap_an_ho_so.json`` (how many items of each kind ``ho_so_mau.txt`` holds).
All names, numbers, links and addresses are invented; phone numbers and ID numbers follow patterned
sequences (0912 345 678, …012345) so that they do not point to real people.
"""

from __future__ import annotations

import csv
import io
import json
import random
import unicodedata
from pathlib import Path

SEED = 2026_05
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXERCISE = REPO / "exercises" / "05_an_toan_thong_tin"

SIGNS = [
    ("A", "Đòi chuyển tiền, nạp tiền hoặc đóng phí trước"),
    ("B", "Gửi đường link lạ hoặc bảo cài ứng dụng không tải từ kho ứng dụng chính thức"),
    ("C", "Xin mã OTP, mật khẩu hoặc đòi quét khuôn mặt qua điện thoại"),
    ("D", "Đe dọa, hối thúc: cắt điện, dính vụ án, khóa tài khoản, phải làm ngay"),
    ("E", "Hứa quà tặng, tiền hỗ trợ, việc nhẹ lương cao"),
    ("K", "Không có dấu hiệu lừa đảo (tin an toàn)"),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Thanh", "Bích"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Nam", "Phúc", "Sơn"]
GIVEN_FEMALE = ["Anh", "Hoa", "Hương", "Lan", "Mai", "Ngọc", "Oanh", "Thảo", "Uyên", "Yến"]
VILLAGES = ["Đông", "Đoài", "Nam", "Bắc", "Thượng", "Trung", "Tiền Phong", "Hòa Bình"]
# Patterned numbers: recognisably fake, but in the formats people really write.
PHONES = ["0912345678", "0987654321", "0345678912", "0856789123", "0378912345", "0765432198"]
OLD_PHONES = ["01695678945", "01234567891"]
ID_TAILS = ["012345", "123456", "234567", "345678", "456789", "567890", "654321", "765432"]
PROVINCE_CODES = ["001", "079", "031", "038", "040", "048"]


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _scam_messages(rng: random.Random) -> list[dict]:
    """Each message with its label and the warning signs a reasonable reader may name (first = main)."""
    man = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    day = rng.randrange(10, 28)
    month = rng.choice([8, 9, 10])
    amount = rng.choice([85, 120, 150]) * 1_000_000
    return [
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng công an xã",
         "noi_dung": "Sau khi sáp nhập tỉnh, xã, ông bà bắt buộc cập nhật lại thông tin cư trú trên VNeID trước "
                     f"ngày {day}/{month}/2025. Tôi gửi qua Zalo đường link vneid-capnhat.online, ông bà cài "
                     "ứng dụng theo link đó.",
         "nhan": "lừa đảo", "dau_hieu": "BD", "loai": "giả danh công an, cập nhật VNeID"},
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng cán bộ điều tra",
         "noi_dung": "Số căn cước của bà liên quan đến một đường dây rửa tiền. Bà phải chuyển "
                     f"{_money(amount)} đồng vào tài khoản tạm giữ để chứng minh trong sạch, không được kể "
                     "với ai.",
         "nhan": "lừa đảo", "dau_hieu": "AD", "loai": "vụ án rửa tiền giả"},
        {"kenh": "Zalo", "nguoi_gui": "Tài khoản tên \"CSKH Điện lực\"",
         "noi_dung": "Quý khách còn nợ tiền điện tháng này, điện sẽ bị cắt trong 2 giờ tới. Bấm vào "
                     "diencskh-thanhtoan.top để thanh toán ngay.",
         "nhan": "lừa đảo", "dau_hieu": "DBA", "loai": "giả nhân viên điện lực"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Số lạ",
         "noi_dung": "Chúc mừng! Bạn được nhận 100.000 đồng hỗ trợ dịp 2/9. Cài VNeID theo đường link "
                     "nhanquavneid.top để nhận tiền.",
         "nhan": "lừa đảo", "dau_hieu": "EB", "loai": "quà tặng giả dịp 2/9"},
        {"kenh": "Facebook", "nguoi_gui": "Trang \"Việc làm tại nhà\"",
         "noi_dung": "Tuyển cộng tác viên thả tim, đánh giá sản phẩm tại nhà, thu nhập 500.000 đồng/ngày. "
                     "Nạp trước 2.000.000 đồng để mở nhiệm vụ, hoàn tiền kèm hoa hồng 30%.",
         "nhan": "lừa đảo", "dau_hieu": "EA", "loai": "việc nhẹ lương cao, làm nhiệm vụ"},
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng nhân viên ngân hàng",
         "noi_dung": "Tài khoản của anh sắp bị khóa vì chưa xác thực sinh trắc học. Anh đọc giúp em mã OTP "
                     "vừa gửi về máy để em mở khóa ngay.",
         "nhan": "lừa đảo", "dau_hieu": "CD", "loai": "xin mã OTP"},
        {"kenh": "Cuộc gọi video Zalo", "nguoi_gui": "Tài khoản giống con trai, hình mờ",
         "noi_dung": "Mẹ ơi con đang ở bệnh viện, mẹ chuyển gấp 20.000.000 đồng vào tài khoản của bạn con, "
                     "con không nói chuyện lâu được.",
         "nhan": "lừa đảo", "dau_hieu": "AD", "loai": "cuộc gọi video giả người thân"},
        {"kenh": "Thông báo trên loa xã và trang của UBND xã", "nguoi_gui": "UBND xã",
         "noi_dung": "Người dân nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia dichvucong.gov.vn hoặc "
                     "đến Trung tâm Phục vụ hành chính công xã trong giờ hành chính. Cán bộ không thu bất "
                     "kỳ khoản phí nào qua điện thoại.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "thông báo của UBND xã"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Điện lực",
         "noi_dung": f"Tạm ngừng cấp điện để bảo dưỡng đường dây từ 7 giờ 30 đến 11 giờ 30 ngày {day}/{month}, "
                     f"khu vực thôn {rng.choice(VILLAGES)}. Mong quý khách thông cảm.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "lịch cắt điện bảo dưỡng"},
        {"kenh": "Giấy triệu tập (bản giấy, có dấu)", "nguoi_gui": "Công an xã",
         "noi_dung": f"Mời ông {man} đến trụ sở Công an xã lúc 8 giờ ngày {day}/{month}/2025 để làm rõ việc "
                     "tranh chấp ranh giới đất với hộ liền kề.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "giấy triệu tập thật"},
        {"kenh": "Tin nhắn Zalo", "nguoi_gui": "Trạm Y tế xã",
         "noi_dung": f"Lịch tiêm chủng mở rộng cho trẻ dưới 1 tuổi: sáng ngày {day}/{month} tại Trạm Y tế xã. "
                     "Phụ huynh mang theo sổ tiêm chủng của trẻ.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "lịch tiêm chủng"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Số của con gái (đã lưu trong danh bạ)",
         "noi_dung": "Mẹ ơi chiều nay con về muộn, mẹ ăn cơm trước nhé.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "tin nhắn người thân"},
    ]


def _person(rng: random.Random, index: int) -> dict:
    female = rng.random() < 0.5
    name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                     rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)])
    year = rng.randrange(1950, 2000)
    day, month = rng.randrange(1, 29), rng.randrange(1, 13)
    sex_digit = "1" if female else "0"
    cccd = rng.choice(PROVINCE_CODES) + sex_digit + str(year)[2:] + ID_TAILS[index % len(ID_TAILS)]
    return {"title": "Bà" if female else "Ông", "name": name, "year": year, "day": day, "month": month,
            "cccd": cccd}


def _phone_forms(number: str) -> list[str]:
    """The same mobile number written the ways people write it."""
    if len(number) == 11:
        return [number, f"{number[:4]} {number[4:]}", f"{number[:4]}.{number[4:8]}.{number[8:]}"]
    tail = number[1:]
    return [number, f"{number[:4]} {number[4:7]} {number[7:]}", f"{number[:4]}.{number[4:7]}.{number[7:]}",
            f"+84 {tail[:3]} {tail[3:6]} {tail[6:]}", f"84{tail}"]


def _records(rng: random.Random) -> tuple[str, dict]:
    """A list of households asking for support, with personal data in several formats."""
    counts = {"CCCD": 0, "SĐT": 0, "EMAIL": 0, "NGÀY SINH": 0, "HỌ TÊN": 0}
    lines = ["DANH SÁCH HỘ ĐỀ NGHỊ HỖ TRỢ SỬA CHỮA NHÀ Ở NĂM 2026 (dữ liệu tập huấn, không phải người thật)", ""]
    phones = PHONES + OLD_PHONES
    for index in range(8):
        person = _person(rng, index)
        forms = _phone_forms(phones[index % len(phones)])
        phone = forms[index % len(forms)]
        sep = rng.choice(["/", "-"])
        birth = f"{person['day']:02d}{sep}{person['month']:02d}{sep}{person['year']}" if index % 2 else \
            f"{person['day']}/{person['month']}/{person['year']}"
        money = rng.choice([10, 15, 20, 25]) * 1_000_000
        line = (f"{index + 1}. {person['title']} {person['name']}, sinh ngày {birth}, CCCD {person['cccd']}, "
                f"điện thoại {phone}, thôn {rng.choice(VILLAGES)}. Đề nghị hỗ trợ {_money(money)} đồng.")
        counts["CCCD"] += 1
        counts["SĐT"] += 1
        counts["NGÀY SINH"] += 1
        counts["HỌ TÊN"] += 1
        if index % 3 == 0:
            user = person["name"].split()[-1].lower()
            user = unicodedata.normalize("NFD", user).encode("ascii", "ignore").decode() + str(person["year"])
            line += f" Email: {user}@gmail.com."
            counts["EMAIL"] += 1
        lines.append(line)
    lines += ["", "Danh sách kèm theo Tờ trình số 12/TTr-UBND ngày 20/01/2026; tổng kinh phí đề nghị "
                  "được tính theo mức hỗ trợ năm 2026."]
    return "\n".join(lines) + "\n", counts


def _csv(rows: list[dict], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")


def main() -> None:
    """Generate every file (same output for the same seed)."""
    rng = random.Random(SEED)
    messages = _scam_messages(rng)
    rng.shuffle(messages)
    for number, message in enumerate(messages, start=1):
        message["ma"] = f"T{number:02d}"
    public = ["ma", "kenh", "nguoi_gui", "noi_dung"]
    _write(EXERCISE / "tin_nhan.csv", _csv([{k: m[k] for k in public} for m in messages], public))
    _write(EXERCISE / "dau_hieu.csv", _csv([{"ma": c, "dau_hieu": t} for c, t in SIGNS], ["ma", "dau_hieu"]))
    _write(HERE / "dap_an_tin_nhan.csv",
           _csv([{k: m[k] for k in ("ma", "nhan", "dau_hieu", "loai")} for m in messages],
                ["ma", "nhan", "dau_hieu", "loai"]))
    records, counts = _records(rng)
    _write(EXERCISE / "ho_so_mau.txt", records)
    _write(HERE / "dap_an_ho_so.json", json.dumps(counts, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
