"""Record → replay: a trainer records answers from a real server, learners replay them with no network."""

from __future__ import annotations

import json
import unicodedata

import pytest

from ailab import ask
from ailab.cache import AnswerCache, request_key
from ailab.llm import AIError
from ailab.offline import LABEL
from ailab.server import serve_in_thread
from ailab.transport import NOTICE_FALLBACK

SECRET = "sk-test-RECORD-abcdef0123456789"
PROMPT = "Tóm tắt văn bản sau, tối đa 30 từ:\n\nXã đạt 412 ha lúa. Thu ngân sách đạt 9,75 tỷ đồng."


@pytest.fixture
def recorded(lab_home, monkeypatch, tmp_path):
    """Record two answers through a real loopback server, then stop the server."""
    srv, _ = serve_in_thread("127.0.0.1", 0)
    folder = tmp_path / "cau_tra_loi"
    for name, value in {"AILAB_PROVIDER": "custom", "AILAB_BASE_URL": f"http://127.0.0.1:{srv.server_address[1]}/v1",
                        "AILAB_MODEL": "mo-hinh-that", "AILAB_API_KEY": SECRET, "AILAB_CACHE": "record",
                        "AILAB_CACHE_DIR": str(folder)}.items():
        monkeypatch.setenv(name, value)
    answers = [ask(PROMPT), ask("Xin chào", system="Bạn là cán bộ văn phòng UBND xã.")]
    srv.shutdown()
    srv.server_close()
    for name in ("AILAB_PROVIDER", "AILAB_BASE_URL", "AILAB_MODEL", "AILAB_API_KEY"):
        monkeypatch.delenv(name)
    return folder, answers


def test_one_readable_json_file_per_answer_without_keys(recorded):
    folder, answers = recorded
    files = sorted(p for p in folder.glob("*.json") if p.name != "manifest.json")
    assert len(files) == 2
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text and "Authorization" not in text and "api_key" not in text
        assert "Tóm tắt" in text or "Xin chào" in text  # Vietnamese unescaped
        entry = json.loads(text)
        assert entry["key"] == path.stem
        assert entry["response"]["content"] in answers
    assert json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["model"] == "mo-hinh-that"


def test_replay_answers_offline_with_the_recorded_model(recorded, monkeypatch):
    folder, answers = recorded
    monkeypatch.setenv("AILAB_CACHE", "replay")
    replayed = ask(PROMPT)
    assert replayed == answers[0]
    assert replayed.model == "mo-hinh-that"  # taken from the folder's manifest
    assert "ghi sẵn" in replayed.provider


def test_nfd_copy_of_a_prompt_hits_the_same_entry(recorded, monkeypatch):
    folder, answers = recorded
    monkeypatch.setenv("AILAB_CACHE", "replay")
    assert ask(unicodedata.normalize("NFD", PROMPT)) == answers[0]
    payload = {"model": "m", "messages": [{"role": "user", "content": PROMPT}]}
    nfd = {"model": "m", "messages": [{"role": "user", "content": unicodedata.normalize("NFD", PROMPT)}]}
    assert request_key(payload) == request_key(nfd)


def test_key_ignores_streaming_but_not_temperature():
    base = {"model": "m", "messages": [{"role": "user", "content": "a"}]}
    assert request_key(base) == request_key({**base, "stream": True})
    assert request_key(base) != request_key({**base, "temperature": 0.2})


def test_strict_replay_miss_is_a_clear_error(recorded, monkeypatch):
    monkeypatch.setenv("AILAB_CACHE", "replay")
    with pytest.raises(AIError, match="chưa có trong thư mục câu trả lời ghi sẵn"):
        ask("Một câu hỏi chưa ghi")


def test_auto_miss_falls_back_to_the_offline_assistant_with_a_notice(recorded, monkeypatch):
    monkeypatch.setenv("AILAB_CACHE", "auto")
    assert ask(PROMPT) == recorded[1][0]
    fallback = ask("Một câu hỏi chưa ghi")
    assert fallback.startswith(NOTICE_FALLBACK) and LABEL in fallback


def test_streaming_replay_gives_the_recorded_text(recorded, monkeypatch):
    from ailab.llm import get_client

    monkeypatch.setenv("AILAB_CACHE", "replay")
    settings, client = get_client()
    stream = client.chat.completions.create(model=settings.model, stream=True,
                                            messages=[{"role": "user", "content": PROMPT}])
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == recorded[1][0]


def test_half_written_entry_is_ignored(tmp_path):
    cache = AnswerCache(tmp_path)
    payload = {"model": "m", "messages": [{"role": "user", "content": "a"}]}
    cache.path(request_key(payload)).write_text("{broken", encoding="utf-8")
    assert cache.get(payload) is None
    cache.put(payload, "trả lời")
    assert cache.get(payload)["response"]["content"] == "trả lời"
