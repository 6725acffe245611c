"""Findings and the report that holds them (plain data; showing them is the caller's job)."""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"

# Rule ids of docs/nd30/RULES.md with their severity and a short Vietnamese name.
RULES: dict[str, tuple[str, str]] = {
    "page.a4": (ERROR, "Khổ giấy A4, hướng dọc"),
    "page.margin.top": (ERROR, "Lề trên 20–25 mm"),
    "page.margin.bottom": (ERROR, "Lề dưới 20–25 mm"),
    "page.margin.left": (ERROR, "Lề trái 30–35 mm"),
    "page.margin.right": (ERROR, "Lề phải 15–20 mm"),
    "page.number": (ERROR, "Số trang"),
    "font.family": (ERROR, "Phông chữ Times New Roman"),
    "font.color": (ERROR, "Màu chữ đen"),
    "text.nfc": (WARNING, "Mã Unicode dựng sẵn (NFC)"),
    "quoc_hieu.text": (ERROR, "Chữ Quốc hiệu"),
    "quoc_hieu.format": (ERROR, "Định dạng Quốc hiệu"),
    "tieu_ngu.text": (ERROR, "Chữ Tiêu ngữ"),
    "tieu_ngu.format": (ERROR, "Định dạng Tiêu ngữ"),
    "tieu_ngu.line": (ERROR, "Đường kẻ dưới Tiêu ngữ"),
    "co_quan.format": (ERROR, "Tên cơ quan ban hành"),
    "so_ky_hieu.text": (ERROR, "Số, ký hiệu"),
    "so_ky_hieu.format": (ERROR, "Định dạng số, ký hiệu"),
    "ky_hieu.loai": (ERROR, "Chữ viết tắt tên loại trong ký hiệu"),
    "ngay_thang.text": (ERROR, "Địa danh, ngày tháng năm"),
    "ngay_thang.format": (ERROR, "Định dạng địa danh, ngày tháng"),
    "ten_loai.format": (ERROR, "Tên loại văn bản"),
    "trich_yeu.format": (ERROR, "Trích yếu nội dung"),
    "cong_van.vv": (ERROR, "Trích yếu công văn “V/v”"),
    "body.size": (ERROR, "Cỡ chữ nội dung"),
    "body.align": (ERROR, "Căn đều hai bên"),
    "body.indent": (ERROR, "Thụt đầu dòng"),
    "body.spacing": (ERROR, "Khoảng cách giữa các đoạn"),
    "body.line_spacing": (ERROR, "Giãn dòng"),
    "chu_ky.format": (ERROR, "Quyền hạn, chức vụ, họ tên người ký"),
    "chu_ky.ho_ten": (ERROR, "Họ tên người ký không kèm học hàm, học vị"),
    "kinh_gui.format": (ERROR, "Kính gửi"),
    "noi_nhan.label": (ERROR, "Chữ “Nơi nhận:”"),
    "noi_nhan.items": (ERROR, "Danh sách nơi nhận"),
}

SEVERITY_LABEL = {ERROR: "Lỗi", WARNING: "Cảnh báo"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: rule id, severity (``error``/``warning``), Vietnamese message, where it is."""

    rule: str
    severity: str
    message: str
    where: str = ""


def finding(rule: str, message: str, where: str = "", severity: str | None = None) -> Finding:
    """A finding with the rule's default severity unless one is given."""
    return Finding(rule, severity or RULES[rule][0], message, where)


@dataclass(slots=True)
class Report:
    """All findings for one document."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings of severity warning."""
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def rules(self, severity: str | None = None) -> set[str]:
        """Set of rule ids reported (optionally only of one severity)."""
        return {f.rule for f in self.findings if severity is None or f.severity == severity}

    def to_dict(self) -> dict:
        """JSON-ready dict: file, ok, findings."""
        return {"file": self.path, "ok": self.ok, "findings": [asdict(f) for f in self.findings]}

    def summary(self) -> str:
        """One Vietnamese line: passed, or how many errors and warnings."""
        if not self.findings:
            return "Đạt: không có lỗi thể thức."
        if self.ok:
            return f"Đạt, có {len(self.warnings)} cảnh báo nên xem lại."
        return f"Chưa đạt: {len(self.errors)} lỗi, {len(self.warnings)} cảnh báo."

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.ok else "#b42318"
        rows = "".join(
            "<tr>"
            f"<td style='color:{'#b42318' if f.severity == ERROR else '#9a6700'};font-weight:bold'>"
            f"{html.escape(SEVERITY_LABEL.get(f.severity, f.severity))}</td>"
            f"<td><code>{html.escape(f.rule)}</code><br><small>{html.escape(RULES.get(f.rule, ('', ''))[1])}"
            "</small></td>"
            f"<td>{html.escape(f.message)}</td><td>{html.escape(f.where)}</td></tr>"
            for f in self.findings
        )
        table = (
            "<table><thead><tr><th>Mức độ</th><th>Quy tắc</th><th>Nội dung</th><th>Vị trí</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>" if self.findings else ""
        )
        return (
            f"<div><p><b>Kiểm tra thể thức (Nghị định 30/2020/NĐ-CP): {html.escape(self.path)}</b><br>"
            f"<span style='color:{colour}'>{html.escape(self.summary())}</span></p>{table}</div>"
        )
