"""AI access for lessons and exercises: ``ask`` and ``chat`` over the openai SDK, whichever model answers.

One place builds the ``openai.OpenAI`` client from settings. The offline assistant and the record/replay cache
sit at the SDK's transport, so the code here is the same for OpenAI, Gemini, Ollama, vLLM or no network at all.
Failures come back as a short Vietnamese message (what happened, what to do), never a traceback or a key.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass

import httpx2
import openai

from ailab.cache import AnswerCache
from ailab.settings import Settings, SettingsError, load_settings
from ailab.text import nfc
from ailab.transport import CACHE_MISS_CODE, CacheTransport, OfflineTransport


class AIError(RuntimeError):
    """A failed AI call, with a Vietnamese message that is safe to show (no key, no traceback)."""


class MalformedAnswer(ValueError):
    """The server answered 200 with a body that is not a chat completion (no choices, no message)."""


# Failures of the network or of the other side's protocol: retried where the SDK does not, then explained.
# Anything else (TypeError, AttributeError, KeyError …) is a bug in our code or the learner's and surfaces as is.
NETWORK_FAILURES = (openai.APIError, httpx2.HTTPError, json.JSONDecodeError, UnicodeDecodeError, MalformedAnswer)


@dataclass
class Usage:
    """Token counts of one call or a whole session."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False

    def add(self, prompt: int, completion: int, estimated: bool) -> None:
        self.calls += 1
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        self.estimated = self.estimated or estimated


_SESSION = Usage()
_LOCK = threading.Lock()
_CLIENT: tuple[Settings, openai.OpenAI] | None = None


def build_client(settings: Settings, transport: httpx2.BaseTransport | None = None) -> openai.OpenAI:
    """The openai SDK client for ``settings``, with the offline or cache transport plugged in where needed.

    ``transport`` replaces the one chosen from the settings (the network, or the offline assistant): tests
    inject an ``httpx2.MockTransport`` here. The record/replay cache, when on, still wraps it.
    """
    if transport is not None:
        inner: httpx2.BaseTransport = transport
    elif settings.provider == "offline":
        inner = OfflineTransport()
    else:
        inner = httpx2.HTTPTransport()
    transport = inner
    if settings.cache_mode != "off":
        transport = CacheTransport(inner, AnswerCache(settings.cache_dir), settings.cache_mode, settings.provider)
    return openai.OpenAI(
        api_key=settings.api_key or "khong-can-khoa",
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
        http_client=httpx2.Client(transport=transport, timeout=settings.timeout),
    )


def get_client() -> tuple[Settings, openai.OpenAI]:
    """The session's client, rebuilt whenever the settings change (a learner edits ``.env`` mid-lesson)."""
    global _CLIENT
    settings = load_settings()
    with _LOCK:
        if _CLIENT is None or _CLIENT[0] != settings:
            _CLIENT = (settings, build_client(settings))
        return _CLIENT


def current_provider() -> tuple[str, str]:
    """(provider label, model) of the AI that would answer now."""
    try:
        settings = load_settings()
    except SettingsError as problem:
        raise AIError(str(problem)) from None
    return _provider_label(settings), settings.model


def _provider_label(settings: Settings) -> str:
    if settings.cache_mode == "replay":
        return f"Câu trả lời ghi sẵn ({settings.label})"
    if settings.cache_mode == "auto":
        return "Câu trả lời ghi sẵn, thiếu thì trợ lý ngoại tuyến"
    return settings.label


class Answer(str):
    """The answer text (a ``str``), shown in a notebook with who answered and the token count."""

    provider: str = ""
    model: str = ""
    usage_line: str = ""

    def _repr_html_(self) -> str:
        body = html.escape(str(self)).replace("\n", "<br>")
        return (
            f'<div style="white-space:normal">{body}</div>'
            f'<div style="color:#666;font-size:85%;margin-top:4px">— {html.escape(self.provider)} · '
            f"{html.escape(self.model)} · {html.escape(self.usage_line)}</div>"
        )


