"""The ``ailab`` command line: lab, serve, doctor, check, course, …

Each feature registers its own sub-commands through the ``ailab.commands`` entry-point group in
pyproject.toml, so the learner library never imports the trainer package by name. A feature that fails
to load is a bug and surfaces as one.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import entry_points

COMMAND_GROUP = "ailab.commands"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ailab", description="Phòng thực hành AI cho cán bộ cấp xã")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for entry in sorted(entry_points(group=COMMAND_GROUP), key=lambda e: e.name):
        entry.load()(sub)
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
