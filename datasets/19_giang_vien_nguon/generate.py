"""Generate the data of module 19 (trainer of trainers). Deterministic (seeded).

Writes:
- exercises/19_giang_vien_nguon/bang_diem.csv          (the class report's grades sheet, 20 synthetic officers)
- exercises/19_giang_vien_nguon/phan_tich_cau_hoi.csv  (the report's item analysis sheet)
- datasets/19_giang_vien_nguon/dap_an.json             (keys of Câu 1: trainer side only, never released)
- notebooks/data/19_danh_sach_lop.csv, 19_bai_nop.zip  (the lesson's simulated class: roster and submissions)
- notebooks/data/19_kiem_tra_truoc.txt, 19_kiem_tra_sau.txt (the class's answers to the kit's pre/post test)

The exercise's hidden tests hold the same keys; tests/modules/test_m19_giang_vien.py checks they agree.
Run from the repository root: python datasets/19_giang_vien_nguon/generate.py
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import bao_cao_lop  # noqa: E402
import lop_mo_phong  # noqa: E402

EXERCISE_DIR = ROOT / "exercises" / "19_giang_vien_nguon"
LESSON_DATA = ROOT / "notebooks" / "data"


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def main() -> dict:
    grades, items = bao_cao_lop.simulate()
    key = bao_cao_lop.answer_key(grades, items)
    write_csv(EXERCISE_DIR / "bang_diem.csv", grades)
    write_csv(EXERCISE_DIR / "phan_tich_cau_hoi.csv", items)
    (HERE / "dap_an.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (LESSON_DATA / "19_danh_sach_lop.csv").write_text(lop_mo_phong.roster_csv(), encoding="utf-8")
    (LESSON_DATA / "19_kiem_tra_truoc.txt").write_text(lop_mo_phong.pretest_lines("A", 191), encoding="utf-8")
    (LESSON_DATA / "19_kiem_tra_sau.txt").write_text(lop_mo_phong.pretest_lines("B", 192), encoding="utf-8")
    (LESSON_DATA / "19_bai_nop.zip").write_bytes(lop_mo_phong.class_zip())
    return key


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=1))
