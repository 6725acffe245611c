"""The AI seam: a transport injected into ``build_client`` answers instead of the network, and ``chat`` retries
only network and protocol failures — a programming error surfaces as itself, never as "the AI answered badly"."""

from __future__ import annotations

import json
import unicodedata

import httpx2
import pytest

from ailab.llm import AIError, build_client, chat
from ailab.settings import Settings

SETTINGS = Settings(provider="custom", base_url="http://may-chu-thu.local/v1", model="m", api_key="sk-thu-0123456789",
                    timeout=5.0, max_retries=1)
GOOD = {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Xin chào"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}
HELLO = [{"role": "user", "content": "Xin chào"}]


class Scripted:
    """A transport that answers each request with the next step of ``script`` (the last repeats) and keeps
    what it was sent. A step is a JSON body, raw bytes, or an exception to raise."""

    def __init__(self, *script):
        self.script, self.requests = list(script), []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.read() or b"null"))
        step = self.script[min(len(self.requests), len(self.script)) - 1]
        if isinstance(step, Exception):
            raise step
        body = step if isinstance(step, bytes) else json.dumps(step).encode()
        return httpx2.Response(200, content=body, headers={"content-type": "application/json"})


def client_for(script: Scripted):
    return build_client(SETTINGS, transport=httpx2.MockTransport(script))


def test_injected_transport_answers_and_sees_the_nfc_request():
    script = Scripted(GOOD)
    answer = chat([{"role": "user", "content": unicodedata.normalize("NFD", "Tóm tắt")}], client=client_for(script),
                  settings=SETTINGS)
    assert answer == "Xin chào" and answer.provider == "Máy chủ tương thích OpenAI"
    assert script.requests[0]["model"] == "m"
    assert script.requests[0]["messages"][0]["content"] == unicodedata.normalize("NFC", "Tóm tắt")


def test_misspelled_parameter_is_a_type_error_and_nothing_is_sent():
    script = Scripted(GOOD)
    with pytest.raises(TypeError, match="temprature"):
        chat(HELLO, client=client_for(script), settings=SETTINGS, temprature=0.2)
    assert script.requests == []


@pytest.mark.parametrize("bug", [TypeError("'NoneType' object is not callable"), AttributeError("no attribute 'x'")])
def test_a_bug_below_the_sdk_surfaces_as_itself_and_is_not_retried(bug):
    script = Scripted(bug)
    with pytest.raises(type(bug)):
        chat(HELLO, client=client_for(script), settings=SETTINGS)
    assert len(script.requests) == 1


@pytest.mark.parametrize("body", [b"<html>not json", {"choices": 5}, {"choices": []}, {"choices": [{"message": 5}]}, {}])
def test_malformed_answer_is_retried_once_then_explained(body):
    script = Scripted(body)
    with pytest.raises(AIError, match="không đọc được"):
        chat(HELLO, client=client_for(script), settings=SETTINGS)
    assert len(script.requests) == 2


def test_malformed_then_good_answer_recovers():
    script = Scripted({"choices": 5}, GOOD)
    assert chat(HELLO, client=client_for(script), settings=SETTINGS) == "Xin chào"


def test_connection_failure_is_retried_by_the_sdk_then_explained_without_the_key():
    script = Scripted(httpx2.ConnectError("refused"))
    with pytest.raises(AIError, match="Không kết nối được") as problem:
        chat(HELLO, client=client_for(script), settings=SETTINGS)
    assert len(script.requests) == 1 + SETTINGS.max_retries
    assert SETTINGS.api_key not in str(problem.value)


def test_cache_still_wraps_an_injected_transport(tmp_path):
    settings = Settings(**{**SETTINGS.__dict__, "cache_mode": "record", "cache_dir": tmp_path})
    script = Scripted(GOOD)
    client = build_client(settings, transport=httpx2.MockTransport(script))
    assert chat(HELLO, client=client, settings=settings) == "Xin chào"
    assert any(tmp_path.rglob("*.json")), "the recorded answer is in the cache folder"
