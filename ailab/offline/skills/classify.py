"""Classify: put each text into one of the labels the prompt names, with the words that decided it."""

from __future__ import annotations

import re

from ailab.offline.prompt import Prompt
from ailab.offline.skills import Skill
from ailab.text import fold, nfc

_LABEL_LIST = re.compile(
    r"(?:nhóm|nhãn|loại|lĩnh vực|danh mục|một trong(?: các)?(?: nhóm| nhãn| loại)?)\s*(?:sau)?\s*[:：]\s*(.+)", re.I
)
_HINTS = {
    "lua dao": "chuyển tiền chuyển khoản mã otp otp đường link link cài ứng dụng cập nhật vneid khóa tài khoản "
    "chúc mừng nhận thưởng cài vneid "
    "trúng thưởng nhận quà việc nhẹ lương cao nhiệm vụ hoàn tiền công an điều tra rửa tiền cắt điện "
    "gấp ngay lập tức bí mật mật khẩu",
    "an toan": "lịch họp thông báo trụ sở bộ phận một cửa trực tiếp tổng đài chính thức hẹn trả kết quả",
    "ho tich": "khai sinh kết hôn khai tử hộ tịch giấy khai sinh nhận cha mẹ con",
    "dat dai": "đất thửa ranh giới lấn chiếm sổ đỏ quyền sử dụng đất tranh chấp đất",
    "moi truong": "rác thải ô nhiễm mùi hôi nước thải khói bụi xả thải đốt rơm rạ",
    "giao thong": "đường hỏng ổ gà đèn đường cầu cống giao thông sập sạt lở",
    "an ninh trat tu": "trộm cắp gây rối đánh nhau mất trật tự tiếng ồn karaoke",
    "chung thuc": "chứng thực sao y bản sao hợp đồng chữ ký",
}
_KNOWN_PHRASES = (
    "chuyển tiền", "chuyển khoản", "mã otp", "đường link", "cài ứng dụng", "cập nhật vneid", "khóa tài khoản",
    "trúng thưởng", "nhận quà", "việc nhẹ lương cao", "nhiệm vụ", "hoàn tiền", "rửa tiền", "cắt điện",
    "mật khẩu", "chúc mừng", "nhận thưởng", "lịch họp", "bộ phận một cửa", "khai sinh", "kết hôn", "khai tử", "lấn chiếm", "rác thải",
    "nước thải", "ô nhiễm", "ổ gà", "đèn đường", "trộm cắp", "gây rối", "chứng thực", "bản sao", "tranh chấp đất",
)
# Single words that are evidence on their own (others are only parts of the phrases above).
_TELLING_WORDS = {"link", "otp", "vneid", "gấp", "sập", "karaoke", "ồn", "rác", "đất", "cầu"}
NO_LABELS = (
    "Tôi chưa thấy danh sách nhóm cần phân loại. Hãy ghi rõ, ví dụ: "
    "\"Phân loại tin nhắn sau vào một trong các nhóm: lừa đảo, an toàn.\""
)


def labels_named(instruction: str) -> list[str]:
    """The labels a prompt names: after "nhóm:", "nhãn:", … or in quotes."""
    match = _LABEL_LIST.search(instruction)
    if not match:
        return re.findall(r"[\"“«']([^\"”»']{2,40})[\"”»']", instruction)
    named = re.split(r"\.\s", match.group(1).split("\n")[0])[0]
    raw = re.split(r"\s*(?:,|;|/|\bhoặc\b|\bhay\b)\s*", named.rstrip(". "))
    return [r.strip(" \"“”«».") for r in raw if r.strip(" \"“”«».")]


def classify(instruction: str, source: str) -> str:
    """Pick, for each text, the named label whose words (and a small built-in lexicon) it shares most."""
    labels = labels_named(instruction) or labels_named(source)
    if not labels and "lua dao" in fold(instruction):  # "Tin nhắn sau có phải lừa đảo không?"
        labels = ["lừa đảo", "an toàn"]
        instruction = re.sub(r"^[^?\n]*\?\s*", "", instruction) or instruction
    if not labels:
        return NO_LABELS
    out = []
    for number, item in _items(source or instruction):
        label, evidence = _best_label(item, labels)
        reason = f"có các từ gợi ý: {', '.join(evidence)}" if evidence else "không thấy dấu hiệu rõ, cần người xem lại"
        prefix = f"{number} " if number else ""
        out.append(f"{prefix}Nhãn: {label} — lý do: {reason}.")
    return "\n".join(out)


def _items(text: str) -> list[tuple[str, str]]:
    lines = [ln.strip() for ln in nfc(text).split("\n") if ln.strip()]
    numbered = [re.match(r"^((?:\d+|[a-z])[.)])\s*(.+)", ln) for ln in lines]
    if len(lines) > 1 and all(numbered):
        return [(m.group(1), m.group(2)) for m in numbered]
    return [("", nfc(text).strip())]


def _best_label(item: str, labels: list[str]) -> tuple[str, list[str]]:
    item_folded = " " + fold(item) + " "
    best, best_score, best_evidence = labels[0], 0.0, []
    for label in labels:
        key = fold(label)
        lexicon = [w for w in (_HINTS.get(key, "") + " " + key).split() if w]
        phrases = _phrases(_HINTS.get(key, "")) + [key]
        evidence = [p for p in phrases if p and f" {fold(p)} " in item_folded or fold(p) in item_folded and " " in p]
        words = [w for w in dict.fromkeys(lexicon) if f" {fold(w)} " in item_folded]
        score = len(evidence) + 0.1 * len(words)
        evidence += [w for w in words if w in _TELLING_WORDS and not any(fold(w) in fold(e) for e in evidence)]
        if score > best_score:
            best, best_score, best_evidence = label, score, evidence
    if best_score == 0:
        fallback = [lb for lb in labels if fold(lb) in ("an toan", "khac", "binh thuong", "khong lua dao")]
        best = fallback[0] if fallback else labels[0]
    return best, best_evidence[:4]


def _phrases(hint: str) -> list[str]:
    """Multi-word phrases from the built-in lexicon, matched as whole phrases."""
    folded_hint = fold(hint)
    return [p for p in _KNOWN_PHRASES if fold(p) in folded_hint]


def _answer(prompt: Prompt) -> str:
    return classify(prompt.instruction, prompt.source)


SKILLS = (Skill("classify", 30, lambda p: p.asks("classify"), _answer),)