def chat(messages: list[dict], *, client: openai.OpenAI | None = None, settings: Settings | None = None,
         **params) -> Answer:
    """Send a conversation (``[{"role": "user", "content": "…"}]``) and return the assistant's answer.

    ``client`` (with the ``settings`` it was built from) replaces the session's client, e.g. one built by
    ``build_client`` with an injected transport.
    """
    try:
        if client is None:
            settings, session_client = get_client()
        else:
            settings, session_client = settings or load_settings(), client
    except SettingsError as problem:
        raise AIError(str(problem)) from None
    clean = [{**m, "content": nfc(m["content"]) if isinstance(m.get("content"), str) else m.get("content")}
             for m in messages]
    model = params.pop("model", None) or settings.model
    response, content = _complete(session_client, settings, model, clean, params)
    text = Answer(nfc(content))
    this_call = _count_usage(response, settings, clean, text)
    text.provider, text.model = _provider_label(settings), model
    text.usage_line = usage_line(this_call, settings)
    return text


def _complete(client: openai.OpenAI, settings: Settings, model: str, messages: list[dict], params: dict):
    """Call the API; a malformed answer is tried once more (the SDK retries the network failures itself)."""
    for attempt in range(2):
        try:
            response = client.chat.completions.create(model=model, messages=messages, **params)
            return response, answer_text(response)
        except NETWORK_FAILURES as problem:
            if attempt == 0 and _malformed(problem):
                continue
            raise AIError(explain(problem, settings)) from None
    raise AssertionError("unreachable")  # pragma: no cover


def answer_text(response) -> str:
    """The assistant's text from a chat completion; ``MalformedAnswer`` when the body is not one."""
    choices = getattr(response, "choices", None)
    if not isinstance(choices, list) or not choices:
        raise MalformedAnswer("no choices")
    message = getattr(choices[0], "message", None)
    if not hasattr(message, "content"):
        raise MalformedAnswer("no message")
    content = message.content
    if content is not None and not isinstance(content, str):
        raise MalformedAnswer("content is not text")
    return content or ""


def _count_usage(response, settings: Settings, messages: list[dict], text: str) -> Usage:
    """This call's token counts (estimated when the server gives none), added to the session's too."""
    usage = getattr(response, "usage", None)
    estimated = settings.provider == "offline" or usage is None
    if usage is not None:
        prompt_tokens, completion_tokens = usage.prompt_tokens or 0, usage.completion_tokens or 0
    else:
        from ailab.offline.engine import estimate_tokens

        prompt_tokens = sum(estimate_tokens(str(m.get("content") or "")) for m in messages)
        completion_tokens = estimate_tokens(text)
    this_call = Usage()
    this_call.add(prompt_tokens, completion_tokens, estimated)
    with _LOCK:
        _SESSION.add(prompt_tokens, completion_tokens, estimated)
    return this_call


def ask(prompt: str, system: str | None = None, **params) -> Answer:
    """Ask the AI one question; ``system`` sets its role. Returns the answer as text."""
    if not isinstance(prompt, str) or not prompt.strip():
        raise AIError("Câu lệnh đang trống. Hãy viết câu lệnh (ví dụ: \"Tóm tắt văn bản sau…\") rồi chạy lại.")
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
    return chat(messages, **params)


def _malformed(problem: Exception) -> bool:
    """A 200 answer whose body is not a chat completion: worth one more try."""
    return isinstance(problem, (openai.APIResponseValidationError, json.JSONDecodeError, UnicodeDecodeError,
                                MalformedAnswer))


