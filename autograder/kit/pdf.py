"""Turn .docx files into PDF with LibreOffice, in a private profile so parallel runs never collide."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfError(Exception):
    """LibreOffice is missing or failed; ``str(error)`` is a Vietnamese message."""


def soffice() -> str | None:
    """Path of LibreOffice's command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_paths: list[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    """Convert the files in one LibreOffice run; return the PDF paths in the same order."""
    command = soffice()
    if command is None:
        raise PdfError("Chưa cài LibreOffice (lệnh soffice) nên chưa tạo được tệp PDF; các tệp .docx vẫn dùng được. "
                       "Cài LibreOffice rồi chạy lại lệnh để có bản PDF.")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ailab_lo_") as profile:
        try:
            subprocess.run([command, "--headless", f"-env:UserInstallation={Path(profile).as_uri()}",
                            "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_paths)],
                           check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            raise PdfError(f"LibreOffice không chuyển được sang PDF ({type(error).__name__}).") from None
    pdfs = [out_dir / f"{path.stem}.pdf" for path in docx_paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise PdfError(f"LibreOffice không tạo được: {', '.join(missing)}.")
    return pdfs
