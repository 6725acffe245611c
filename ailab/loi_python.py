"""IPython extension: a one-line Vietnamese hint above a shortened traceback for common Python mistakes.

The learner lab's kernels load it without a setup line (``ailab.lab_config`` writes
``c.InteractiveShellApp.extensions`` into the lab's own IPython profile). In any notebook it can also be
loaded by hand with ``%load_ext ailab.loi_python``. The error itself is unchanged (same exception name and
message), so nbgrader and the self-check see exactly what they saw before.
"""

from __future__ import annotations

import re

RED = "\x1b[1;31m"
RESET = "\x1b[0m"
# How many frames of a long traceback a learner sees: the cell they ran and the line that failed.
KEPT_FRAMES = 1

HINTS = {
    "NameError": "Python chưa biết tên {name}: có thể bạn chưa chạy ô định nghĩa nó (hãy chạy các ô phía trên "
                 "từ đầu), hoặc gõ sai chính tả, sai chữ hoa/chữ thường.",
    "SyntaxError": "Câu lệnh viết chưa đúng cú pháp: kiểm tra dấu ngoặc ( ) [ ] {{ }}, dấu nháy \" \" và dấu "
                   "hai chấm (:) ở dòng được chỉ ra (hoặc dòng ngay trên nó).",
    "IndentationError": "Thụt lề chưa đúng: các dòng trong cùng một khối phải lùi vào bằng nhau (thường là 4 dấu "
                        "cách); dòng đầu tiên của ô không được lùi vào.",
    "TypeError": "Giá trị không đúng loại cho phép tính này: ví dụ cộng chữ với số, hoặc gọi hàm thiếu hay "
                 "thừa thông tin. Xem lại các giá trị ở dòng được chỉ ra.",
    "KeyError": "Không có khóa hay cột tên {name}: kiểm tra chính tả, dấu tiếng Việt và chữ hoa/chữ thường của "
                "tên cột hoặc khóa.",
    "FileNotFoundError": "Không tìm thấy tệp {name}: kiểm tra tên tệp (kể cả phần đuôi như .csv, .txt) và tệp "
                         "có nằm cùng thư mục với notebook này không.",
    "NotImplementedError": "Câu này chưa làm: hãy viết câu trả lời vào ô, rồi xóa dòng raise "
                           "NotImplementedError(). Các câu khác vẫn làm và tự kiểm tra được.",
}


def _quoted(value: BaseException) -> str:
    if isinstance(value, KeyError) and value.args:
        return repr(value.args[0])
    if isinstance(value, FileNotFoundError) and value.filename:
        return repr(value.filename)
    match = re.search(r"'([^']+)'", str(value))
    return f"'{match.group(1)}'" if match else ""


def hint_for(etype: type, value: BaseException) -> str | None:
    """The Vietnamese hint for an exception, or None when it is not one of the common mistakes."""
    for klass in etype.__mro__:
        template = HINTS.get(klass.__name__)
        if template:
            return " ".join(template.format(name=_quoted(value)).split())
    return None


def shorten(structured: list[str]) -> list[str]:
    """Keep the last exception's header, the learner's own frame and the error line; count the rest.

    A chained error (``During handling … another exception``) shows only its final exception.
    """
    headers = [i for i, text in enumerate(structured) if "Traceback (most recent call last)" in text]
    if not headers:
        return structured
    start = headers[-1]
    frames = structured[start + 1:-1]
    if start <= 1 and len(frames) <= KEPT_FRAMES:
        return structured
    kept = [structured[0]] if start > 0 and "-----" in structured[0] else []
    kept += [structured[start], *frames[:KEPT_FRAMES]]
    if len(frames) > KEPT_FRAMES:
        kept.append(f"… ({len(frames) - KEPT_FRAMES} bước bên trong thư viện đã được ẩn cho gọn)")
    return [*kept, structured[-1]]


def _wrap(original):
    def show(etype, value, structured):
        hint = hint_for(etype, value) if isinstance(etype, type) else None
        if hint:
            structured = [f"{RED}➜ {hint}{RESET}", *shorten(list(structured))]
        return original(etype, value, structured)

    show.ailab_hint = True
    return show


def load_ipython_extension(ipython) -> None:
    """Wrap the shell's traceback display (once) so known mistakes get their hint."""
    current = ipython._showtraceback
    if not getattr(current, "ailab_hint", False):
        ipython._showtraceback = _wrap(current)


def unload_ipython_extension(ipython) -> None:
    """Restore the plain traceback display."""
    ipython.__dict__.pop("_showtraceback", None)
