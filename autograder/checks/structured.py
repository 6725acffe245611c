"""Read the JSON an AI model was asked to return and validate it against a JSON Schema (module 07 and others).

Models wrap JSON in ```json fences, add a sentence before it, forget a field or invent a label. This check
finds the JSON, validates it with the ``jsonschema`` library and explains every problem in Vietnamese, so a
learner sees what to ask the model to fix, never a traceback.

Public API
----------
- ``extract_json(text) -> ParsedJSON``: the JSON value found in a model's answer (fenced or not) and the
  problem that stopped it being read, if any.
- ``schema_problems(data, schema) -> list[str]``: Vietnamese messages, one per schema violation.
- ``validate_model_json(text, schema) -> StructuredAnswer``: both steps; ``.ok``, ``.data``, ``.problems``.
- ``check_structured(text, schema, max_score) -> CheckResult``: all or nothing, for a test cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["ParsedJSON", "StructuredAnswer", "check_structured", "extract_json", "schema_problems",
           "validate_model_json"]

_FENCE = re.compile(r"```[ \t]*([A-Za-z]*)[ \t]*\n(.*?)(?:\n[ \t]*```|\Z)", re.S)
# Where a JSON value may start: a brace or bracket followed by what JSON can hold next (not "[Trợ lý …]").
_JSON_START = re.compile(r"[{\[](?=\s*(?:[\"'{\[\]}\d-]|true|false|null))")
_ASK_AGAIN = "Hãy yêu cầu AI trả lời lại CHỈ bằng JSON đúng mẫu, không thêm lời giải thích."
_TYPE_NAMES = {"object": "một đối tượng {…}", "array": "một danh sách […]", "string": "một chuỗi chữ trong nháy kép",
               "integer": "một số nguyên", "number": "một số", "boolean": "true hoặc false", "null": "null"}


@dataclass(frozen=True)
class ParsedJSON:
    """The value read from a model's answer (None when none could be read), with why not and notes."""

    data: object = None
    problem: str = ""
    notes: tuple[str, ...] = ()


@dataclass
class StructuredAnswer:
    """A model's JSON answer after reading and validation."""

    data: object = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.problems

    def report(self) -> str:
        """Vietnamese lines: "hợp lệ" or one line per problem."""
        if self.ok:
            return "JSON hợp lệ, đúng mẫu." + "".join(f"\n(Ghi chú: {n})" for n in self.notes)
        return "\n".join(f"- {p}" for p in self.problems)

    def __str__(self) -> str:
        return self.report()


def _decode_error(error: json.JSONDecodeError, text: str) -> str:
    hint = "thường do thiếu dấu phẩy, thiếu dấu ngoặc đóng hoặc câu trả lời bị cắt giữa chừng"
    if "'" in text and '"' not in text:
        hint = "JSON dùng nháy kép \" quanh tên trường và chữ, không dùng nháy đơn '"
    return (f"Câu trả lời có JSON nhưng không đọc được (dòng {error.lineno}, cột {error.colno}): {hint}. "
            + _ASK_AGAIN)


def extract_json(text) -> ParsedJSON:
    """Find and read the JSON value in a model's answer: fenced in ```json … ```, bare, or after a sentence."""
    if not isinstance(text, str) or not text.strip():
        return ParsedJSON(problem="Câu trả lời của AI đang trống: dán câu trả lời vào giữa hai dấu nháy ba.")
    text = nfc(text).strip().lstrip("\ufeff")
    notes = []
    fenced = [body for lang, body in _FENCE.findall(text) if lang.lower() in ("", "json")]
    if fenced:
        text = fenced[0].strip()
        notes.append("AI bọc JSON trong cặp dấu ```; phòng thực hành đã tự bỏ cặp dấu này.")
    starts = [match.start() for match in _JSON_START.finditer(text)]
    if not starts:
        return ParsedJSON(problem="Câu trả lời không có JSON (chỉ có lời văn). " + _ASK_AGAIN)
    first_error = None
    for start in starts:
        try:
            data, end = json.JSONDecoder().raw_decode(text, start)
            break
        except json.JSONDecodeError as error:
            first_error = first_error or (error, text[start:])
    else:
        return ParsedJSON(problem=_decode_error(*first_error))
    if text[:start].strip() or text[end:].strip():
        notes.append("Câu trả lời có thêm lời văn ngoài JSON; phòng thực hành chỉ đọc phần JSON.")
    return ParsedJSON(data=data, notes=tuple(notes))


def _where(path) -> str:
    parts = []
    for step in path:
        parts.append(f"mục thứ {step + 1}" if isinstance(step, int) else f"trường «{step}»")
    return ", ".join(parts) if parts else "cả câu trả lời"


def _message(error) -> str:
    where = _where(error.absolute_path)
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in value if isinstance(instance, dict) and name not in instance]
        return f"{where.capitalize()}: thiếu trường " + ", ".join(f"«{name}»" for name in missing) + "."
    if kind == "enum":
        allowed = ", ".join(f"«{v}»" for v in value)
        return f"{where.capitalize()}: nhãn «{instance}» không có trong danh sách được dùng ({allowed})."
    if kind == "type":
        wanted = " hoặc ".join(_TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value))
        return f"{where.capitalize()}: phải là {wanted}, đang là «{json.dumps(instance, ensure_ascii=False)}»."
    if kind == "additionalProperties":
        extra = sorted(set(instance) - set(error.schema.get("properties", {})))
        return f"{where.capitalize()}: có trường không có trong mẫu: " + ", ".join(f"«{e}»" for e in extra) + "."
    if kind == "minLength":
        return f"{where.capitalize()}: đang trống hoặc quá ngắn (cần ít nhất {value} ký tự)."
    if kind in ("minItems", "maxItems"):
        return f"{where.capitalize()}: số mục không đúng (đang có {len(instance)})."
    if kind == "pattern":
        return f"{where.capitalize()}: «{instance}» không đúng dạng quy định."
    if kind in ("minimum", "maximum"):
        return f"{where.capitalize()}: giá trị {instance} nằm ngoài khoảng cho phép."
    return f"{where.capitalize()}: không đúng mẫu quy định."


def schema_problems(data, schema: dict) -> list[str]:
    """Vietnamese messages, one per violation of ``schema`` by ``data``, in document order."""
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [_message(error) for error in errors]


def validate_model_json(text, schema: dict) -> StructuredAnswer:
    """Read the JSON in ``text`` and validate it against ``schema``."""
    parsed = extract_json(text)
    if parsed.problem:
        return StructuredAnswer(None, [parsed.problem], list(parsed.notes))
    return StructuredAnswer(parsed.data, schema_problems(parsed.data, schema), list(parsed.notes))


def check_structured(text, schema: dict, max_score: float = 1.0) -> CheckResult:
    """Full points when ``text`` holds JSON that satisfies ``schema``; else zero with the reasons."""
    answer = validate_model_json(text, schema)
    return CheckResult.from_problems(answer.problems, max_score)
