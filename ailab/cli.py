"""The ``ailab`` command line: lab, serve, doctor, check, course."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ailab", description="Phòng thực hành AI cho cán bộ cấp xã")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    # Each feature registers its own sub-commands; a missing feature leaves the rest usable.
    for module_name in ("ailab.cli_core", "ailab.selfcheck", "autograder.course.cli"):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ImportError:
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
