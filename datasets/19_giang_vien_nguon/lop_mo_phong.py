"""A simulated class for the lesson: a roster of 12 synthetic officers and their submissions of exercises 01 and 05.

Each submission is built from the exercise's trainer source: the released form of every answer cell (the
text before ``### BEGIN SOLUTION``), the solution, or a typical mistake; hidden tests are removed, as in a
released copy. One learner hands in the blank copy, one hands in a broken file, one does not hand in 05.
"""

from __future__ import annotations

import copy
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path

from autograder.checks.masking import mask_personal_data

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("01_lam_quen", "05_an_toan_thong_tin")
_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n?", re.S)
ROSTER = (
    ("HV01", "Nguyễn Thị Minh", "Văn phòng HĐND và UBND"), ("HV02", "Trần Văn Bảo", "Phòng Kinh tế"),
    ("HV03", "Lê Thị Hồng", "Phòng Văn hóa – Xã hội"), ("HV04", "Phạm Văn Tài", "Trung tâm Phục vụ hành chính công"),
    ("HV05", "Hoàng Thị Ngọc", "Văn phòng HĐND và UBND"), ("HV06", "Vũ Văn Hải", "Phòng Kinh tế"),
    ("HV07", "Đặng Thị Loan", "Phòng Văn hóa – Xã hội"), ("HV08", "Bùi Văn Kiên", "Trung tâm Phục vụ hành chính công"),
    ("HV09", "Đỗ Thị Huyền", "Văn phòng HĐND và UBND"), ("HV10", "Ngô Văn Toàn", "Phòng Kinh tế"),
    ("HV11", "Dương Thị Liên", "Phòng Văn hóa – Xã hội"), ("HV12", "Lý Văn Đức", "Trung tâm Phục vụ hành chính công"),
)


def wrong_answers() -> dict[str, str]:
    """Answer cell id -> a typical mistake a commune officer makes in that part."""
    letter = (ROOT / "exercises" / "05_an_toan_thong_tin" / "don_de_nghi.txt").read_text(encoding="utf-8")
    return {
        "m01-cau-1-tra-loi": 'phan_chua_hop = {"A": "bối cảnh", "B": "giới hạn", "C": "nhiệm vụ", "D": "vai trò", '
                             '"E": "định dạng"}\n',
        "m01-cau-2-tra-loi": 'cau_lenh = """Viết thông báo tiêm phòng dại cho chó mèo."""\n',
        "m01-cau-3-tra-loi": "cau_bia_A = [1, 2, 3, 4, 5, 6, 7]\n",
        "m01-cau-4-tra-loi": "cau_bia_B = [2, 6]\n",
        "m05-cau-1-tra-loi": 'khong_duoc_gui = ["a", "d"]\n',
        # The commonest mistake of all: trusting the machine's first pass and sending it as it is.
        "m05-cau-2-tra-loi": f'ban_da_che = """{mask_personal_data(letter).strip()}"""\n',
        "m05-cau-3-tra-loi": "phan_loai = {" + ", ".join(f'"T{n:02d}": ("lừa đảo", "A")' for n in range(1, 15)) + "}\n",
    }


# Learner -> {answer cell id: "sai" (typical mistake) | "trống" (left as released)}; every other cell solved.
PROFILES: dict[str, dict[str, str]] = {
    "HV01": {},
    "HV02": {"m05-cau-2-tra-loi": "sai"},
    "HV03": {"m01-cau-4-tra-loi": "sai", "m05-cau-2-tra-loi": "sai"},
    "HV04": {"m01-cau-2-tra-loi": "sai", "m05-cau-2-tra-loi": "sai", "m05-cau-3-tra-loi": "sai"},
    "HV05": {"m01-cau-4-tra-loi": "sai", "m05-cau-2-tra-loi": "sai"},
    "HV06": {"m01-cau-1-tra-loi": "sai", "m01-cau-4-tra-loi": "sai", "m05-cau-2-tra-loi": "sai"},
    "HV07": {"m01-cau-2-tra-loi": "trống", "m01-cau-3-tra-loi": "sai", "m01-cau-4-tra-loi": "trống"},
    "HV08": {"m05-cau-1-tra-loi": "sai", "m05-cau-2-tra-loi": "sai"},
    "HV09": {"m01-cau-4-tra-loi": "sai", "m05-cau-2-tra-loi": "sai", "m05-cau-3-tra-loi": "sai"},
    "HV10": {"m01-cau-2-tra-loi": "sai", "m01-cau-4-tra-loi": "sai", "m05-cau-2-tra-loi": "sai"},
    "HV11": {"m05-cau-2-tra-loi": "sai"},
    "HV12": {"m01-cau-1-tra-loi": "sai", "m01-cau-3-tra-loi": "sai"},
}
BLANK_COPY = ("HV07", "05_an_toan_thong_tin")      # handed in the released copy untouched
BROKEN_FILE = ("HV11", "05_an_toan_thong_tin")            # the file was cut off while copying from a phone
NOT_HANDED_IN = ("HV12", "05_an_toan_thong_tin")


