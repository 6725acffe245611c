"""Time `ailab course grade` against plain sequential `nbgrader autograde` on the same class, in one run.

    python benchmarks/bench_course_grade.py --learners 8 --workers 2

Learners cycle through four kinds of real attempt for every exercise: correct (the source notebook),
partial (half the answers), wrong (the blank release copy) and broken (answers that raise at run
time). No attempt is a broken file, so no submission is settled by the pre-check: every one runs.
Both graders read the same nbgrader_config.py (same per-cell timeout and kernel limits); the scores
of both gradebooks are compared submission by submission. The last lines say what the measured
per-core throughput implies for the national cohort (180,000 submissions on 64 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = ("correct", "partial", "wrong", "broken")
BROKEN_ANSWER = "raise RuntimeError('bài làm lỗi khi chạy')"
COHORT, CORES = 180_000, 64


def _answers(nb: dict) -> dict[str, dict]:
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def submission(kind: str, source: dict, release: dict) -> str:
    """The notebook text a learner of this kind hands in."""
    if kind == "correct":
        return json.dumps(source)
    if kind == "wrong":
        return json.dumps(release)
    if kind == "broken":
        broken = json.loads(json.dumps(source))
        for cell in _answers(broken).values():
            if cell["cell_type"] == "code":
                cell["source"] = BROKEN_ANSWER
        return json.dumps(broken)
    mixed = json.loads(json.dumps(release))
    solved = _answers(source)
    for index, grade_id in enumerate(_answers(mixed)):
        if index % 2 == 0 and grade_id in solved:
            cell = next(c for c in mixed["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)
            cell["source"] = solved[grade_id]["source"]
    return json.dumps(mixed)


def run(command: list[str], cwd: Path | None = None) -> tuple[float, str]:
    """Seconds taken and what the command printed."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=False, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def build_class(root: Path, learners: int, exercises: Path) -> tuple[Path, list[str]]:
    course = root / "course"
    roster = root / "roster.csv"
    rows = "".join(f"hv{i:03d},Học Viên Số {i},Xã {i % 7},\n" for i in range(learners))
    roster.write_text("id,ho_ten,don_vi,email\n" + rows, encoding="utf-8")
    ailab = [sys.executable, "-m", "ailab.cli", "course"]
    subprocess.run([*ailab, "init", str(course), "--roster", str(roster), "--exercises", str(exercises)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*ailab, "release", str(course)], check=True, stdout=subprocess.DEVNULL)
    modules = sorted(p.name for p in (course / "release").iterdir())
    for module in modules:
        for notebook in (course / "release" / module).glob("*.ipynb"):
            source = json.loads((course / "source" / module / notebook.name).read_text(encoding="utf-8"))
            release = json.loads(notebook.read_text(encoding="utf-8"))
            for i in range(learners):
                target = course / "submitted" / f"hv{i:03d}" / module / notebook.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(submission(KINDS[i % len(KINDS)], source, release), encoding="utf-8")
    return course, modules


def scores(course: Path) -> dict[tuple[str, str], float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "ailab") as gb:
        return {(s.student_id, s.assignment.name): round(s.score, 6) for a in gb.assignments
                for s in gb.assignment_submissions(a.name)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--exercises", type=Path, default=REPO / "exercises")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_cham_") as tmp:
        root = Path(tmp)
        course, modules = build_class(root, args.learners, args.exercises)
        plain = root / "plain"
        shutil.copytree(course, plain)
        submissions = args.learners * len(modules)
        print(f"Lớp giả lập: {args.learners} học viên × {len(modules)} học phần = {submissions} bài nộp, "
              f"đều là bài làm thật (đúng, một nửa, sai, lỗi khi chạy); {os.cpu_count()} lõi CPU")
        ours, printed = run([sys.executable, "-m", "ailab.cli", "course", "grade", str(course),
                             "--workers", str(args.workers)])
        theirs = sum(run([sys.executable, "-m", "nbgrader", "autograde", module, "--force"], cwd=plain)[0]
                     for module in modules)
        writer = re.search(r"\(([\d.]+) s/bài\)", printed)
        status = (course / "reports" / "status.csv").read_text(encoding="utf-8").splitlines()[1:]
        counts = {kind: sum(f",{kind}," in line for line in status) for kind in ("graded", "failed", "missing")}
        isolation = sorted({line.rsplit(",", 1)[-1] for line in status} - {""})
        mine, reference = scores(course), scores(plain)
        same = sum(mine.get(key) == value for key, value in reference.items())
        print(f"ailab course grade --workers {args.workers}: {ours:.1f} s  ({ours / submissions:.2f} s/bài) "
              f"{counts}, cách ly: {', '.join(isolation) or '-'}")
        print(f"nbgrader autograde (tuần tự):  {theirs:.1f} s  ({theirs / submissions:.2f} s/bài)")
        print(f"Tỉ lệ nhanh hơn: {theirs / ours:.2f}×   Điểm giống nbgrader: {same}/{len(reference)} bài")
        per_core = submissions / (ours * args.workers)
        hours = COHORT / (per_core * CORES) / 3600
        print(f"Thông lượng: {per_core:.2f} bài/giây/lõi ({per_core * 3600:.0f} bài/giờ/lõi) → "
              f"{COHORT:,} bài trên {CORES} lõi: khoảng {hours:.2f} giờ (mục tiêu ≤ 1 giờ)")
        if writer:
            seconds = float(writer.group(1))
            print(f"Tiến trình ghi sổ điểm của lớp: {seconds:.3f} s/bài → {3600 / max(seconds, 1e-9):,.0f} bài/giờ "
                  f"(SQLite, trên máy này); nếu cả {COHORT:,} bài chung một sổ điểm: khoảng "
                  f"{COHORT * seconds / 3600:.2f} giờ, còn mỗi lớp một sổ thì các tiến trình ghi chạy song song")
    return 0


if __name__ == "__main__":
    sys.exit(main())
