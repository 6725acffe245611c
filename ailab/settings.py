"""Settings for AI access, from environment variables and a ``.env`` file.

One provider preset (or a base URL), a model and a key are all a learner or trainer sets. With no key the lab
uses the offline assistant.

| variable | meaning |
|---|---|
| ``AILAB_PROVIDER`` | ``offline`` (default with no key), ``openai``, ``gemini``, ``ollama``, ``custom`` |
| ``AILAB_BASE_URL`` | the OpenAI-compatible endpoint (required for ``custom``; overrides a preset's) |
| ``AILAB_MODEL`` | model name (each preset has a default) |
| ``AILAB_API_KEY`` | the key; ``OPENAI_API_KEY`` / ``GEMINI_API_KEY`` are read too |
| ``AILAB_CACHE`` | ``off`` (default), ``record``, ``replay``, ``auto`` |
| ``AILAB_CACHE_DIR`` | the folder of recorded answers (default ``~/.ailab/cau_tra_loi``) |
| ``AILAB_TIMEOUT`` / ``AILAB_MAX_RETRIES`` | seconds per request (60) / retries after a failure (3) |
| ``AILAB_PRICE_INPUT`` / ``AILAB_PRICE_OUTPUT`` | price per million input / output tokens, for a cost estimate |
| ``AILAB_CURRENCY`` | the price's currency label (``USD``) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PRESETS = {
    "offline": {"base_url": "http://tro-ly-ngoai-tuyen.local/v1", "model": "tro-ly-ngoai-tuyen", "label": "Trợ lý ngoại tuyến"},
    "openai": {"base_url": "https://api.openai.com/v1", "model": "gpt-4o-mini", "label": "OpenAI"},
    "gemini": {
        "base_url": "https://generativelanguage.googleapis.com/v1beta/openai/",
        "model": "gemini-2.5-flash",
        "label": "Google Gemini",
    },
    "ollama": {"base_url": "http://127.0.0.1:11434/v1", "model": "qwen2.5:7b", "label": "Ollama (máy chủ nội bộ)"},
    "custom": {"base_url": "", "model": "", "label": "Máy chủ tương thích OpenAI"},
}
KEY_VARIABLES = {"openai": "OPENAI_API_KEY", "gemini": "GEMINI_API_KEY"}


class SettingsError(ValueError):
    """A setting is wrong; the message is Vietnamese and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Everything needed to build the AI client."""

    provider: str = "offline"
    base_url: str = PRESETS["offline"]["base_url"]
    model: str = PRESETS["offline"]["model"]
    api_key: str = field(default="", repr=False)
    cache_mode: str = "off"
    cache_dir: Path = Path.home() / ".ailab" / "cau_tra_loi"
    timeout: float = 60.0
    max_retries: int = 3
    price_input: float | None = None
    price_output: float | None = None
    currency: str = "USD"

    @property
    def label(self) -> str:
        """How the provider is named to a learner."""
        return PRESETS.get(self.provider, PRESETS["custom"])["label"]

    @property
    def masked_key(self) -> str:
        """The key as it may be shown: never more than its last four characters."""
        if not self.api_key:
            return "(chưa đặt)"
        return "…" + self.api_key[-4:] if len(self.api_key) > 12 else "(đã đặt)"


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a ``.env`` file (KEY=value lines, # comments, optional quotes); missing file → {}."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return values
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return values


def find_env_file(start: Path | None = None) -> Path | None:
    """The nearest ``.env`` from the working folder upwards, else ``~/.ailab/.env``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        if (candidate / ".env").is_file():
            return candidate / ".env"
    home = Path.home() / ".ailab" / ".env"
    return home if home.is_file() else None


def _number(value: str | None, name: str, default, kind=float):
    if value in (None, ""):
        return default
    try:
        return kind(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} không phải là số. Hãy sửa lại, ví dụ {name}={default}.") from None


def load_settings(environ: dict[str, str] | None = None, env_file: Path | None = None) -> Settings:
    """Read settings: real environment variables win over the ``.env`` file."""
    env = dict(read_env_file(env_file) if env_file else read_env_file(find_env_file() or Path("/nonexistent")))
    env.update(os.environ if environ is None else environ)
    get = lambda name: (env.get(name) or "").strip()  # noqa: E731

    provider = get("AILAB_PROVIDER").lower()
    key = get("AILAB_API_KEY")
    if not provider:
        provider = "openai" if (key or get("OPENAI_API_KEY")) else "gemini" if get("GEMINI_API_KEY") else "offline"
    if provider not in PRESETS:
        raise SettingsError(
            f"AILAB_PROVIDER={provider!r} không hợp lệ. Chọn một trong: {', '.join(PRESETS)}."
        )
    key = key or get(KEY_VARIABLES.get(provider, ""))
    if provider == "ollama" and not key:
        key = "ollama"  # Ollama ignores the key but the SDK requires one
    preset = PRESETS[provider]
    base_url = get("AILAB_BASE_URL") or preset["base_url"]
    if provider == "custom" and not base_url:
        raise SettingsError("Với AILAB_PROVIDER=custom, hãy đặt AILAB_BASE_URL, ví dụ http://127.0.0.1:8000/v1.")
    if provider in ("openai", "gemini") and not key:
        raise SettingsError(
            f"Chưa có khóa API cho {preset['label']}. Đặt AILAB_API_KEY trong tệp .env, "
            "hoặc xóa AILAB_PROVIDER để dùng trợ lý ngoại tuyến."
        )
    cache_mode = get("AILAB_CACHE").lower() or "off"
    if cache_mode not in ("off", "record", "replay", "auto"):
        raise SettingsError(f"AILAB_CACHE={cache_mode!r} không hợp lệ. Chọn: off, record, replay hoặc auto.")
    cache_dir = Path(get("AILAB_CACHE_DIR")).expanduser() if get("AILAB_CACHE_DIR") else Settings.cache_dir
    model = get("AILAB_MODEL") or preset["model"]
    if cache_mode in ("replay", "auto") and not get("AILAB_MODEL"):
        from ailab.cache import AnswerCache

        model = AnswerCache(cache_dir).manifest().get("model") or model
    if not model:
        raise SettingsError("Hãy đặt AILAB_MODEL (tên mô hình trên máy chủ của bạn).")
    return Settings(
        provider=provider,
        base_url=base_url,
        model=model,
        api_key=key,
        cache_mode=cache_mode,
        cache_dir=cache_dir,
        timeout=_number(get("AILAB_TIMEOUT"), "AILAB_TIMEOUT", 60.0),
        max_retries=_number(get("AILAB_MAX_RETRIES"), "AILAB_MAX_RETRIES", 3, int),
        price_input=_number(get("AILAB_PRICE_INPUT"), "AILAB_PRICE_INPUT", None),
        price_output=_number(get("AILAB_PRICE_OUTPUT"), "AILAB_PRICE_OUTPUT", None),
        currency=get("AILAB_CURRENCY") or "USD",
    )
