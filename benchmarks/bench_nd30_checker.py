"""Throughput of the Nghị định 30 checker, in documents per second (goal: ≥ 50/s).

Generates a set of .docx files (the compliant test fixtures, their styles-only twins and variants with
one rule broken, plus longer bodies) in a temporary folder, then times ``check_docx`` on each, reading
from disk every time. Usage: ``python benchmarks/bench_nd30_checker.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "nd30"))

import nd30_fixtures as fx  # noqa: E402

from autograder.nd30 import check_docx  # noqa: E402


def generate(folder: Path) -> list[Path]:
    """Write the benchmark documents and return their paths."""
    paths = []
    for number in range(40):
        builder = fx.build_ke_hoach if number % 2 == 0 else fx.build_cong_van
        document = builder(styled=number % 4 in (2, 3))
        if number % 5 == 1:
            document.sections[0].left_margin = Mm(25)
        if number % 5 == 2:
            fx.find(document, "CHỦ TỊCH").runs[0].font.size = Pt(12)
        for _ in range(number % 8):  # longer bodies: up to 7 × 3 more paragraphs
            for text in fx.BODY:
                paragraph = document.add_paragraph(text)
                paragraph.paragraph_format.first_line_indent = Mm(12.7)
        path = folder / f"van_ban_{number:02d}.docx"
        document.save(path)
        paths.append(path)
    return paths


def main() -> None:
    """Print documents per second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp))
        check_docx(paths[0])  # warm-up: imports and regex compilation
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(args.rounds):
            for path in paths:
                check_docx(path)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    total = len(paths) * args.rounds
    print(f"{total} văn bản trong {elapsed:.2f} s: {total / elapsed:.0f} văn bản/giây "
          f"({1000 * elapsed / total:.1f} ms mỗi văn bản; theo thời gian CPU: {total / cpu:.0f} văn bản/giây)")
    decree = ROOT / "tests" / "data" / "nd30_official" / "30_2020_ND_CP.docx"
    if decree.exists():
        start = time.perf_counter()
        for _ in range(10):
            check_docx(decree)
        print(f"Nghị định 30 (327 khối, 57 KB): {1000 * (time.perf_counter() - start) / 10:.1f} ms mỗi lần")


if __name__ == "__main__":
    main()
