"""Record/replay of AI answers: one readable JSON file per answer, keyed by the canonical request.

A trainer records a workshop's answers with a real model where the internet is good, ships the folder, and
learners replay them offline. Keys, headers and anything secret are never stored: only the request's model,
messages and answer-shaping parameters, and the answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

from ailab.text import nfc

MODES = ("off", "record", "replay", "auto")
# Parameters that change the answer; everything else (stream, user, timeouts, headers) does not.
KEY_PARAMS = (
    "temperature", "top_p", "max_tokens", "max_completion_tokens", "n", "stop", "seed", "response_format",
    "tools", "tool_choice", "presence_penalty", "frequency_penalty", "reasoning_effort",
)
MANIFEST = "manifest.json"


def _normalise(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def canonical_request(payload: dict) -> dict:
    """The part of a chat-completions request that decides the answer, NFC-normalised."""
    messages = [
        {"role": m.get("role"), "content": _normalise(m.get("content"))}
        | ({"name": m["name"]} if m.get("name") else {})
        for m in payload.get("messages", [])
    ]
    params = {k: _normalise(payload[k]) for k in KEY_PARAMS if payload.get(k) is not None}
    return {"model": payload.get("model"), "messages": messages, "params": params}


def request_key(payload: dict) -> str:
    """SHA-256 of the canonical request: an NFD copy of a prompt gives the same key."""
    canonical = json.dumps(canonical_request(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class AnswerCache:
    """A folder of recorded answers."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, payload: dict) -> dict | None:
        """The recorded entry for this request, or None."""
        path = self.path(request_key(payload))
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, payload: dict, content: str, finish_reason: str = "stop", usage: dict | None = None,
            provider: str = "") -> Path:
        """Store one answer atomically (a half-written file never becomes an entry)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = request_key(payload)
        entry = {
            "key": key,
            "recorded": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "provider": provider,
            "request": canonical_request(payload),
            "response": {"content": nfc(content), "finish_reason": finish_reason, "usage": usage or {}},
        }
        handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path(key))
        manifest = self.folder / MANIFEST
        if not manifest.exists():
            manifest.write_text(
                json.dumps({"provider": provider, "model": payload.get("model")}, ensure_ascii=False, indent=2),
                encoding="utf-8",
            )
        return self.path(key)

    def manifest(self) -> dict:
        """What the folder was recorded with (provider and model), or {}."""
        try:
            return json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def __len__(self) -> int:
        return sum(1 for p in self.folder.glob("*.json") if p.name != MANIFEST) if self.folder.is_dir() else 0
