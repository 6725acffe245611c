"""Generate the synthetic records of administrative files (hồ sơ TTHC) for module 04.

Deterministic (seeded). Writes:
- exercises/04_phan_tich_so_lieu/ho_so_tthc.csv   (exercise: xã Vân Khê Thượng, with planted issues)
- notebooks/data/04_ho_so_tthc_mau.csv             (lesson: xã Sơn Thủy Hạ, another seed, no planted issues)

Run from the repository root: python datasets/04_phan_tich_so_lieu/generate.py
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXERCISE_CSV = ROOT / "exercises" / "04_phan_tich_so_lieu" / "ho_so_tthc.csv"
LESSON_CSV = ROOT / "notebooks" / "data" / "04_ho_so_tthc_mau.csv"
FIELDS = ["ma_ho_so", "linh_vuc", "thu_tuc", "kenh_nop", "ngay_nhan", "ngay_hen_tra", "ngay_tra"]
START, END = date(2025, 7, 1), date(2025, 12, 31)

# (lĩnh vực, thủ tục, share of files, base online rate, working days to return, chance of a longer limit,
#  the longer limit). Same-day procedures move to the next working day when filed after 15:00 (FACTS §2).
PROCEDURES = [
    ("Hộ tịch", "Đăng ký khai sinh", 0.20, 0.74, 0, 0.25, 1),
    ("Hộ tịch", "Đăng ký kết hôn", 0.08, 0.66, 0, 0.15, 5),
    ("Hộ tịch", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", 0.03, 0.60, 3, 0.10, 8),
    ("Chứng thực", "Chứng thực bản sao từ bản chính", 0.675, 0.68, 0, 0.25, 1),
    # Synthetic limit: the legal time limit for adoption is not in our sourced facts.
    ("Nuôi con nuôi", "Đăng ký việc nuôi con nuôi trong nước", 0.015, 0.35, 20, 0.0, 20),
]


def add_working_days(day: date, count: int) -> date:
    """Move ``count`` working days (Monday–Friday; public holidays are not modelled)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def working_days(start: date, end: date) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def make_records(seed: int, prefix: str, per_day: tuple[int, int]) -> list[dict]:
    """One row per file, received on working days of 07–12/2025, with the data cut off on 31/12/2025."""
    rng = random.Random(seed)
    weights = [p[2] for p in PROCEDURES]
    rows = []
    for day in working_days(START, END):
        month_lift = (day.month - 7) * 0.025  # online filing grows month by month
        for seq in range(1, rng.randint(*per_day) + 1):
            field, procedure, _, online, limit, chance_long, long_limit = rng.choices(PROCEDURES, weights)[0]
            due = add_working_days(day, long_limit if rng.random() < chance_long else limit)
            late = rng.random() < 0.022
            returned = add_working_days(due, rng.randint(1, 3)) if late else due
            if not late and due > day and rng.random() < 0.3:
                returned = add_working_days(day, rng.randint(0, (due - day).days // 2))
            pending = returned > END or rng.random() < 0.003
            rows.append({
                "ma_ho_so": f"{prefix}-{day:%y%m%d}-{seq:04d}",
                "linh_vuc": field,
                "thu_tuc": procedure,
                "kenh_nop": "Trực tuyến" if rng.random() < min(online + month_lift, 0.97) else "Trực tiếp",
                "ngay_nhan": f"{day:%d/%m/%Y}",
                "ngay_hen_tra": f"{due:%d/%m/%Y}",
                "ngay_tra": "" if pending else f"{returned:%d/%m/%Y}",
            })
    return rows


def plant_issues(rows: list[dict], seed: int) -> list[dict]:
    """Planted issues: 9 files entered twice; 31 kenh_nop values with odd case or trailing spaces."""
    rng = random.Random(seed)
    for index in rng.sample(range(len(rows)), 31):
        rows[index]["kenh_nop"] = rng.choice([
            rows[index]["kenh_nop"].lower(), rows[index]["kenh_nop"] + " ", rows[index]["kenh_nop"].upper(),
        ])
    for index in sorted(rng.sample(range(len(rows)), 9), reverse=True):
        rows.insert(index + rng.randint(1, 5), dict(rows[index]))
    return rows


def write(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write(plant_issues(make_records(seed=20251231, prefix="VKT", per_day=(7, 14)), seed=4), EXERCISE_CSV)
    write(make_records(seed=20250701, prefix="STH", per_day=(4, 9)), LESSON_CSV)


if __name__ == "__main__":
    main()
