"""Generate the synthetic resident lists of module 08 (làm sạch dữ liệu), with planted problems.

Run from the repo root: ``python datasets/08_lam_sach_du_lieu/generate.py``. Seeded, so every run writes the
same files. Writes the exercise's raw list, the lesson's sample and the answer keys (``dap_an*.csv``, trainer
side: they stay in this folder). Nobody here is real: names are drawn from common family, middle and given
names; numbers are random; the commune and the old district are invented.
"""

from __future__ import annotations

import csv
import random
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
REFERENCE = date(2025, 11, 15)  # the day the list was compiled (after the 01/07/2025 reform)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai"]
MIDDLE = {"Nam": ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Công"],
          "Nữ": ["Thị", "Ngọc", "Thu", "Hồng", "Kim", "Thanh", "Minh", "Bích"]}
GIVEN = {"Nam": ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quý",
                 "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Hiếu", "Lộc"],
         "Nữ": ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
                "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Tuyết", "Yến", "Loan"]}
VILLAGES = ["Đồng Tâm", "Bãi Sậy", "Tân Lập", "Cầu Gỗ", "Gò Mít", "Đông Phong", "Lạc Trung", "Núi Đỏ"]
PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059", "070", "076", "077",
            "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094",
            "096", "097", "098"]
BIRTH_PROVINCES = ["025", "025", "025", "017", "026", "001", "019", "038", "079"]
SOURCES = ["Sổ theo dõi của thôn", "Tệp Excel của xã", "Phiếu khảo sát"]


