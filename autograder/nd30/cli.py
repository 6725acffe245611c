"""Command line: check .docx files and print a Vietnamese report (or JSON).

Exit status: 0 when no file has an error, 1 when some file has an error, 2 when some input cannot be
read (2 wins). Every file is processed even when one is broken.
"""

from __future__ import annotations

import argparse
import json
import sys

from autograder.nd30.checker import check_docx
from autograder.nd30.model import DocumentReadError
from autograder.nd30.report import SEVERITY_LABEL, Report


def build_parser() -> argparse.ArgumentParser:
    """Argument parser of the checker."""
    parser = argparse.ArgumentParser(
        prog="python -m autograder.nd30",
        description="Kiểm tra thể thức văn bản hành chính (.docx) theo Nghị định 30/2020/NĐ-CP.")
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .docx cần kiểm tra")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def render(report: Report) -> str:
    """Human-readable Vietnamese report of one file."""
    lines = [f"== {report.path}", report.summary()]
    for item in report.findings:
        where = f" [{item.where}]" if item.where else ""
        lines.append(f"  - {SEVERITY_LABEL.get(item.severity, item.severity)} ({item.rule}): {item.message}{where}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the checker on the files; return the exit status."""
    args = build_parser().parse_args(argv)
    reports: list[Report] = []
    unreadable = False
    for name in args.files:
        try:
            report = check_docx(name)
        except DocumentReadError as error:
            unreadable = True
            print(f"Lỗi: {error}", file=sys.stderr)
            continue
        except Exception as error:  # noqa: BLE001 - a learner must never see a traceback
            unreadable = True
            print(f"Lỗi: không kiểm tra được tệp “{name}” ({type(error).__name__}).", file=sys.stderr)
            continue
        reports.append(report)
        if not args.json:
            print(render(report))
            print()
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    if unreadable:
        return 2
    return 0 if all(r.ok for r in reports) else 1
