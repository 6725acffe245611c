"""``ailab kit …``: the trainer's printable workshop kit, pre/post test gain and feedback summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.kit.feedback import FeedbackError, parse_responses, summarise, summary_text
from autograder.kit.pretest import AnswerError, gain, gain_table, read_answers, write_gain_xlsx


def register(sub) -> None:
    """Add ``kit`` and its sub-commands to the ``ailab`` parser."""
    kit = sub.add_parser("kit", help="Giảng viên: tài liệu phát tay, lịch tập huấn, kiểm tra đầu vào/cuối khóa")
    commands = kit.add_subparsers(dest="kit_command", metavar="VIỆC")
    kit.set_defaults(handler=lambda args: (kit.print_help(), 0)[1])

    build = commands.add_parser("build", help="Tạo bộ tài liệu in (.docx và PDF) vào một thư mục")
    build.add_argument("out_dir", type=Path, help="thư mục ghi bộ tài liệu")
    build.add_argument("--khong-pdf", action="store_true", help="chỉ tạo .docx, không gọi LibreOffice")
    build.set_defaults(handler=cmd_build)

    progress = commands.add_parser("tien-bo", help="Tiến bộ giữa bài kiểm tra đầu vào và cuối khóa")
    progress.add_argument("truoc", type=Path, help="tệp câu trả lời đầu vào (JSON hoặc từng dòng)")
    progress.add_argument("sau", type=Path, help="tệp câu trả lời cuối khóa")
    progress.add_argument("--xlsx", type=Path, help="ghi thêm bảng tính Excel (học viên, năng lực)")
    progress.set_defaults(handler=cmd_progress)

    feedback = commands.add_parser("gop-y", help="Tổng hợp phiếu góp ý của học viên")
    feedback.add_argument("tep", type=Path, help="tệp phiếu góp ý (JSON hoặc từng dòng)")
    feedback.set_defaults(handler=cmd_feedback)


def cmd_build(args: argparse.Namespace) -> int:
    """Write the kit and say where it is (python-docx loads only for this command: ``ailab lab`` starts faster)."""
    from autograder.kit.build import build_kit

    result = build_kit(args.out_dir, pdf=not args.khong_pdf)
    print(f"Đã tạo {len(result.docx)} tệp .docx và {len(result.pdf)} tệp PDF trong “{args.out_dir}”.")
    if result.problem:
        print(result.problem, file=sys.stderr)
        return 1
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    """Print each learner's and the class's gain."""
    try:
        result = gain(read_answers(args.truoc), read_answers(args.sau))
    except AnswerError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    print(gain_table(result))
    if args.xlsx:
        print(f"Đã ghi bảng tính “{write_gain_xlsx(result, args.xlsx)}”.")
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    """Print the feedback summary."""
    try:
        text = args.tep.read_text(encoding="utf-8")
        print(summary_text(summarise(parse_responses(text))))
    except FileNotFoundError:
        print(f"Lỗi: không tìm thấy tệp “{args.tep}”.", file=sys.stderr)
        return 2
    except FeedbackError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    return 0
