"""Generate the synthetic meeting transcripts of module 09 and their answer keys.

Deterministic (seeded: the residents' phone and ID numbers are drawn from ``random.Random(SEED)``). Writes:
- exercises/09_bien_ban_cuoc_hop/ghi_chep_giao_ban.txt  (exercise: giao ban of UBND xã Phú Lâm, 06/4/2026)
- notebooks/data/09_ghi_chep_hop_mau.txt                 (lesson: a shorter meeting of UBND xã Hòa Sơn)
- notebooks/data/09_bang_nhiem_vu_ai_mau.md               (lesson: a prepared "AI" task table with real failure modes)
- datasets/09_bien_ban_cuoc_hop/dap_an_nhiem_vu.json      (trainer's key; never copied to the exercise folder)

Everyone and every place is fictional. Run from the repository root: python datasets/09_bien_ban_cuoc_hop/generate.py
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EXERCISE = ROOT / "exercises" / "09_bien_ban_cuoc_hop" / "ghi_chep_giao_ban.txt"
LESSON = ROOT / "notebooks" / "data" / "09_ghi_chep_hop_mau.txt"
LESSON_AI_TABLE = ROOT / "notebooks" / "data" / "09_bang_nhiem_vu_ai_mau.md"
KEY = HERE / "dap_an_nhiem_vu.json"
SEED = 9


def _resident_numbers(rng: random.Random) -> dict[str, str]:
    """Fake phone and personal ID numbers in the real formats (FACTS §4): 10-digit mobile, 12-digit ID."""
    phone = "09" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    phone2 = "03" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    ident = "040" + "0" + "68" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return {"phone": f"{phone[:4]} {phone[4:7]} {phone[7:]}", "phone2": phone2, "id": ident}


HEADER = """GHI CHÉP CUỘC HỌP GIAO BAN ỦY BAN NHÂN DÂN XÃ PHÚ LÂM
(Ghi từ băng ghi âm, chưa biên tập.)
Thời gian: 7 giờ 30, thứ Hai, ngày 06/4/2026.
Địa điểm: Phòng họp tầng 2, trụ sở Ủy ban nhân dân xã Phú Lâm.
Chủ trì: ông Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân xã.
Thành phần: bà Trần Thị Mai, Phó Chủ tịch Ủy ban nhân dân xã; ông Lê Quang Huy, Phó Chủ tịch Ủy ban nhân dân xã, \
Giám đốc Trung tâm Phục vụ hành chính công xã; bà Phạm Thu Hà, Chánh Văn phòng HĐND và UBND xã; ông Vũ Đức Long, \
Trưởng phòng Kinh tế; ông Hoàng Văn Hùng, công chức địa chính Phòng Kinh tế; bà Ngô Thị Hồng, Trưởng phòng Văn \
hóa – Xã hội; ông Đặng Văn Toàn, Chỉ huy trưởng Ban Chỉ huy quân sự xã.
Người ghi: bà Đỗ Thị Lan, công chức Văn phòng HĐND và UBND xã.
"""

LINES = (
    "Chủ tịch Thành: Hôm nay giao ban tháng 4, có ba nội dung: cải cách hành chính, đất đai và an sinh xã hội, "
    "cuối cùng là công tác tuyển quân và các việc khác.",
    "Phó Chủ tịch Huy: Tháng 3 Trung tâm tiếp nhận 412 hồ sơ, tỷ lệ nộp trực tuyến mới đạt 71%, còn 3 hồ sơ "
    "trễ hạn.",
    "Chủ tịch Thành: Tỷ lệ này thấp so với yêu cầu của tỉnh. Trung tâm Phục vụ hành chính công phải đưa tỷ lệ "
    "nộp trực tuyến lên 80% trong tháng này, anh Huy theo dõi sát.",
    "Phó Chủ tịch Huy: Vâng, tôi nhận.",
    "Trưởng phòng Long: Về đất đai, tuần qua có đơn phản ánh lấn chiếm bãi sông thôn Đông.",
    "Công chức Hùng: Hộ ông Trịnh Văn Sáu, số điện thoại {phone}, số định danh cá nhân {id}, đổ đất lấn khoảng "
    "200 m2 bãi sông.",
    "Chủ tịch Thành: Anh Hùng bên địa chính lo việc này, trước thứ Sáu tuần sau báo cáo tôi kết quả kiểm tra "
    "hiện trạng.",
    "Trưởng phòng Long: Tôi đề xuất sang quý III mình tính chuyện làm lại sân vận động xã.",
    "Chủ tịch Thành: Việc sân vận động để sau bàn, hôm nay chưa giao ai.",
    "Chủ tịch Thành: Còn hội nghị đối thoại với nhân dân quý II, anh Long chuẩn bị nội dung, xong trước ngày "
    "20/4/2026.",
    "Trưởng phòng Hồng: Tuần trước phòng đã chi trả trợ cấp cho 312 đối tượng bảo trợ xã hội, không có sai sót.",
    "Trưởng phòng Hồng: Riêng cháu Lò Thị Na, con bà Lò Thị Pọm, đang điều trị ung thư ở bệnh viện tỉnh, gia "
    "đình xin xét hỗ trợ đột xuất.",
    "Chủ tịch Thành: Phòng Văn hóa – Xã hội, chị Hồng chủ trì rà soát danh sách hộ cận nghèo năm 2026, gửi Văn "
    "phòng trước ngày 15/4/2026.",
    "Phó Chủ tịch Mai: Giá phân bón tăng, bà con kêu nhiều, tôi thấy cũng đáng lo.",
    "Phó Chủ tịch Mai: Việc tiêm phòng đợt 1 cho đàn gia súc thì để tôi đôn đốc các thôn, xong trước ngày "
    "25/4/2026.",
    "Chủ tịch Thành: Được, chị Mai làm.",
    "Chỉ huy trưởng Toàn: Có nên mời thêm các trưởng thôn dự giao ban tháng sau không ạ?",
    "Chủ tịch Thành: Ý này hay, để tôi suy nghĩ thêm.",
    "Chủ tịch Thành: Đồng chí Toàn hoàn thành danh sách thanh niên sẵn sàng nhập ngũ, gửi tôi chậm nhất thứ Tư "
    "tuần này.",
    "Chỉ huy trưởng Toàn: Rõ.",
    "Chánh Văn phòng Hà: Báo cáo Chủ tịch, bà Đinh Thị Cúc ở thôn Tây, điện thoại {phone2}, gọi lên hỏi tiến "
    "độ giải quyết đơn của bà.",
    "Chủ tịch Thành: Chị Hà trả lời bà ấy theo đúng quy trình tiếp công dân.",
    "Trưởng phòng Long: Báo cáo Chủ tịch, từ ngày 13/4 đến 17/4 tôi đi tập huấn ở tỉnh.",
    "Chủ tịch Thành: Vậy việc chuẩn bị nội dung hội nghị đối thoại chuyển sang chị Hà bên Văn phòng, thời hạn "
    "vẫn là ngày 20/4/2026.",
    "Chủ tịch Thành: Chị Lan hoàn thiện biên bản, ngày mai gửi các đồng chí dự họp.",
    "Chủ tịch Thành: Cuộc họp kết thúc lúc 9 giờ 45 cùng ngày.",
)

# The key: final owner (name forms), deadline, verbatim anchors of the source sentence(s). T3 was reassigned.
KEY_TASKS = [
    {"code": "T1", "viec": "Đưa tỷ lệ hồ sơ nộp trực tuyến lên 80%", "owner_names": ["Huy", "Lê Quang Huy"],
     "deadline": "2026-04-30", "anchors": ["phải đưa tỷ lệ nộp trực tuyến lên 80% trong tháng này"]},
    {"code": "T2", "viec": "Kiểm tra hiện trạng lấn chiếm bãi sông thôn Đông", "owner_names": ["Hùng", "Hoàng Văn Hùng"],
     "deadline": "2026-04-17", "anchors": ["Anh Hùng bên địa chính lo việc này"]},
    {"code": "T3", "viec": "Chuẩn bị nội dung hội nghị đối thoại với nhân dân quý II",
     "owner_names": ["Hà", "Phạm Thu Hà"], "deadline": "2026-04-20",
     "anchors": ["anh Long chuẩn bị nội dung, xong trước ngày 20/4/2026",
                 "chuyển sang chị Hà bên Văn phòng"]},
    {"code": "T4", "viec": "Rà soát danh sách hộ cận nghèo năm 2026", "owner_names": ["Hồng", "Ngô Thị Hồng"],
     "deadline": "2026-04-15", "anchors": ["chị Hồng chủ trì rà soát danh sách hộ cận nghèo"]},
    {"code": "T5", "viec": "Đôn đốc tiêm phòng đợt 1 cho đàn gia súc", "owner_names": ["Mai", "Trần Thị Mai"],
     "deadline": "2026-04-25", "anchors": ["Việc tiêm phòng đợt 1 cho đàn gia súc"]},
    {"code": "T6", "viec": "Lập danh sách thanh niên sẵn sàng nhập ngũ", "owner_names": ["Toàn", "Đặng Văn Toàn"],
     "deadline": "2026-04-08", "anchors": ["Đồng chí Toàn hoàn thành danh sách thanh niên"]},
    {"code": "T7", "viec": "Trả lời bà Cúc theo quy trình tiếp công dân", "owner_names": ["Hà", "Phạm Thu Hà"],
     "deadline": None, "anchors": ["trả lời bà ấy theo đúng quy trình tiếp công dân"]},
    {"code": "T8", "viec": "Hoàn thiện và gửi biên bản", "owner_names": ["Lan", "Đỗ Thị Lan"],
     "deadline": "2026-04-07", "anchors": ["Chị Lan hoàn thiện biên bản"]},
]

LESSON_TEXT = """GHI CHÉP CUỘC HỌP ỦY BAN NHÂN DÂN XÃ HÒA SƠN VỀ CHUẨN BỊ MÙA MƯA BÃO
(Ghi từ băng ghi âm, chưa biên tập.)
Thời gian: 14 giờ 00, thứ Tư, ngày 08/4/2026.
Địa điểm: Phòng họp trụ sở Ủy ban nhân dân xã Hòa Sơn.
Chủ trì: ông Phan Văn Bình, Chủ tịch Ủy ban nhân dân xã.
Thành phần: bà Lương Thị Thu, Phó Chủ tịch Ủy ban nhân dân xã; ông Tạ Minh Đức, Trưởng phòng Kinh tế; \
bà Mạc Thị Yến, Chánh Văn phòng HĐND và UBND xã; ông Kiều Văn Nam, Chỉ huy trưởng Ban Chỉ huy quân sự xã.
Người ghi: bà Hứa Thị Ngọc, công chức Văn phòng HĐND và UBND xã.
01. Chủ tịch Bình: Hôm nay bàn chuẩn bị phòng, chống thiên tai mùa mưa bão năm 2026.
02. Trưởng phòng Đức: Kè thôn Bắc có hai đoạn sạt, dài khoảng 30 m.
03. Chủ tịch Bình: Anh Đức kiểm tra lại toàn bộ kè thôn Bắc, trước thứ Sáu tuần sau gửi tôi phương án xử lý.
04. Phó Chủ tịch Thu: Tôi nghĩ năm sau nên xin tỉnh kinh phí làm kè mới.
05. Chủ tịch Bình: Chuyện kè mới thì để sau, chưa bàn hôm nay.
06. Chủ tịch Bình: Anh Nam rà soát lực lượng dân quân ứng trực, xong trước ngày 20/4/2026.
07. Chỉ huy trưởng Nam: Báo cáo Chủ tịch, tuần sau tôi đi huấn luyện ở tỉnh.
08. Chủ tịch Bình: Vậy việc rà soát dân quân chuyển cho chị Thu, thời hạn vẫn là ngày 20/4/2026.
09. Chủ tịch Bình: Chị Yến dự thảo kế hoạch phòng, chống thiên tai của xã, trình tôi trong tháng này.
10. Chủ tịch Bình: Cuộc họp kết thúc lúc 16 giờ 00 cùng ngày.
"""

LESSON_AI_TABLE_TEXT = """| Nhiệm vụ | Người thực hiện | Thời hạn | Câu gốc |
|---|---|---|---|
| Kiểm tra kè thôn Bắc, gửi phương án xử lý | Ông Tạ Minh Đức | 10/4/2026 | "Anh Đức kiểm tra lại toàn bộ kè thôn Bắc, trước thứ Sáu tuần sau gửi tôi phương án xử lý." |
| Xin tỉnh kinh phí làm kè mới | Bà Lương Thị Thu | 31/12/2026 | "Năm sau nên xin tỉnh kinh phí làm kè mới." |
| Rà soát lực lượng dân quân ứng trực | Ông Kiều Văn Nam | 20/4/2026 | "Anh Nam rà soát lực lượng dân quân ứng trực, xong trước ngày 20/4/2026." |
| Dự thảo kế hoạch phòng, chống thiên tai | Bà Mạc Thị Yến | 30/4/2026 | "Chị Yến dự thảo kế hoạch phòng, chống thiên tai của xã, trình tôi trong tháng này." |
| Mua sắm áo phao, xuồng cứu hộ | Ông Kiều Văn Nam | 15/5/2026 | "Anh Nam mua bổ sung áo phao và xuồng cứu hộ trước ngày 15/5/2026." |
"""


def exercise_text(rng: random.Random) -> str:
    """The exercise transcript: header, then numbered lines (numbers let a learner name a line)."""
    numbers = _resident_numbers(rng)
    body = [f"{index:02d}. {line.format(**numbers)}" for index, line in enumerate(LINES, start=1)]
    return HEADER + "\n".join(body) + "\n"


def key_json() -> str:
    """The trainer's key: tasks, and the lines holding residents' personal data."""
    personal = [index for index, line in enumerate(LINES, start=1)
                if "{phone" in line or "{id}" in line or "ung thư" in line]
    data = {"ngay_hop": "2026-04-06", "bat_dau": "7 giờ 30", "ket_thuc": "9 giờ 45",
            "dong_du_lieu_ca_nhan": personal, "nhiem_vu": KEY_TASKS}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build() -> dict[Path, str]:
    """Every generated file and its text (NFC)."""
    rng = random.Random(SEED)
    files = {EXERCISE: exercise_text(rng), LESSON: LESSON_TEXT, LESSON_AI_TABLE: LESSON_AI_TABLE_TEXT,
             KEY: key_json()}
    return {path: unicodedata.normalize("NFC", text) for path, text in files.items()}


def main() -> None:
    for path, text in build().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print("Đã ghi", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
