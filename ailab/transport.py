"""The seams where requests leave the process: httpx2 transports under the openai SDK.

``OfflineTransport`` answers chat-completions in-process with the offline assistant; ``CacheTransport`` records
answers from any inner transport or replays them. The code above (the SDK, ``ask``) never knows which answered.
"""

from __future__ import annotations

import json

import httpx2

from ailab.cache import AnswerCache
from ailab.offline import api

NOTICE_FALLBACK = (
    "(Không có câu trả lời ghi sẵn cho câu lệnh này: trợ lý ngoại tuyến trả lời thay.)"
)
CACHE_MISS_CODE = "ailab_cache_miss"


def _json_response(status: int, body: dict, request: httpx2.Request, headers: dict | None = None) -> httpx2.Response:
    return httpx2.Response(
        status,
        content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={"content-type": "application/json; charset=utf-8", **(headers or {})},
        request=request,
    )


def _sse_response(chunks, request: httpx2.Request, headers: dict | None = None) -> httpx2.Response:
    return httpx2.Response(
        200,
        content=b"".join(api.sse(chunks)),
        headers={"content-type": "text/event-stream; charset=utf-8", **(headers or {})},
        request=request,
    )


def _error(status: int, message: str, request: httpx2.Request, code: str = "invalid_request_error"):
    return _json_response(status, {"error": {"message": message, "type": code, "code": code}}, request)


def _payload(request: httpx2.Request) -> dict | None:
    try:
        payload = json.loads(request.read() or b"null")
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _is_chat(request: httpx2.Request) -> bool:
    return request.method == "POST" and request.url.path.rstrip("/").endswith("/chat/completions")


class OfflineTransport(httpx2.BaseTransport):
    """Answers ``/models`` and ``/chat/completions`` (streaming too) with the offline assistant."""

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        path = request.url.path.rstrip("/")
        if request.method == "GET" and path.endswith("/models"):
            return _json_response(200, api.list_models(), request)
        if not _is_chat(request):
            return _error(404, f"Trợ lý ngoại tuyến không hỗ trợ {request.method} {path}.", request, "not_found")
        payload = _payload(request)
        try:
            if payload is not None and payload.get("stream"):
                return _sse_response(api.chat_completion_chunks(payload), request)
            return _json_response(200, api.chat_completion(payload), request)
        except api.BadRequest as problem:
            return _error(400, str(problem), request)


class CacheTransport(httpx2.BaseTransport):
    """Record answers from ``inner`` or replay them from ``cache``.

    Modes: ``record`` asks ``inner`` and stores each answer; ``replay`` answers only from the cache (a miss is a
    404 with code ``ailab_cache_miss``); ``auto`` answers from the cache and falls back to the offline assistant,
    with a notice, on a miss.
    """

    def __init__(self, inner: httpx2.BaseTransport, cache: AnswerCache, mode: str, provider: str = ""):
        self.inner, self.cache, self.mode, self.provider = inner, cache, mode, provider
        self.offline = OfflineTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if self.mode == "off" or not _is_chat(request):
            # /models and other calls: replay and auto never touch the network
            target = self.inner if self.mode in ("off", "record") else self.offline
            return target.handle_request(request)
        payload = _payload(request)
        if payload is None:
            return _error(400, "Yêu cầu không phải JSON hợp lệ.", request)
        if self.mode == "record":
            return self._record(request, payload)
        entry = self.cache.get(payload)
        if entry is not None:
            return self._replay(request, payload, entry)
        if self.mode == "replay":
            return _error(404, "Câu lệnh này chưa được ghi sẵn trong thư mục câu trả lời.", request, CACHE_MISS_CODE)
        content = NOTICE_FALLBACK + "\n" + api.respond(payload["messages"], payload)
        return self._replay(request, payload, {"response": {"content": content}}, source="offline-fallback")

    def _replay(self, request, payload, entry, source="cache") -> httpx2.Response:
        response = entry.get("response", {})
        content = response.get("content", "")
        headers = {"x-ailab-source": source}
        if payload.get("stream"):
            return _sse_response(api.chat_completion_chunks(payload, content), request, headers)
        body = {
            "id": "chatcmpl-replay-" + (entry.get("key") or "offline")[:24],
            "object": "chat.completion",
            "created": api.CREATED,
            "model": payload.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": response.get("finish_reason", "stop")}],
            "usage": response.get("usage") or api._usage(payload, content),
        }
        return _json_response(200, body, request, headers)

    def _record(self, request, payload) -> httpx2.Response:
        response = self.inner.handle_request(request)
        if response.status_code != 200:
            return response
        raw = response.read()
        content, finish, usage = _answer_from(raw, streamed=bool(payload.get("stream")))
        if content is not None:
            self.cache.put(payload, content, finish or "stop", usage, provider=self.provider)
        return httpx2.Response(200, content=raw, headers=response.headers, request=request)


def _answer_from(raw: bytes, streamed: bool) -> tuple[str | None, str | None, dict | None]:
    """The assistant text, finish reason and usage from a JSON or SSE chat-completions response."""
    try:
        if not streamed:
            body = json.loads(raw)
            choice = body["choices"][0]
            return choice["message"].get("content") or "", choice.get("finish_reason"), body.get("usage")
        parts, finish, usage = [], None, None
        for line in raw.decode("utf-8").splitlines():
            if not line.startswith("data:") or line.strip() == "data: [DONE]":
                continue
            chunk = json.loads(line[5:])
            usage = chunk.get("usage") or usage
            for choice in chunk.get("choices") or []:
                parts.append((choice.get("delta") or {}).get("content") or "")
                finish = choice.get("finish_reason") or finish
        return "".join(parts), finish, usage
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None, None, None
