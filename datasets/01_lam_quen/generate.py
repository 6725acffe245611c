"""Write the module-01 exercise data: two source texts and two AI answers with planted invented sentences.

Run: ``python datasets/01_lam_quen/generate.py`` (deterministic: the same seed gives the same files).
Writes into ``exercises/01_lam_quen/`` the files a learner receives, and the answer key
``datasets/01_lam_quen/dap_an.json`` (never copied to the exercise folder).
"""

from __future__ import annotations

import json
import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path

SEED = 2026_01
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXERCISE = REPO / "exercises" / "01_lam_quen"

COMMUNES = ["Đông Hòa", "Tân Lập", "Hưng Thịnh", "Phú Mỹ", "Yên Sơn", "Quảng Phú"]
VILLAGES = ["Đông", "Đoài", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Tiền Phong"]


def _d(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def task_a(rng: random.Random) -> tuple[str, list[str], list[int], dict[int, str]]:
    """Rabies vaccination notice; the AI answer changes a date, invents a rule and a legal basis."""
    commune = rng.choice(COMMUNES)
    villages = rng.sample(VILLAGES, 3)
    start = date(2026, 3, 1) + timedelta(days=rng.randrange(0, 20))
    end = start + timedelta(days=rng.choice([2, 3, 4]))
    wrong_end = end + timedelta(days=rng.choice([5, 7, 10]))
    fee = rng.choice([30_000, 35_000, 40_000])
    animals = rng.randrange(900, 1500, 10)
    source = (
        f"UBND xã {commune} thông báo lịch tiêm phòng bệnh dại cho chó, mèo năm 2026 như sau.\n"
        f"Thời gian: từ ngày {_d(start)} đến ngày {_d(end)}, buổi sáng từ 7 giờ 30 đến 11 giờ.\n"
        f"Địa điểm: nhà văn hóa các thôn {villages[0]}, {villages[1]} và {villages[2]}.\n"
        f"Phí tiêm: {_money(fee)} đồng/con, do chủ vật nuôi chi trả.\n"
        "Chủ vật nuôi mang theo sổ theo dõi tiêm phòng (nếu có) và giữ chó, mèo bằng dây xích hoặc lồng.\n"
        f"Dự kiến tiêm cho khoảng {_money(animals)} con chó, mèo trên địa bàn xã.\n"
        "Mọi thắc mắc xin liên hệ Phòng Kinh tế UBND xã trong giờ hành chính.\n"
    )
    sentences = [
        f"UBND xã {commune} tổ chức tiêm phòng bệnh dại cho chó, mèo năm 2026.",
        f"Đợt tiêm kéo dài từ ngày {_d(start)} đến ngày {_d(wrong_end)}.",
        "Mỗi buổi tiêm kéo dài đến 11 giờ 30.",
        f"Điểm tiêm đặt tại nhà văn hóa các thôn {villages[0]}, {villages[1]} và {villages[2]}.",
        "Theo quyết định của UBND tỉnh, mỗi con chó, mèo được tiêm miễn phí.",
        "Chủ vật nuôi cần giữ chó, mèo bằng dây xích hoặc lồng khi đưa đi tiêm.",
        "Chủ vật nuôi phải mang theo căn cước và giấy chứng nhận sức khỏe của vật nuôi.",
        f"Xã dự kiến tiêm cho khoảng {_money(animals)} con chó, mèo.",
    ]
    planted = {2: "sai ngày kết thúc", 3: "sai giờ kết thúc (11 giờ, không phải 11 giờ 30)",
               5: "bịa căn cứ và sai phí (nguồn: có thu phí)",
               7: "bịa yêu cầu giấy tờ không có trong nguồn"}
    return source, sentences, sorted(planted), planted


def task_b(rng: random.Random) -> tuple[str, list[str], list[int], dict[int, str]]:
    """Quarterly report of the commune's public-service centre; the AI answer changes and invents figures."""
    commune = rng.choice(COMMUNES)
    total = rng.randrange(1800, 2600)
    online = round(total * rng.uniform(0.70, 0.85))
    rate = online / total * 100
    late = rng.randrange(5, 15)
    on_time = total - late
    civil = round(total * rng.uniform(0.35, 0.45))
    staff = rng.choice([5, 6, 7])
    source = (
        f"Báo cáo nhanh kết quả giải quyết thủ tục hành chính quý III năm 2025 của Trung tâm Phục vụ hành chính "
        f"công xã {commune}.\n"
        f"Trong quý, Trung tâm tiếp nhận {_money(total)} hồ sơ, trong đó {_money(online)} hồ sơ nộp trực tuyến "
        f"(đạt {_comma(rate)}%).\n"
        f"Đã giải quyết đúng hạn và trước hạn {_money(on_time)} hồ sơ; {late} hồ sơ trễ hạn, chủ yếu do phải "
        "xác minh thêm thông tin.\n"
        f"Lĩnh vực hộ tịch có nhiều hồ sơ nhất với {_money(civil)} hồ sơ.\n"
        f"Trung tâm hiện có {staff} công chức làm việc thường xuyên.\n"
        "Quý IV, Trung tâm tiếp tục hướng dẫn người dân nộp hồ sơ trực tuyến.\n"
    )
    sentences = [
        f"Trong quý III năm 2025, Trung tâm tiếp nhận {_money(total)} hồ sơ.",
        f"Có {_money(online)} hồ sơ nộp trực tuyến, chiếm {_comma(rate + rng.choice([6, 8, 9]))}%.",
        f"Số hồ sơ được giải quyết đúng hạn và trước hạn là {_money(on_time)}.",
        f"Chỉ có {late} hồ sơ bị trễ hạn.",
        f"Lĩnh vực hộ tịch có nhiều hồ sơ nhất với {_money(civil)} hồ sơ.",
        "Nhờ kết quả này, xã đứng đầu tỉnh về Chỉ số phục vụ người dân, doanh nghiệp.",
        f"Trung tâm hiện có {staff + 2} công chức làm việc thường xuyên.",
        "Các hồ sơ trễ hạn là do phần mềm một cửa điện tử bị lỗi.",
    ]
    planted = {2: "sai tỷ lệ trực tuyến", 6: "bịa thành tích không có trong nguồn",
               7: "sai số công chức", 8: "sai nguyên nhân trễ hạn"}
    return source, sentences, sorted(planted), planted


def _numbered(sentences: list[str]) -> str:
    return "".join(f"[{i}] {s}\n" for i, s in enumerate(sentences, start=1))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")


def main() -> None:
    """Generate every file (same output for the same seed)."""
    rng = random.Random(SEED)
    key = {}
    for name, build in (("A", task_a), ("B", task_b)):
        source, sentences, planted, reasons = build(rng)
        _write(EXERCISE / f"nguon_{name}.txt", source)
        _write(EXERCISE / f"tra_loi_ai_{name}.txt", _numbered(sentences))
        key[name] = {"so_cau": len(sentences), "cau_bia": planted,
                     "ly_do": {str(k): v for k, v in reasons.items()}}
    _write(HERE / "dap_an.json", json.dumps(key, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
