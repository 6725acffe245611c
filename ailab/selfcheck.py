"""``ailab check NOTEBOOK`` and the self-check button, whose code lives in ``autograder.notebook.selfcheck``.

Exercises call ``from ailab.selfcheck import self_check_button``; names are looked up lazily so the
command line starts without importing nbformat or nbgrader.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.notebook import selfcheck as _core

CHECK_TIMEOUT = _core.CHECK_TIMEOUT
NOT_DONE = _core.NOT_DONE
PartResult = _core.PartResult
format_results = _core.format_results
run_self_check = _core.run_self_check
self_check_button = _core.self_check_button
visible_tests_notebook = _core.visible_tests_notebook


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.notebook)
    if not path.exists() or path.suffix != ".ipynb":
        print(f"Không tìm thấy notebook {path}", file=sys.stderr)
        return 2
    import nbformat

    try:
        results = run_self_check(path, timeout=args.timeout)
    except (nbformat.reader.NotJSONError, ValueError) as error:
        print(f"Tệp {path} không phải notebook hợp lệ ({error.__class__.__name__}).", file=sys.stderr)
        return 2
    print(format_results(results))
    from ailab.progress import record_result

    record_result(path, results)
    return 0 if results and all(r.passed for r in results) else 1


def register(sub) -> None:
    """``ailab check NOTEBOOK``."""
    parser = sub.add_parser("check", help="Tự kiểm tra một bài tập (chỉ bài kiểm tra công khai)")
    parser.add_argument("notebook", help="tệp .ipynb đã lưu")
    parser.add_argument("--timeout", type=int, default=CHECK_TIMEOUT, help="giới hạn giây cho mỗi ô")
    parser.set_defaults(handler=cmd_check)
