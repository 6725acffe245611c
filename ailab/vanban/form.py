"""An ipywidgets form: the officer fills the facts, gets a .docx laid out by Nghị định 30 and its check.

The pure part — form values to a ``VanBan`` and the prompt for the AI — is plain functions
(``van_ban_from_fields``, ``prompt_noi_dung``); ``VanBanForm`` only wires widgets to them.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from pathlib import Path

import ipywidgets as widgets

from ailab.vanban.model import LoaiVanBan, VanBan, nfc, split_paragraphs, validate
from ailab.vanban.writer import VanBanError, write_docx

# (key, label, kind, placeholder); kind: text | area | date | type
FIELDS = (
    ("loai", "Loại văn bản", "type", ""),
    ("co_quan_chu_quan", "Cơ quan chủ quản", "text", "để trống nếu không có"),
    ("co_quan_ban_hanh", "Cơ quan ban hành", "text", "Ủy ban nhân dân xã Tân Phú"),
    ("viet_tat", "Viết tắt cơ quan", "text", "để trống: tự lấy (UBND)"),
    ("don_vi_soan_thao", "Đơn vị soạn thảo", "text", "VP"),
    ("so", "Số", "text", "để trống nếu là dự thảo"),
    ("dia_danh", "Địa danh", "text", "Tân Phú"),
    ("ngay", "Ngày ban hành", "date", ""),
    ("trich_yeu", "Trích yếu", "text", "văn bản nói về việc gì"),
    ("kinh_gui", "Kính gửi", "area", "mỗi dòng một nơi nhận (công văn, tờ trình, báo cáo)"),
    ("can_cu", "Căn cứ", "area", "mỗi dòng một căn cứ (quyết định)"),
    ("du_kien", "Dữ kiện cho AI", "area", "thời gian, địa điểm, thành phần, số liệu… mỗi dòng một ý"),
    ("noi_dung", "Nội dung", "area", "dán nội dung AI soạn rồi đọc, sửa lại; mỗi đoạn một dòng"),
    ("quyen_han", "Quyền hạn ký", "text", "TM. hoặc KT. CHỦ TỊCH; để trống nếu tự ký"),
    ("chuc_vu", "Chức vụ người ký", "text", "Chủ tịch"),
    ("nguoi_ky", "Họ tên người ký", "text", "Nguyễn Văn An"),
    ("thu_ky", "Thư ký (biên bản)", "text", "chỉ dùng cho biên bản"),
    ("noi_nhan", "Nơi nhận", "area", "mỗi dòng một nơi; «Lưu: VT» được thêm tự động"),
)
_TEXT_FIELDS = [key for key, _, kind, _ in FIELDS if kind in ("text", "area")]
_LIST_FIELDS = ("kinh_gui", "can_cu", "noi_dung", "noi_nhan")


def ngay_vi(day: dt.date) -> str:
    """A date as officers write it: 05/3/2026 (day with two digits, month without a leading zero)."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def parse_ngay(value: dt.date | str | None) -> dt.date:
    """Read a date from a date picker or text such as "05/3/2026"; raise ValueError in Vietnamese."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = nfc(value or "")
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if not match:
        raise ValueError("Chưa chọn ngày ban hành (hoặc ghi theo dạng ngày/tháng/năm, ví dụ 05/3/2026).")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày «{text}» không có trên lịch; kiểm tra lại ngày và tháng.") from None


def van_ban_from_fields(values: dict) -> VanBan:
    """Turn the form's values (strings, a date) into a ``VanBan``; raise ``VanBanError`` listing every problem."""
    problems = [
        f"Mục «{label}» ({key}) còn chỗ ___ chưa điền."
        for key, label, _, _ in FIELDS
        if key != "du_kien" and "___" in str(values.get(key) or "")
    ]
    blanks = {key for key, *_ in FIELDS if "___" in str(values.get(key) or "")}
    loai = ngay = None
    try:
        loai = LoaiVanBan.from_text(values.get("loai") or "")
    except ValueError as error:
        if "loai" not in blanks:
            problems.append(str(error))
    try:
        ngay = parse_ngay(values.get("ngay"))
    except ValueError as error:
        if "ngay" not in blanks:
            problems.append(str(error))
    if problems:
        raise VanBanError(problems)
    # Keys left out of ``values`` keep the model's defaults (e.g. drafting unit "VP").
    kwargs = {key: nfc(values.get(key) or "") for key in _TEXT_FIELDS if key != "du_kien" and key in values}
    for key in _LIST_FIELDS:
        kwargs[key] = split_paragraphs(values.get(key) or "")
    van_ban = VanBan(loai=loai, ngay=ngay, **kwargs)
    problems = validate(van_ban)
    if problems:
        raise VanBanError(problems)
    return van_ban


