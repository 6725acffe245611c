"""``ailab doctor``: check this machine for the lab and say, in Vietnamese, how to fix each problem."""

from __future__ import annotations

import importlib
import importlib.metadata
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REQUIRED = [
    ("openai", "openai", "3"),
    ("httpx2", "httpx2", None),
    ("jupyterlab", "jupyterlab", "4"),
    ("nbgrader", "nbgrader", "0.9"),
    ("docx", "python-docx", None),
    ("pandas", "pandas", None),
    ("ipywidgets", "ipywidgets", "8"),
    ("matplotlib", "matplotlib", None),
]


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    optional: bool = False


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 10)
    return Check("Python", ok, version, "" if ok else "Cài Python 3.10 trở lên (python.org), rồi chạy lại lệnh cài đặt.")


def check_packages() -> list[Check]:
    checks = []
    for module, dist, major in REQUIRED:
        try:
            importlib.import_module(module)
            version = importlib.metadata.version(dist)
        except Exception:  # noqa: BLE001 — any import failure is reported the same way
            checks.append(Check(f"Gói {dist}", False, "chưa cài hoặc lỗi khi nạp",
                                'Chạy lại: python -m pip install -e ".[test]" trong thư mục dự án.'))
            continue
        ok = major is None or version == major or version.startswith(major + ".")
        checks.append(Check(f"Gói {dist}", ok, version,
                            "" if ok else f"Cần {dist} phiên bản {major}.x: python -m pip install -e . để cài đúng."))
    try:
        importlib.metadata.version("jupyterlab-language-pack-vi-vn")
        checks.append(Check("Giao diện tiếng Việt", True, "đã cài"))
    except importlib.metadata.PackageNotFoundError:
        checks.append(Check("Giao diện tiếng Việt", False, "chưa cài",
                            "python -m pip install jupyterlab-language-pack-vi-vn", optional=True))
    return checks


def check_provider(timeout: float = 5.0) -> list[Check]:
    from ailab.llm import NETWORK_FAILURES, build_client, explain
    from ailab.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as problem:
        return [Check("Cấu hình AI", False, str(problem), "Sửa tệp .env hoặc biến môi trường theo hướng dẫn trong README.")]
    checks = [Check("Cấu hình AI", True, f"{settings.label} · mô hình {settings.model} · khóa {settings.masked_key}"
                    f" · bộ nhớ câu trả lời: {settings.cache_mode}")]
    try:
        client = build_client(settings).with_options(timeout=timeout, max_retries=0)
        client.models.list()
        checks.append(Check("Kết nối tới AI", True, f"{settings.base_url} trả lời"))
    except NETWORK_FAILURES as problem:  # what a server or the network can do wrong; a bug here surfaces
        checks.append(Check("Kết nối tới AI", False, explain(problem, settings),
                            "Hoặc dùng trợ lý ngoại tuyến: xóa AILAB_PROVIDER và AILAB_API_KEY khỏi tệp .env."))
    return checks


def check_cache_folder() -> Check:
    from ailab.cache import AnswerCache
    from ailab.settings import SettingsError, load_settings

    try:
        folder = load_settings().cache_dir
    except SettingsError:
        folder = Path.home() / ".ailab" / "cau_tra_loi"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".ghi-thu"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        return Check("Thư mục câu trả lời ghi sẵn", True, f"{folder} ({len(AnswerCache(folder))} câu trả lời)")
    except OSError:
        return Check("Thư mục câu trả lời ghi sẵn", False, f"không ghi được vào {folder}",
                     "Đặt AILAB_CACHE_DIR tới một thư mục bạn có quyền ghi.")


def check_libreoffice() -> Check:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return Check("LibreOffice (xuất PDF, không bắt buộc)", bool(found), found or "chưa cài",
                 "" if found else "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; Windows: cài LibreOffice.",
                 optional=True)


def run_checks() -> list[Check]:
    """All checks, in the order the report prints them."""
    return [check_python(), *check_packages(), *check_provider(), check_cache_folder(), check_libreoffice()]


def report(checks: list[Check]) -> str:
    """The Vietnamese report, one line per check and the fix under each problem."""
    lines = ["Kiểm tra phòng thực hành AI", ""]
    for check in checks:
        mark = "✔" if check.ok else ("•" if check.optional else "✘")
        lines.append(f"{mark} {check.name}: {check.detail}")
        if not check.ok and check.fix:
            lines.append(f"    → Cách sửa: {check.fix}")
    problems = [c for c in checks if not c.ok and not c.optional]
    lines.append("")
    lines.append("Mọi thứ sẵn sàng." if not problems else f"Có {len(problems)} vấn đề cần sửa (xem dấu ✘ ở trên).")
    return "\n".join(lines)
