"""``ailab nop BAI.ipynb``: hand in an exercise.

On the workshop server it submits through nbgrader's exchange (the trainer collects from there). On a
personal machine it makes one .zip to send to the trainer, named by learner and module, laid out the way
``ailab course collect`` reads it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Receipt:
    """What happened: ``ok``, a Vietnamese ``message``, and the file made on a personal machine."""

    ok: bool
    message: str
    file: Path | None = None


def on_workshop_server() -> bool:
    return bool(os.environ.get("AILAB_EXCHANGE"))


def submit(notebook: Path, learner_id: str | None = None) -> Receipt:
    """Submit the exercise folder that holds ``notebook``."""
    notebook = Path(notebook).resolve()
    if notebook.suffix != ".ipynb" or not notebook.is_file():
        return Receipt(False, f"Không thấy tệp bài tập {notebook.name}. Hãy chọn tệp .ipynb của bài tập.")
    if on_workshop_server():
        return _submit_to_exchange(notebook.parent)
    return _make_zip(notebook, learner_id)


def _submit_to_exchange(folder: Path) -> Receipt:
    exchange = os.environ["AILAB_EXCHANGE"]
    course = os.environ.get("AILAB_COURSE_ID", "ailab")
    result = subprocess.run([sys.executable, "-m", "nbgrader", "submit", folder.name, "--course", course,
                             f"--Exchange.root={exchange}"], cwd=folder.parent, capture_output=True, text=True)
    if result.returncode != 0:
        return Receipt(False, "Chưa nộp được bài. Hãy lưu bài (Ctrl+S) rồi thử lại; nếu vẫn lỗi, báo giảng "
                              "viên.")
    return Receipt(True, f"Đã nộp bài {folder.name}. Có thể nộp lại nếu sửa bài; giảng viên chấm bản nộp mới nhất. "
                         "Khi giảng viên chấm xong, gõ lệnh ailab phan-hoi trong cửa sổ lệnh để nhận phản hồi.")


def _make_zip(notebook: Path, learner_id: str | None) -> Receipt:
    learner = (learner_id or os.environ.get("AILAB_HOC_VIEN", "")).strip()
    if not learner or not _ID.match(learner):
        return Receipt(False, "Hãy ghi mã học viên của bạn (theo danh sách lớp), ví dụ: "
                              f"ailab nop {notebook.name} --ma HV01")
    module = notebook.parent.name
    target = notebook.parent / f"nop_{learner}_{module}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(notebook, f"{learner}/{module}/{notebook.name}")
    return Receipt(True, f"Đã tạo tệp {target.name} trong thư mục bài tập. Gửi tệp này cho giảng viên "
                         "(Zalo, thư điện tử hoặc USB).", target)


def submit_widget(notebook_filename: str):
    """A "Nộp bài" button for the exercise notebook, shown beside the self-check."""
    import ipywidgets as widgets

    button = widgets.Button(description="Nộp bài", icon="paper-plane", button_style="success")
    learner = widgets.Text(placeholder="Mã học viên, ví dụ HV01", description="Mã:")
    output = widgets.Output()

    def on_click(_button) -> None:
        output.clear_output()
        receipt = submit(Path(notebook_filename), learner.value or None)
        with output:
            print(receipt.message)

    button.on_click(on_click)
    note = widgets.HTML("<i>Nộp bài: trên máy chủ lớp học, bài được gửi thẳng cho giảng viên; trên máy riêng, "
                        "ghi mã học viên rồi bấm để tạo tệp .zip gửi giảng viên.</i>")
    parts = [note, button, output] if on_workshop_server() else [note, learner, button, output]
    return widgets.VBox(parts)


def cmd_nop(args: argparse.Namespace) -> int:
    receipt = submit(args.notebook, args.ma)
    print(receipt.message, file=sys.stdout if receipt.ok else sys.stderr)
    return 0 if receipt.ok else 2


def register(sub) -> None:
    nop = sub.add_parser("nop", help="Nộp bài tập (máy chủ lớp học: gửi thẳng; máy riêng: tạo tệp .zip để gửi)")
    nop.add_argument("notebook", type=Path, help="tệp bài tập .ipynb")
    nop.add_argument("--ma", default=None, help="mã học viên (khi nộp từ máy riêng)")
    nop.set_defaults(handler=cmd_nop)