def released_notebooks() -> dict[str, dict]:
    """The learner's copies of ``MODULES``, made by nbgrader exactly as ``ailab course release`` makes them."""
    from autograder.course.workspace import init_course, release_modules

    with tempfile.TemporaryDirectory() as folder:
        course = Path(folder) / "lop"
        init_course(course, ROOT / "exercises")
        release_modules(course, list(MODULES))
        return {m: json.loads((course / "release" / m / f"{m}.ipynb").read_text(encoding="utf-8")) for m in MODULES}


def submission(released: dict, module: str, profile: dict[str, str], blank: bool = False) -> dict:
    """One learner's notebook: the released copy with every answer cell solved unless ``profile`` says otherwise."""
    source = json.loads((ROOT / "exercises" / module / f"{module}.ipynb").read_text(encoding="utf-8"))
    solutions = {cell["metadata"]["nbgrader"]["grade_id"]: _SOLUTION.search("".join(cell["source"]))
                 for cell in source["cells"] if cell.get("metadata", {}).get("nbgrader", {}).get("solution")}
    notebook = copy.deepcopy(released[module])
    mistakes = wrong_answers()
    for cell in notebook["cells"]:
        cell_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if blank or not solutions.get(cell_id) or profile.get(cell_id) == "trống":
            continue
        if profile.get(cell_id) == "sai" and cell_id in mistakes:
            cell["source"] = mistakes[cell_id]
        else:
            cell["source"] = solutions[cell_id].group(1)
    return notebook


def class_zip() -> bytes:
    """The zip the trainer receives: one folder per learner, some files named <id>_<notebook> instead."""
    released = released_notebooks()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (learner, _, _) in enumerate(ROSTER):
            for module in MODULES:
                if (learner, module) == NOT_HANDED_IN:
                    continue
                name = f"bai_nop/{learner}/{module}.ipynb" if number % 3 else f"bai_nop/{learner}_{module}.ipynb"
                info = zipfile.ZipInfo(name, date_time=(2026, 3, 20, 16, number, 0))
                text = json.dumps(submission(released, module, PROFILES[learner], (learner, module) == BLANK_COPY),
                                  ensure_ascii=False, indent=1)
                if (learner, module) == BROKEN_FILE:
                    text = text[: len(text) // 3]
                archive.writestr(info, text)
    return buffer.getvalue()


def roster_csv() -> str:
    """The roster in the columns ``ailab course init --roster`` reads."""
    rows = ["id,ho_ten,don_vi,email"]
    rows += [f"{learner},{name},{unit} xã Đông Hòa," for learner, name, unit in ROSTER]
    return "\n".join(rows) + "\n"


def pretest_lines(form: str, seed: int) -> str:
    """Answers of the class to one form of the kit's pre/post test, ``<id> <form> <ten letters>`` per line.

    Before the workshop (form A) learners miss about half the questions; after it (form B) about one in five.
    """
    import random

    from autograder.kit.pretest import LETTERS, load_forms

    rng = random.Random(seed)
    questions = load_forms()[form]
    miss = 0.5 if form == "A" else 0.2
    lines = []
    for learner, _, _ in ROSTER:
        letters = [rng.choice([c for c in LETTERS if c != q.answer]) if rng.random() < miss else q.answer
                   for q in questions]
        lines.append(f"{learner} {form} {''.join(letters)}")
    return "\n".join(lines) + "\n"