def strip_marks(text: str) -> str:
    """Text without diacritics, as typed on a keyboard without Vietnamese input."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def make_person(rng: random.Random, sex: str, born: date, family: str | None = None) -> dict:
    """One resident: name, sex, birth date, ID number, phone."""
    name = f"{family or rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
    digit = (0 if born.year < 2000 else 2) + (sex == "Nữ")
    number = f"{rng.choice(BIRTH_PROVINCES)}{digit}{born.year % 100:02d}{rng.randrange(10**6):06d}"
    phone = rng.choice(PREFIXES) + f"{rng.randrange(10**7):07d}" if born.year < 2010 else ""
    return {"ho_ten": name, "gioi_tinh": sex, "ngay_sinh": born, "so_dinh_danh": number, "so_dien_thoai": phone}


def birth(rng: random.Random, low: int, high: int) -> date:
    start, end = date(low, 1, 1), date(min(high, 2024), 12, 31)
    return start + timedelta(days=rng.randrange((end - start).days))


def households(rng: random.Random, count: int) -> list[dict]:
    """Households of 1–5 people sharing an address; about one in four addresses still names the old district."""
    people, outdated = [], 0
    for number in range(1, count + 1):
        village = rng.choice(VILLAGES)
        address = f"thôn {village}, xã Vân Khê Thượng, tỉnh Đông Sơn"
        if rng.random() < 0.27:
            outdated += 1
            old_unit = ["huyện Khê Sơn", "Huyện Khê Sơn", "huyện Khê Sơn", "thị xã Sơn Đình"][outdated % 4]
            address = f"thôn {village}, xã Vân Khê, {old_unit}, tỉnh Đông Sơn"
        head_sex = rng.choice(["Nam", "Nam", "Nữ"])
        head = make_person(rng, head_sex, birth(rng, 1945, 1992))
        members = [head]
        if rng.random() < 0.75:
            other = "Nữ" if head_sex == "Nam" else "Nam"
            members.append(make_person(rng, other, birth(rng, head["ngay_sinh"].year - 5, head["ngay_sinh"].year + 5)))
        father = next((m for m in members if m["gioi_tinh"] == "Nam"), head)
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            year = head["ngay_sinh"].year
            members.append(make_person(rng, rng.choice(["Nam", "Nữ"]), birth(rng, year + 20, year + 38),
                                       family=father["ho_ten"].split()[0]))
        for member in members:
            member.update(ma_ho=f"H{number:03d}", dia_chi=address)
        people.extend(members)
    return people


def unique_people(rng: random.Random, people: list[dict], namesakes: int) -> list[dict]:
    """Drop people whose (name without marks, birth date) collides; add namesakes (same name, other person)."""
    seen, kept = set(), []
    for person in people:
        key = (strip_marks(person["ho_ten"]).lower(), person["ngay_sinh"])
        if key not in seen:
            seen.add(key)
            kept.append(person)
    for original in rng.sample([p for p in kept if p["so_dien_thoai"]], namesakes):
        twin = make_person(rng, original["gioi_tinh"], birth(rng, 1950, 2005))
        twin.update(ho_ten=original["ho_ten"], ma_ho=rng.choice(kept)["ma_ho"])
        twin["dia_chi"] = next(p["dia_chi"] for p in kept if p["ma_ho"] == twin["ma_ho"])
        kept.append(twin)
    return kept


def name_variant(rng: random.Random, name: str, kind: str) -> str:
    """A messy spelling of ``name``: upper, lower, extra spaces, NFD, mixed case or no diacritics."""
    if kind == "upper":
        return name.upper()
    if kind == "lower":
        return name.lower()
    if kind == "spaces":
        return "  " + "   ".join(name.split()) + " "
    if kind == "nfd":
        return unicodedata.normalize("NFD", name)
    if kind == "mixed":
        words = name.split()
        return " ".join(words[:-1]).lower() + " " + words[-1].upper()
    if kind == "plain":
        return strip_marks(name) if rng.random() < 0.6 else strip_marks(name).upper()
    return name


def date_text(rng: random.Random, born: date, kind: str | None = None) -> str:
    """The birth date in one of the formats found in commune lists."""
    kind = kind or rng.choices(["iso", "dmy", "dmy_short", "dmyy", "excel"], [35, 25, 10, 15, 15])[0]
    if kind == "iso":
        return born.isoformat()
    if kind == "dmy":
        return born.strftime("%d/%m/%Y")
    if kind == "dmy_short":
        return f"{born.day}/{born.month}/{born.year}"
    if kind == "dmyy":
        return f"{born.day}-{born.month}-{born.year % 100:02d}"
    return str((born - date(1899, 12, 30)).days)


def id_text(rng: random.Random, person: dict, kind: str) -> str:
    """The ID number as written: right, with separators, or with a planted error."""
    number = person["so_dinh_danh"]
    if kind == "spaces":
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    if kind == "dots":
        return f"{number[:3]}.{number[3:6]}.{number[6:]}"
    if kind == "lost_zeros":  # a spreadsheet read the column as a number
        return number.lstrip("0")
    if kind == "short":
        cut = rng.randrange(4, 12)
        return number[:cut] + number[cut + 1:]
    if kind == "long":
        cut = rng.randrange(4, 12)
        return number[:cut] + str(rng.randrange(10)) + number[cut:]
    if kind == "province":
        return rng.choice(["000", "003", "099", "065"]) + number[3:]
    if kind == "sex":
        digit = int(number[3])
        return number[:3] + str(digit + 1 if digit % 2 == 0 else digit - 1) + number[4:]
    if kind == "year":
        return number[:4] + f"{(int(number[4:6]) + rng.choice([1, 2, 10])) % 100:02d}" + number[6:]
    if kind == "blank":
        return ""
    return number


def phone_text(rng: random.Random, phone: str, kind: str) -> str:
    """The mobile number as written: canonical, +84, 84, dots, spaces, lost zero, or broken."""
    if not phone:
        return ""
    rest = phone[1:]
    forms = {
        "plus": f"+84 {rest[:3]} {rest[3:6]} {rest[6:]}", "84": "84" + rest, "0084": "0084" + rest,
        "dots": f"{phone[:4]}.{phone[4:7]}.{phone[7:]}", "spaces": f"{phone[:4]} {phone[4:7]} {phone[7:]}",
        "lost_zero": rest, "short": phone[:-1], "long": phone + str(rng.randrange(10)),
        "old_prefix": "01" + phone[2:],
    }
    return forms.get(kind, phone)


ID_KINDS = (["ok"] * 52 + ["spaces"] * 8 + ["dots"] * 4 + ["lost_zeros"] * 8 + ["short"] * 6 + ["long"] * 4
            + ["province"] * 5 + ["sex"] * 5 + ["year"] * 5 + ["blank"] * 3)
PHONE_KINDS = (["ok"] * 40 + ["plus"] * 10 + ["84"] * 6 + ["0084"] * 3 + ["dots"] * 12 + ["spaces"] * 10
               + ["lost_zero"] * 6 + ["short"] * 5 + ["long"] * 4 + ["old_prefix"] * 4)
NAME_KINDS = ["ok"] * 70 + ["upper"] * 8 + ["lower"] * 6 + ["spaces"] * 6 + ["nfd"] * 6 + ["mixed"] * 4
COPY_NAME_KINDS = ["plain"] * 40 + ["upper"] * 15 + ["nfd"] * 20 + ["spaces"] * 15 + ["lower"] * 10


def rows_of(rng: random.Random, people: list[dict], duplicated: int) -> list[dict]:
    """One row per person, plus 1–2 extra copies for ``duplicated`` people; shuffled, numbered."""
    old = [p for p in people if ", xã Vân Khê," in p["dia_chi"]]
    chosen = rng.sample(old, 3) + rng.sample([p for p in people if p not in old], duplicated - 3)
    # a few people known only from the survey, typed without diacritics: deleting such rows loses them
    survey_only = [id(p) for p in rng.sample([p for p in people if p not in chosen], 3)]
    rows = []
    for number, person in enumerate(people):
        person["ma_nguoi"] = f"N{number + 1:03d}"
        if id(person) in survey_only:
            rows.append(_row(rng, person, "plain", rng.choice(ID_KINDS), SOURCES[2]))
        else:
            rows.append(_row(rng, person, rng.choice(NAME_KINDS), rng.choice(ID_KINDS), SOURCES[rng.randrange(2)]))
    for order, person in enumerate(chosen):
        for _ in range(rng.choice([1, 1, 1, 1, 2])):
            kind = "plain" if order < 3 else rng.choice(COPY_NAME_KINDS)
            id_kind = rng.choice(["ok", "ok", "spaces", "blank", "lost_zeros"])
            rows.append(_row(rng, person, kind, id_kind, SOURCES[2] if kind == "plain" else SOURCES[1]))
    rng.shuffle(rows)
    for index, row in enumerate(rows, 1):
        row["ma_dong"] = f"D{index:03d}"
    return rows


def _row(rng: random.Random, person: dict, name_kind: str, id_kind: str, source: str) -> dict:
    address = person["dia_chi"]
    if name_kind == "plain":
        address = strip_marks(address)
    return {
        "ma_nguoi": person["ma_nguoi"], "ma_ho": person["ma_ho"],
        "ho_ten": name_variant(rng, person["ho_ten"], name_kind), "gioi_tinh": person["gioi_tinh"],
        "ngay_sinh": date_text(rng, person["ngay_sinh"]), "so_dinh_danh": id_text(rng, person, id_kind),
        "so_dien_thoai": phone_text(rng, person["so_dien_thoai"], rng.choice(PHONE_KINDS)),
        "dia_chi": address, "nguon": source,
    }


COLUMNS = ["ma_dong", "ma_ho", "ho_ten", "gioi_tinh", "ngay_sinh", "so_dinh_danh", "so_dien_thoai", "dia_chi",
           "nguon"]
KEY_COLUMNS = ["ma_dong", "ma_nguoi", "ho_ten_dung", "ngay_sinh_dung", "so_dinh_danh_dung", "so_dien_thoai_goc"]


def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_records(path: Path, rows: list[dict], columns: list[str]) -> None:
    """The resident list stored in NFC, and beside it the cells typed decomposed (NFD) that ``load_records`` restores.

    Files in the repository are NFC; the planted NFD spellings live as a list of (ma_dong, column), so
    the learner's table still holds them exactly where the generator put them.
    """
    from autograder.modules.m08_lam_sach_du_lieu import DECOMPOSED_SUFFIX

    decomposed = [(row["ma_dong"], column) for row in rows for column in columns
                  if unicodedata.normalize("NFC", row.get(column, "")) != row.get(column, "")]
    stored = [{key: unicodedata.normalize("NFC", value) if isinstance(value, str) else value
               for key, value in row.items()} for row in rows]
    write_csv(path, stored, columns)
    write_csv(path.with_name(path.stem + DECOMPOSED_SUFFIX), [{"ma_dong": i, "cot": c} for i, c in decomposed],
              ["ma_dong", "cot"])


def build(seed: int, household_count: int, duplicated: int, namesakes: int) -> tuple[list[dict], list[dict]]:
    """The raw rows and the key rows (the truth the generator planted) for one list."""
    rng = random.Random(seed)
    people = unique_people(rng, households(rng, household_count), namesakes)
    rows = sorted(rows_of(rng, people, duplicated), key=lambda r: r["ma_dong"])
    by_id = {p["ma_nguoi"]: p for p in people}
    keys = [{"ma_dong": r["ma_dong"], "ma_nguoi": r["ma_nguoi"], "ho_ten_dung": by_id[r["ma_nguoi"]]["ho_ten"],
             "ngay_sinh_dung": by_id[r["ma_nguoi"]]["ngay_sinh"].isoformat(),
             "so_dinh_danh_dung": by_id[r["ma_nguoi"]]["so_dinh_danh"],
             "so_dien_thoai_goc": by_id[r["ma_nguoi"]]["so_dien_thoai"]} for r in rows]
    return rows, keys


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from autograder.checks.records import PROVINCE_CODES

    from_repo = ROOT / "exercises" / "08_lam_sach_du_lieu"
    codes = [{"ma": code, "tinh": name} for code, name in PROVINCE_CODES.items()]
    write_csv(from_repo / "ma_tinh.csv", codes, ["ma", "tinh"])
    rows, keys = build(20251115, 52, 26, 2)
    write_records(from_repo / "du_lieu_dan_cu.csv", rows, COLUMNS)
    write_csv(HERE / "dap_an_bai_tap.csv", keys, KEY_COLUMNS)
    rows, keys = build(20250701, 14, 7, 1)
    write_records(ROOT / "notebooks" / "data" / "08_dan_cu_mau.csv", rows, COLUMNS)
    write_csv(HERE / "dap_an_bai_giang.csv", keys, KEY_COLUMNS)
    write_csv(ROOT / "notebooks" / "data" / "08_ma_tinh.csv", codes, ["ma", "tinh"])
    print(f"Đã ghi dữ liệu bài 08 vào {from_repo} và notebooks/data.")


if __name__ == "__main__":
    main()
