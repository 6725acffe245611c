"""The OpenAI chat-completions wire format around the offline engine, shared by the in-process transport and
``ailab serve``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from ailab.offline.engine import MODEL_NAME, estimate_tokens, respond

CREATED = 1735689600  # fixed, so identical requests give identical answers


class BadRequest(ValueError):
    """The request body is not a chat-completions request; the message is safe to show."""


def _validate(payload: object) -> dict:
    if not isinstance(payload, dict):
        raise BadRequest("Yêu cầu phải là một đối tượng JSON.")
    messages = payload.get("messages")
    if not isinstance(messages, list) or not messages or not all(isinstance(m, dict) for m in messages):
        raise BadRequest("Thiếu trường 'messages' (danh sách tin nhắn có 'role' và 'content').")
    return payload


def _completion_id(payload: dict) -> str:
    digest = hashlib.sha256(json.dumps(payload.get("messages"), ensure_ascii=False, sort_keys=True).encode())
    return "chatcmpl-offline-" + digest.hexdigest()[:24]


def _usage(payload: dict, content: str) -> dict:
    prompt = sum(estimate_tokens(str(m.get("content") or "")) for m in payload["messages"])
    completion = estimate_tokens(content)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def chat_completion(payload: dict) -> dict:
    """Answer a chat-completions request body with a chat-completion object (non-streaming)."""
    payload = _validate(payload)
    content = respond(payload["messages"], payload)
    return {
        "id": _completion_id(payload),
        "object": "chat.completion",
        "created": CREATED,
        "model": payload.get("model") or MODEL_NAME,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": _usage(payload, content),
    }


def chat_completion_chunks(payload: dict, content: str | None = None) -> Iterator[dict]:
    """The same answer as a stream of chat.completion.chunk objects (one per line of the answer)."""
    payload = _validate(payload)
    if content is None:
        content = respond(payload["messages"], payload)
    base = {"id": _completion_id(payload), "object": "chat.completion.chunk", "created": CREATED,
            "model": payload.get("model") or MODEL_NAME}
    yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}
    for piece in content.splitlines(keepends=True):
        yield {**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
    last = {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    if (payload.get("stream_options") or {}).get("include_usage"):
        last["usage"] = _usage(payload, content)
    yield last


def sse(chunks: Iterator[dict]) -> Iterator[bytes]:
    """Server-sent events framing, ending with ``data: [DONE]`` as OpenAI does."""
    for chunk in chunks:
        yield b"data: " + json.dumps(chunk, ensure_ascii=False).encode("utf-8") + b"\n\n"
    yield b"data: [DONE]\n\n"


def list_models() -> dict:
    """The /v1/models answer: the one offline model."""
    return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "created": CREATED,
                                         "owned_by": "ailab"}]}
