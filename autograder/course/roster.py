"""Class roster: a CSV with columns ``id, ho_ten, don_vi, email`` (Excel's UTF-8 with BOM accepted)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ailab.text import nfc

COLUMNS = ("id", "ho_ten", "don_vi", "email")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Learner:
    id: str
    ho_ten: str
    don_vi: str = ""
    email: str = ""


class RosterError(ValueError):
    """A roster that cannot be used; the message is Vietnamese and says what to fix."""


def parse_roster(data: bytes) -> list[Learner]:
    """Learners from CSV bytes; raises RosterError listing every problem found."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError("Tệp danh sách học viên không phải UTF-8. Trong Excel hãy chọn "
                          "'Lưu thành… CSV UTF-8 (phân tách bằng dấu phẩy)'.") from error
    text = nfc(text)
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RosterError(f"Danh sách học viên thiếu cột: {', '.join(missing)}. "
                          f"Cần đủ các cột: {', '.join(COLUMNS)}.")
    reader.fieldnames = header
    learners, problems, seen = [], [], {}
    for line, row in enumerate(reader, start=2):
        values = {k: (row.get(k) or "").strip() for k in COLUMNS}
        if not any(values.values()):
            continue
        if not values["id"]:
            problems.append(f"dòng {line}: thiếu mã học viên (cột id)")
        elif not _ID.match(values["id"]):
            problems.append(f"dòng {line}: mã '{values['id']}' chỉ được gồm chữ không dấu, số, '.', '_', '-'")
        elif values["id"] in seen:
            problems.append(f"dòng {line}: mã '{values['id']}' trùng với dòng {seen[values['id']]}")
        else:
            seen[values["id"]] = line
        if not values["ho_ten"]:
            problems.append(f"dòng {line}: thiếu họ tên")
        learners.append(Learner(**values))
    if problems:
        raise RosterError("Danh sách học viên có lỗi:\n- " + "\n- ".join(problems))
    if not learners:
        raise RosterError("Danh sách học viên không có ai.")
    return learners


def read_roster(path: Path) -> list[Learner]:
    return parse_roster(Path(path).read_bytes())


def write_roster(learners: list[Learner], path: Path) -> None:
    """Write the normalised roster (UTF-8 with BOM so Excel opens Vietnamese correctly)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for learner in learners:
            writer.writerow([learner.id, learner.ho_ten, learner.don_vi, learner.email])


def split_name(ho_ten: str) -> tuple[str, str]:
    """(first_name, last_name) for nbgrader: Vietnamese given name is the last word."""
    parts = ho_ten.split()
    return (parts[-1], " ".join(parts[:-1])) if parts else ("", "")