SYSTEM_SOAN_THAO = (
    "Bạn là công chức Văn phòng HĐND và UBND xã, soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP."
)


def prompt_noi_dung(values: dict) -> str:
    """The prompt asking the AI to draft only the body, from the facts in the form and nothing else.

    The task comes first, then one fact per line as "Tên: giá trị", then the limits.
    """
    loai = nfc(values.get("loai") or "văn bản").lower()
    lines = [f"Hãy soạn phần nội dung (chỉ phần thân) của {loai} theo các dữ kiện dưới đây."]
    for key, label in (("co_quan_ban_hanh", "Cơ quan ban hành"), ("trich_yeu", "Trích yếu")):
        if nfc(values.get(key) or ""):
            lines.append(f"{label}: {nfc(values[key])}")
    kinh_gui = split_paragraphs(values.get("kinh_gui") or "")
    if kinh_gui:
        lines.append("Kính gửi: " + "; ".join(item.lstrip("- ").rstrip(";.") for item in kinh_gui))
    lines += [fact.lstrip("-•* ").rstrip(";") for fact in split_paragraphs(values.get("du_kien") or "")]
    lines.append(
        "Yêu cầu: chỉ dùng các dữ kiện trên, không thêm tên người, ngày tháng hay số liệu khác; văn phong hành "
        "chính, ngắn gọn, mỗi đoạn một dòng, không dùng ký hiệu markdown; không ghi quốc hiệu, số, ngày tháng "
        "đầu văn bản, nơi nhận hay chữ ký."
    )
    return "\n".join(lines)


def strip_ai_label(answer: str) -> tuple[str, str]:
    """Split a leading "[…]" label line (e.g. the offline assistant's) from the answer: (label, body)."""
    text = nfc(answer)
    first, _, rest = text.partition("\n")
    if first.startswith("[") and first.endswith("]"):
        return first, rest.strip()
    return "", text


def _download_link(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    name = html.escape(path.name)
    return (
        f"<p><b>Đã tạo văn bản:</b> <code>{name}</code><br>"
        f"(lưu trong thư mục <code>{html.escape(str(path.parent))}</code>)</p>"
        f'<p><a download="{name}" href="data:{mime};base64,{data}">⬇ Tải văn bản về máy</a></p>'
    )


def _problems_html(title: str, problems: list[str]) -> str:
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in problems)
    return f'<div style="color:#b00020"><b>{html.escape(title)}</b><ul>{items}</ul></div>'


def check_html(path: Path) -> str:
    """The checker's report as HTML, or a Vietnamese note in the two expected cases: the checker is not installed
    on this machine (the learner library works without the grader), or the file cannot be read as a .docx
    (``DocumentReadError``, whose message is Vietnamese). Any other failure is a bug and surfaces."""
    try:
        from autograder.nd30 import DocumentReadError, check_docx
    except ModuleNotFoundError as missing:
        if not (missing.name or "").startswith("autograder"):
            raise
        return "<p><i>Chưa có bộ kiểm tra thể thức trên máy này, nên chưa kiểm tra được văn bản.</i></p>"
    try:
        report = check_docx(path)
    except DocumentReadError as problem:
        return f"<p><i>Bộ kiểm tra thể thức chưa đọc được văn bản này: {html.escape(str(problem))}</i></p>"
    return report._repr_html_()


