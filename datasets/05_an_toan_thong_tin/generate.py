"""Write the module-05 exercise data: messages to classify (scam or safe) and a letter to mask before pasting it into AI.

Run: ``python datasets/05_an_toan_thong_tin/generate.py`` (deterministic: the same seed gives the same files).
Writes into ``exercises/05_an_toan_thong_tin/``: ``tin_nhan.csv``, ``dau_hieu.csv``, ``don_de_nghi.txt``.
Writes here (never copied to the exercise): ``dap_an_tin_nhan.csv`` (labels and accepted signs) and
``dap_an_don.json`` (what must be masked in ``don_de_nghi.txt`` and what must stay).
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
    ("A", "Đòi chuyển tiền, nạp tiền hoặc đóng phí trước vào tài khoản lạ"),
    ("B", "Gửi đường link lạ hoặc bảo cài ứng dụng không tải từ kho ứng dụng chính thức"),
    ("C", "Xin mã OTP, mật khẩu hoặc đòi quét khuôn mặt qua điện thoại"),
    ("D", "Đe dọa: sẽ cắt điện, khóa tài khoản, bị liên quan vụ án"),
    ("E", "Hứa quà tặng, tiền hỗ trợ, việc nhẹ lương cao"),
    ("K", "Không có dấu hiệu lừa đảo (tin an toàn)"),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Nam", "Phúc", "Sơn"]
VILLAGES = ["Đông", "Đoài", "Nam", "Bắc", "Thượng", "Trung", "Tiền Phong", "Hòa Bình"]


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _scam_messages(rng: random.Random) -> list[dict]:
    """Each message with its label and every warning sign it shows (7 scams, 7 safe messages)."""
    man = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    day = rng.randrange(10, 28)
    month = rng.choice([8, 9, 10])
    amount = rng.choice([85, 120, 150]) * 1_000_000
    return [
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng công an xã",
         "noi_dung": "Sau khi sáp nhập tỉnh, xã, ông bà bắt buộc cập nhật lại thông tin cư trú trên VNeID. "
                     "Tôi gửi qua Zalo đường link vneid-capnhat.online, ông bà cài ứng dụng theo link đó.",
         "nhan": "lừa đảo", "dau_hieu": "B", "loai": "giả danh công an, cập nhật VNeID"},
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng cán bộ điều tra",
         "noi_dung": "Số căn cước của bà liên quan đến một đường dây rửa tiền. Bà phải chuyển "
                     f"{_money(amount)} đồng vào tài khoản tạm giữ để chứng minh trong sạch, không được kể "
                     "với ai.",
         "nhan": "lừa đảo", "dau_hieu": "AD", "loai": "vụ án rửa tiền giả"},
        {"kenh": "Zalo", "nguoi_gui": "Tài khoản tên \"CSKH Điện lực\"",
         "noi_dung": "Quý khách còn nợ tiền điện tháng này, điện sẽ bị cắt trong 2 giờ tới. Tải ứng dụng "
                     "CSKH Điện lực tại diencskh-app.top để kiểm tra.",
         "nhan": "lừa đảo", "dau_hieu": "BD", "loai": "giả nhân viên điện lực"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Số lạ",
         "noi_dung": "Chúc mừng! Bạn được nhận 100.000 đồng hỗ trợ dịp 2/9. Cài VNeID theo đường link "
                     "nhanquavneid.top để nhận tiền.",
         "nhan": "lừa đảo", "dau_hieu": "BE", "loai": "quà tặng giả dịp 2/9"},
        {"kenh": "Facebook", "nguoi_gui": "Trang \"Việc làm tại nhà\"",
         "noi_dung": "Tuyển cộng tác viên thả tim, đánh giá sản phẩm tại nhà, thu nhập 500.000 đồng/ngày. "
                     "Nạp trước 2.000.000 đồng để mở nhiệm vụ, hoàn tiền kèm hoa hồng 30%.",
         "nhan": "lừa đảo", "dau_hieu": "AE", "loai": "việc nhẹ lương cao, làm nhiệm vụ"},
        {"kenh": "Cuộc gọi", "nguoi_gui": "Người tự xưng nhân viên ngân hàng",
         "noi_dung": "Tài khoản của anh sắp bị khóa vì chưa xác thực sinh trắc học. Anh đọc giúp em mã OTP "
                     "vừa gửi về máy để em mở khóa ngay.",
         "nhan": "lừa đảo", "dau_hieu": "CD", "loai": "xin mã OTP"},
        {"kenh": "Cuộc gọi video Zalo", "nguoi_gui": "Tài khoản giống con trai, hình mờ",
         "noi_dung": "Mẹ ơi con đang ở bệnh viện, mẹ chuyển gấp 20.000.000 đồng vào tài khoản của bạn con, "
                     "con không nói chuyện lâu được.",
         "nhan": "lừa đảo", "dau_hieu": "A", "loai": "cuộc gọi video giả người thân"},
        {"kenh": "Thông báo trên loa xã và trang của UBND xã", "nguoi_gui": "UBND xã",
         "noi_dung": "Người dân nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia dichvucong.gov.vn hoặc "
                     "đến Trung tâm Phục vụ hành chính công xã trong giờ hành chính. Cán bộ không thu bất "
                     "kỳ khoản phí nào qua điện thoại.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "thông báo của UBND xã"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Điện lực",
         "noi_dung": f"Tạm ngừng cấp điện để bảo dưỡng đường dây từ 7 giờ 30 đến 11 giờ 30 ngày {day}/{month}, "
                     f"khu vực thôn {rng.choice(VILLAGES)}. Mong quý khách thông cảm.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "lịch cắt điện bảo dưỡng"},
        {"kenh": "Giấy mời (bản giấy, có dấu)", "nguoi_gui": "UBND xã",
         "noi_dung": f"Mời ông {man} đến Trụ sở UBND xã lúc 8 giờ ngày {day}/{month}/2025 để tham gia buổi hòa "
                     "giải tranh chấp ranh giới đất với hộ liền kề.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "giấy mời hòa giải tranh chấp đất đai"},
        {"kenh": "Thông báo trên loa xã", "nguoi_gui": "Công an xã",
         "noi_dung": "Người dân không phải cập nhật lại thông tin cư trú trên VNeID sau khi sắp xếp đơn vị hành "
                     "chính. Không bấm đường link, không cài ứng dụng do người lạ gửi; chỉ tải VNeID từ kho "
                     "ứng dụng chính thức.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "cảnh báo của công an xã"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Bưu điện xã",
         "noi_dung": f"Bưu điện xã chi trả lương hưu, trợ cấp tháng {month} từ ngày 5 tại điểm Bưu điện văn hóa "
                     "xã, trong giờ hành chính. Người nhận mang theo thẻ căn cước.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "lịch chi trả lương hưu"},
        {"kenh": "Tin nhắn Zalo", "nguoi_gui": "Trạm Y tế xã",
         "noi_dung": f"Lịch tiêm chủng mở rộng cho trẻ dưới 1 tuổi: sáng ngày {day}/{month} tại Trạm Y tế xã. "
                     "Phụ huynh mang theo sổ tiêm chủng của trẻ.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "lịch tiêm chủng"},
        {"kenh": "Tin nhắn SMS", "nguoi_gui": "Số của con gái (đã lưu trong danh bạ)",
         "noi_dung": "Mẹ ơi chiều nay con về muộn, mẹ ăn cơm trước nhé.",
         "nhan": "an toàn", "dau_hieu": "K", "loai": "tin nhắn người thân"},
    ]


LETTER = """Kính gửi: Ủy ban nhân dân xã Đông Hòa.
Tôi tên là Phạm Thị Thanh Lan, sinh ngày 06/3/1980, số định danh cá nhân 038180012345, điện thoại 0912 345 678, \
email lan.pham80@gmail.com, ở số nhà 25, ngõ 3, thôn Bắc.
Cơn bão vừa qua làm tốc mái và đổ tường bếp nhà tôi. Chồng tôi là Lê Văn Hùng đang điều trị bệnh lao phổi nên \
gia đình không đủ tiền sửa chữa.
Tôi đề nghị Ủy ban nhân dân xã xem xét hỗ trợ 15.000.000 đồng để sửa lại mái nhà và tường bếp.
Tôi xin cam đoan những thông tin trên là đúng sự thật.
"""
# What must go before the letter is pasted into a public AI tool (description -> ways it may still show),
# and what must stay so the AI can still do the job. The lab's patterns see the first five, not the rest.
LETTER_KEY = {
    "personal": {
        "họ tên người viết đơn": ["Phạm Thị Thanh Lan", "Thanh Lan"],
        "ngày sinh": ["06/3/1980", "6/3/1980", "06/03/1980"],
        "số định danh cá nhân": ["038180012345"],
        "số điện thoại": ["0912345678"],
        "email": ["lan.pham80@gmail.com", "lan.pham80"],
        "địa chỉ chi tiết (số nhà, ngõ)": ["số nhà 25", "ngõ 3"],
        "họ tên người thân": ["Lê Văn Hùng", "Văn Hùng"],
        "bệnh của người thân (dữ liệu sức khỏe)": ["lao phổi", "bệnh lao"],
    },
    "keep": {
        "số tiền đề nghị": ["15.000.000", "15 triệu", "mười lăm triệu"],
        "nguyên nhân (bão)": ["bão"],
        "việc cần sửa (mái nhà, tường bếp)": ["mái", "tường"],
    },
}


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
    _write(EXERCISE / "don_de_nghi.txt", LETTER)
    _write(HERE / "dap_an_don.json", json.dumps(LETTER_KEY, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
