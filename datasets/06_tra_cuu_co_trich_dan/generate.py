"""Generate the sources and the prepared answers of module 06 (cited lookup). Deterministic (seeded).

Writes:
- exercises/06_tra_cuu_co_trich_dan/ND30.md, Phuluc1.md        (the decree and its Phụ lục I, official text)
- exercises/06_tra_cuu_co_trich_dan/thu_tuc_xa.md              (synthetic commune guide, xã Vân Khê Thượng)
- exercises/06_tra_cuu_co_trich_dan/cau_tra_loi_can_danh_gia.json  (8 prepared answers to judge, no labels)
- exercises/06_tra_cuu_co_trich_dan/trich_dan_de_chon.json     (4 questions × 4 candidate quotes, no key)
- notebooks/data/06_nd30.md, 06_phu_luc_1.md, 06_thu_tuc_xa.md (the lesson's sources, xã Sơn Thủy Hạ)

The answer keys are printed and returned by ``answer_key`` (trainer side); the exercise's hidden tests hold
the same keys, and tests/modules/test_m06_tra_cuu.py checks they agree. Run from the repository root:
python datasets/06_tra_cuu_co_trich_dan/generate.py
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from items import CHOICE_ITEMS, JUDGE_ITEMS  # noqa: E402
from procedures import procedures_text  # noqa: E402

EXERCISE_DIR = ROOT / "exercises" / "06_tra_cuu_co_trich_dan"
LESSON_DATA = ROOT / "notebooks" / "data"
OFFICIAL = ROOT / "tests" / "data" / "nd30_official"
SEED = 2026
LESSON_SEED = 1507
LETTERS = "ABCD"


def judged_answers(seed: int) -> tuple[list[dict], list[str]]:
    """The prepared answers in a seeded order, and their labels (A right, B not verbatim, C wrong passage,
    D should have refused)."""
    items = list(JUDGE_ITEMS)
    random.Random(seed).shuffle(items)
    shown = [{"so": n, "cau_hoi": i["question"], "tra_loi": i["answer"],
              "trich_dan": {"nguon": i["source"], "nguyen_van": i["quote"]}} for n, i in enumerate(items, 1)]
    return shown, [i["label"] for i in items]


def citation_choices(seed: int) -> tuple[list[dict], list[str]]:
    """Each question with four candidate quotes; the right one lands on a different letter each time."""
    rng = random.Random(seed + 1)
    positions = list(range(4))
    rng.shuffle(positions)
    shown, key = [], []
    for item, position in zip(CHOICE_ITEMS, positions, strict=True):
        options = list(item["distractors"])
        rng.shuffle(options)
        options.insert(position, item["right"])
        shown.append({"cau_hoi": item["question"],
                      "lua_chon": {LETTERS[k]: {"nguon": s, "nguyen_van": q} for k, (s, q) in enumerate(options)}})
        key.append(LETTERS[position])
    return shown, key


def answer_key(seed: int = SEED) -> dict:
    """The keys the hidden tests hold: labels of the judged answers and letters of the right quotes."""
    return {"danh_gia": judged_answers(seed)[1], "chon_trich_dan": citation_choices(seed)[1]}


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    EXERCISE_DIR.mkdir(parents=True, exist_ok=True)
    for name, targets in (("ND30.md", [EXERCISE_DIR / "ND30.md", LESSON_DATA / "06_nd30.md"]),
                          ("Phuluc1.md", [EXERCISE_DIR / "Phuluc1.md", LESSON_DATA / "06_phu_luc_1.md"])):
        text = unicodedata.normalize("NFC", (OFFICIAL / name).read_text(encoding="utf-8"))  # a few letters are NFD
        for target in targets:
            target.write_text(text, encoding="utf-8")
    (EXERCISE_DIR / "thu_tuc_xa.md").write_text(procedures_text("exercise", SEED), encoding="utf-8")
    (LESSON_DATA / "06_thu_tuc_xa.md").write_text(procedures_text("lesson", LESSON_SEED), encoding="utf-8")
    write_json(EXERCISE_DIR / "cau_tra_loi_can_danh_gia.json", judged_answers(SEED)[0])
    write_json(EXERCISE_DIR / "trich_dan_de_chon.json", citation_choices(SEED)[0])
    print("Đáp án (chỉ giảng viên):", json.dumps(answer_key(), ensure_ascii=False))


if __name__ == "__main__":
    main()