class VanBanForm(widgets.VBox):
    """The form: one widget per field, "Tạo văn bản" and "Nhờ AI soạn nội dung" buttons, a result area."""

    def __init__(self, folder: str | Path = ".", van_ban: VanBan | None = None):
        self.folder = Path(folder)
        self.last_path: Path | None = None
        self.fields: dict[str, widgets.Widget] = {}
        style = {"description_width": "150px"}
        for key, label, kind, placeholder in FIELDS:
            layout = widgets.Layout(width="95%")
            if kind == "type":
                widget = widgets.Dropdown(options=[loai.value for loai in LoaiVanBan], description=label,
                                          style=style, layout=layout)
            elif kind == "date":
                # A text box, not the browser's date picker, so the date reads dd/mm/yyyy on every machine.
                widget = widgets.Text(description=label, value=ngay_vi(dt.date.today()),
                                      placeholder="ngày/tháng/năm, ví dụ 05/3/2026", style=style)
            elif kind == "area":
                rows = 10 if key == "noi_dung" else 3
                widget = widgets.Textarea(description=label, placeholder=placeholder, rows=rows,
                                          style=style, layout=layout)
            else:
                widget = widgets.Text(description=label, placeholder=placeholder, style=style, layout=layout)
            self.fields[key] = widget
        self.fields["don_vi_soan_thao"].value = "VP"
        self.create_button = widgets.Button(description="Tạo văn bản", button_style="primary",
                                            layout=widgets.Layout(width="200px"))
        self.ai_button = widgets.Button(description="Nhờ AI soạn nội dung",
                                        layout=widgets.Layout(width="220px"))
        self.message = widgets.HTML()
        self.file_area = widgets.HTML(layout=widgets.Layout(width="40%"))
        self.check_area = widgets.HTML(layout=widgets.Layout(width="58%"))
        self.create_button.on_click(self._on_create)
        self.ai_button.on_click(self._on_ai)
        if van_ban is not None:
            self.fill(van_ban)
        super().__init__([
            widgets.HTML("<h3>Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP</h3>"),
            *self.fields.values(),
            widgets.HBox([self.ai_button, self.create_button]),
            self.message,
            widgets.HBox([self.file_area, self.check_area]),
        ])

    def values(self) -> dict:
        """Current field values by key."""
        return {key: widget.value for key, widget in self.fields.items()}

    def fill(self, van_ban: VanBan) -> None:
        """Put an existing document's facts into the fields (e.g. a sample to start from)."""
        lists = {"kinh_gui": van_ban.kinh_gui, "can_cu": van_ban.can_cu, "noi_dung": van_ban.noi_dung,
                 "noi_nhan": van_ban.noi_nhan}
        for key, widget in self.fields.items():
            if key == "loai":
                widget.value = van_ban.loai.value
            elif key == "ngay":
                widget.value = ngay_vi(van_ban.ngay) if van_ban.ngay else ""
            elif key in lists:
                widget.value = "\n".join(lists[key])
            elif key == "so":
                widget.value = str(van_ban.so or "")
            elif hasattr(van_ban, key):
                widget.value = str(getattr(van_ban, key) or "")

    def _on_create(self, _button=None) -> None:
        self.message.value = ""
        self.file_area.value = ""
        self.check_area.value = ""
        try:
            van_ban = van_ban_from_fields(self.values())
            path = write_docx(van_ban, self.folder)
        except VanBanError as error:
            self.message.value = _problems_html("Chưa tạo được văn bản, cần sửa:", error.problems)
            return
        except OSError:
            self.message.value = _problems_html("Không ghi được tệp:", [
                f"Kiểm tra thư mục «{self.folder}» có tồn tại và được phép ghi, rồi bấm lại."])
            return
        self.last_path = path
        self.file_area.value = _download_link(path)
        self.check_area.value = "<p><i>Đang kiểm tra thể thức…</i></p>"
        self.check_area.value = check_html(path)

    def _on_ai(self, _button=None) -> None:
        values = self.values()
        if not nfc(values.get("trich_yeu") or ""):
            self.message.value = _problems_html("Chưa nhờ AI được:", [
                "Hãy ghi trích yếu và dữ kiện trước, để AI biết cần soạn gì."])
            return
        self.message.value = "<p><i>AI đang soạn nội dung…</i></p>"
        import ailab
        from ailab.llm import AIError

        try:
            label, body = strip_ai_label(ailab.ask(prompt_noi_dung(values), system=SYSTEM_SOAN_THAO))
        except AIError as problem:  # the one expected failure: its message is Vietnamese and safe to show
            self.message.value = _problems_html("AI chưa trả lời được:", [
                str(problem), "Thử lại sau ít phút, hoặc tự gõ nội dung vào ô «Nội dung»."])
            return
        self.fields["noi_dung"].value = "\n".join(split_paragraphs(body))
        note = f"{html.escape(label)} " if label else ""
        self.message.value = (
            f"<p>{note}<b>AI đã soạn xong.</b> Hãy đọc lại ô «Nội dung»: đủ dữ kiện chưa, "
            "có chi tiết nào AI tự thêm không? Sửa xong mới bấm «Tạo văn bản».</p>"
        )


def tao_van_ban(thong_tin: dict, ten_tep: str | Path) -> Path | None:
    """Write the document described by ``thong_tin`` (the form's fields as a dict) to ``ten_tep``.

    For notebook cells: problems are printed as a Vietnamese list instead of a traceback; returns the path,
    or None when nothing was written.
    """
    try:
        path = write_docx(van_ban_from_fields(thong_tin), ten_tep)
    except VanBanError as error:
        print("Chưa tạo được văn bản, cần sửa:")
        print("\n".join(f"- {problem}" for problem in error.problems))
        return None
    print(f"Đã tạo văn bản: {path}")
    return path


def tao_form(folder: str | Path = ".", mau: str | LoaiVanBan | None = None) -> VanBanForm:
    """Create the form; ``mau`` ("Giấy mời", "Công văn", …) fills it with a sample to start from."""
    van_ban = None
    if mau is not None:
        from ailab.vanban.samples import sample

        van_ban = sample(mau)
    return VanBanForm(folder=folder, van_ban=van_ban)
