"""The address officers type or scan: the server's address on the hall's network, and its QR code."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import qrcode
from qrcode.image.pure import PyPNGImage


def lan_address() -> str:
    """The IP other machines on the local network reach this one at (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def public_url(ip: str, port: int) -> str:
    host = lan_address() if ip in ("0.0.0.0", "", "::") else ip
    return f"http://{host}:{port}/"


def qr_text(url: str) -> str:
    """The QR code as text for the terminal."""
    code = qrcode.QRCode(border=1)
    code.add_data(url)
    buffer = io.StringIO()
    code.print_ascii(out=buffer, invert=True)
    return buffer.getvalue()


def qr_png(url: str, path: Path) -> Path:
    """The QR code as a PNG to show on the projector or print."""
    image = qrcode.make(url, image_factory=PyPNGImage, box_size=12, border=2)
    with open(path, "wb") as handle:
        image.save(handle)
    return path
