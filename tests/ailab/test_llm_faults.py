"""Failures of a real server on loopback (429, 500, slow, garbage, refused): bounded retries, then a short
Vietnamese message with no key in it."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ailab import ask
from ailab.llm import AIError

SECRET = "sk-test-SECRET-0123456789abcdef"
GOOD = {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Xin chào"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}


class FaultServer:
    """Answers each POST with the next behaviour in ``script`` (the last one repeats); counts requests."""

    def __init__(self, script):
        self.script, self.count, self.seen_headers = list(script), 0, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.seen_headers.append({"Authorization": self.headers.get("Authorization")})
                behaviour = outer.script[min(outer.count, len(outer.script) - 1)]
                outer.count += 1
                status, body, delay = behaviour
                time.sleep(delay)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.send_header("retry-after-ms", "10")
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fault(lab_home, monkeypatch):
    servers = []

    def start(*script, timeout="0.5", retries="2"):
        srv = FaultServer(script)
        servers.append(srv)
        for name, value in {"AILAB_PROVIDER": "custom", "AILAB_BASE_URL": srv.url, "AILAB_MODEL": "m",
                            "AILAB_API_KEY": SECRET, "AILAB_TIMEOUT": timeout, "AILAB_MAX_RETRIES": retries}.items():
            monkeypatch.setenv(name, value)
        return srv

    yield start
    for srv in servers:
        srv.close()


def ask_error() -> str:
    with pytest.raises(AIError) as problem:
        ask("Xin chào")
    message = str(problem.value)
    assert SECRET not in message and SECRET[-8:] not in message
    assert "Traceback" not in message and len(message) < 400
    return message


def test_429_is_retried_then_succeeds(fault):
    srv = fault((429, {"error": {"message": "rate"}}, 0), (429, {"error": {"message": "rate"}}, 0), (200, GOOD, 0))
    assert ask("Xin chào") == "Xin chào"
    assert srv.count == 3
    assert srv.seen_headers[0]["Authorization"] == f"Bearer {SECRET}"  # the key goes to the server, nowhere else


def test_429_forever_ends_with_a_vietnamese_message_after_bounded_retries(fault):
    srv = fault((429, {"error": {"message": f"quota for key {SECRET}"}}, 0))
    message = ask_error()
    assert "429" in message and "Chờ" in message
    assert srv.count == 3  # one try and two retries


def test_500_forever_is_explained(fault):
    srv = fault((500, {"error": {"message": "boom"}}, 0))
    assert "5xx" in ask_error()
    assert srv.count == 3


def test_slow_server_times_out_with_advice(fault):
    fault((200, GOOD, 2.0), timeout="0.3", retries="1")
    started = time.monotonic()
    message = ask_error()
    assert "không trả lời kịp" in message
    assert time.monotonic() - started < 10


def test_garbage_json_is_retried_once_then_explained(fault):
    srv = fault((200, b"<html>not json", 0))
    message = ask_error()
    assert "không đọc được" in message
    assert srv.count == 2


def test_garbage_then_good_answer_recovers(fault):
    fault((200, b"{\"choices\": 5}", 0), (200, GOOD, 0))
    assert ask("Xin chào") == "Xin chào"


def test_wrong_key_is_explained_without_the_key(fault):
    fault((401, {"error": {"message": f"Incorrect API key provided: {SECRET}"}}, 0))
    assert "khóa API" in ask_error()


def test_connection_refused_is_explained(lab_home, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for name, value in {"AILAB_PROVIDER": "custom", "AILAB_BASE_URL": f"http://127.0.0.1:{port}/v1",
                        "AILAB_MODEL": "m", "AILAB_API_KEY": SECRET, "AILAB_MAX_RETRIES": "1"}.items():
        monkeypatch.setenv(name, value)
    assert "Không kết nối được" in ask_error()


def test_empty_prompt_is_a_clear_message(lab_home):
    with pytest.raises(AIError, match="Câu lệnh đang trống"):
        ask("   ")


def test_notebook_shows_only_the_message(lab_home, monkeypatch, capsys):
    """In IPython an AIError prints its Vietnamese message and no traceback."""
    from IPython.core.interactiveshell import InteractiveShell

    import ailab.llm as llm

    shell = InteractiveShell.instance()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    llm._install_notebook_handler()
    result = shell.run_cell("from ailab.llm import AIError\nraise AIError('Máy chủ đang bận.')")
    assert result.error_in_exec is not None
    shown = capsys.readouterr()
    assert "⚠ Máy chủ đang bận." in shown.out
    assert "Traceback" not in shown.out + shown.err and "raise AIError" not in shown.out + shown.err
    InteractiveShell.clear_instance()
