"""The official openai SDK against ``ailab serve`` on loopback: real HTTP, streaming too."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx2
import openai
import pytest

from ailab import ask
from ailab.offline import LABEL
from ailab.server import serve_in_thread


@pytest.fixture
def server():
    srv, thread = serve_in_thread("127.0.0.1", 0)
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()
    srv.server_close()


def test_sdk_lists_the_offline_model(server):
    client = openai.OpenAI(base_url=server, api_key="x")
    assert [m.id for m in client.models.list().data] == ["tro-ly-ngoai-tuyen"]


def test_sdk_chat_completion_over_http(server):
    client = openai.OpenAI(base_url=server, api_key="x")
    reply = client.chat.completions.create(
        model="tro-ly-ngoai-tuyen",
        messages=[{"role": "user", "content": "Tóm tắt văn bản sau, tối đa 30 từ:\n\nXã đạt 412 ha lúa. "
                                              "Thu ngân sách đạt 9,75 tỷ đồng. Tỷ lệ hộ nghèo còn 1,64%."}],
    )
    content = reply.choices[0].message.content
    assert content.startswith(LABEL) and "9,75 tỷ đồng" in content
    assert reply.usage.prompt_tokens > 0 and reply.usage.completion_tokens > 0


def test_sdk_streaming_over_http_gives_the_same_answer(server):
    client = openai.OpenAI(base_url=server, api_key="x")
    messages = [{"role": "user", "content": "Xin chào"}]
    whole = client.chat.completions.create(model="m", messages=messages).choices[0].message.content
    stream = client.chat.completions.create(model="m", messages=messages, stream=True,
                                            stream_options={"include_usage": True})
    chunks = list(stream)
    assert len(chunks) > 2
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == whole
    assert chunks[-1].usage is not None


def test_bad_request_gets_a_400_not_a_crash(server):
    response = httpx2.post(server + "/chat/completions", content=b"{not json", timeout=5)
    assert response.status_code == 400 and "JSON" in response.json()["error"]["message"]
    response = httpx2.post(server + "/chat/completions", json={"model": "m"}, timeout=5)
    assert response.status_code == 400 and "messages" in response.json()["error"]["message"]


def test_ask_through_custom_provider_pointing_at_the_server(server, lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_PROVIDER", "custom")
    monkeypatch.setenv("AILAB_BASE_URL", server)
    monkeypatch.setenv("AILAB_MODEL", "tro-ly-ngoai-tuyen")
    answer = ask("Xin chào")
    assert answer.startswith(LABEL)
    assert answer.provider == "Máy chủ tương thích OpenAI"


def test_ailab_serve_command_starts_and_answers():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "ailab.cli", "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x", max_retries=0, timeout=2)
        for _ in range(600):  # the CLI may take seconds to start on a loaded machine
            try:
                assert client.models.list().data[0].id == "tro-ly-ngoai-tuyen"
                break
            except openai.APIConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail("ailab serve did not answer")
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/v1" in out
