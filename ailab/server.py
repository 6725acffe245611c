"""``ailab serve``: the offline assistant as an OpenAI-compatible HTTP server (stdlib only).

Any OpenAI client or chat UI can point at ``http://HOST:PORT/v1``: ``GET /v1/models`` and
``POST /v1/chat/completions`` (``stream: true`` included) are answered by the same engine as ``ask()``.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ailab.offline import api

MAX_BODY = 8 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server_version = "ailab-offline/0.1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 — quiet by default; requests are not logged
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send_json(self, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code: str = "invalid_request_error") -> None:
        self._send_json(status, {"error": {"message": message, "type": code, "code": code}})

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0].rstrip("/")
        if path in ("/v1/models", "/models"):
            return self._send_json(200, api.list_models())
        if path in ("", "/", "/health"):
            return self._send_json(200, {"status": "ok", "model": api.MODEL_NAME})
        return self._error(404, f"Không có đường dẫn {path}.", "not_found")

    def do_POST(self):  # noqa: N802
        path = self.path.split("?")[0].rstrip("/")
        if path not in ("/v1/chat/completions", "/chat/completions"):
            return self._error(404, f"Không có đường dẫn {path}.", "not_found")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(413, "Yêu cầu quá lớn.")
        try:
            payload = json.loads(self.rfile.read(length) or b"null")
            if payload is not None and isinstance(payload, dict) and payload.get("stream"):
                chunks = list(api.chat_completion_chunks(payload))  # validate before the 200 goes out
                return self._stream(chunks)
            return self._send_json(200, api.chat_completion(payload))
        except ValueError as problem:
            message = str(problem) if isinstance(problem, api.BadRequest) else "Nội dung yêu cầu không phải JSON hợp lệ."
            return self._error(400, message)

    def _stream(self, chunks) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in api.sse(iter(chunks)):
            self.wfile.write(f"{len(event):X}\r\n".encode() + event + b"\r\n")
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


def make_server(host: str = "127.0.0.1", port: int = 8000, verbose: bool = False) -> ThreadingHTTPServer:
    """A ready-to-run server (port 0 picks a free port: read it from ``server.server_address``)."""
    server = ThreadingHTTPServer((host, port), _Handler)
    server.daemon_threads = True
    server.verbose = verbose
    return server


def serve_in_thread(host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start a server on a background thread (for tests and notebooks); stop it with ``server.shutdown()``."""
    server = make_server(host, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