def explain(problem: Exception, settings: Settings) -> str:
    """A short Vietnamese message for a failed call: what happened and what to do. Never includes the key."""
    where = settings.label
    if isinstance(problem, openai.APITimeoutError):
        text = f"{where} không trả lời kịp (quá {settings.timeout:g} giây, đã thử lại {settings.max_retries} lần). " \
               "Kiểm tra mạng hoặc thử lại sau; có thể dùng trợ lý ngoại tuyến (AILAB_PROVIDER=offline)."
    elif isinstance(problem, openai.APIConnectionError):
        text = f"Không kết nối được tới {where} ({settings.base_url}). Kiểm tra mạng, địa chỉ máy chủ, " \
               "hoặc dùng trợ lý ngoại tuyến (AILAB_PROVIDER=offline)."
    elif isinstance(problem, openai.AuthenticationError):
        text = f"{where} từ chối khóa API (khóa sai hoặc đã hết hạn). Kiểm tra AILAB_API_KEY trong tệp .env."
    elif isinstance(problem, openai.PermissionDeniedError):
        text = f"Tài khoản không có quyền dùng mô hình «{settings.model}» trên {where}. Kiểm tra AILAB_MODEL."
    elif isinstance(problem, openai.RateLimitError):
        text = f"{where} báo quá nhiều yêu cầu hoặc hết hạn mức (lỗi 429, đã thử lại {settings.max_retries} lần). " \
               "Chờ một phút rồi chạy lại ô, hoặc kiểm tra hạn mức của tài khoản."
    elif isinstance(problem, openai.NotFoundError) and getattr(problem, "code", None) == CACHE_MISS_CODE:
        text = "Câu lệnh này chưa có trong thư mục câu trả lời ghi sẵn (chế độ replay). Hãy dùng đúng câu lệnh " \
               "trong bài, hoặc đặt AILAB_CACHE=auto để trợ lý ngoại tuyến trả lời thay."
    elif isinstance(problem, openai.NotFoundError):
        text = f"Không tìm thấy mô hình «{settings.model}» hoặc địa chỉ {settings.base_url}. Kiểm tra AILAB_MODEL " \
               "và AILAB_BASE_URL."
    elif isinstance(problem, openai.InternalServerError):
        text = f"Máy chủ {where} đang gặp lỗi (5xx, đã thử lại {settings.max_retries} lần). Thử lại sau ít phút."
    elif isinstance(problem, openai.BadRequestError):
        text = f"{where} không nhận yêu cầu này (lỗi 400). Câu lệnh có thể quá dài hoặc tham số không hợp lệ."
    elif isinstance(problem, openai.APIStatusError):
        text = f"{where} trả về lỗi {problem.status_code}. Thử lại sau, hoặc báo giảng viên."
    else:
        text = f"{where} trả về dữ liệu không đọc được (đã thử lại). Thử lại sau, hoặc báo giảng viên."
    return _scrub(text, settings)


def _scrub(text: str, settings: Settings) -> str:
    if settings.api_key and len(settings.api_key) >= 4:
        text = text.replace(settings.api_key, "***")
    return text


def usage_line(usage: Usage, settings: Settings | None = None) -> str:
    """One compact line: tokens in → out (estimated offline) and, when a price is set, the cost."""
    approx = "≈ " if usage.estimated else ""
    line = f"{approx}{usage.prompt_tokens} token vào → {usage.completion_tokens} token ra"
    if usage.calls > 1:
        line = f"{usage.calls} lần hỏi · " + line
    if settings and settings.provider != "offline" and (settings.price_input or settings.price_output):
        cost = (usage.prompt_tokens * (settings.price_input or 0) + usage.completion_tokens * (settings.price_output or 0)) / 1e6
        line += f" · ước tính {cost:.4f} {settings.currency}"
    return line


def usage_summary() -> str:
    """The session's total usage in one line."""
    try:
        settings = load_settings()
    except SettingsError:
        settings = None
    with _LOCK:
        return "Cả phiên: " + usage_line(_SESSION, settings)


def reset_usage() -> None:
    """Start counting the session's usage from zero."""
    global _SESSION
    with _LOCK:
        _SESSION = Usage()


def _install_notebook_handler() -> None:
    """In IPython, show an AIError as its Vietnamese message alone, without a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, value, tb, tb_offset=None):
        print(f"⚠ {value}")
        return None

    shell.set_custom_exc((AIError,), handler)


_install_notebook_handler()
