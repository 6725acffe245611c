"""Grading for module 09 (biên bản cuộc họp và theo dõi nhiệm vụ).

Every function takes the answer key as an argument — the exercise builds it inside hidden test cells — and
returns a ``CheckResult`` (or, for the visible form checks, a list of Vietnamese messages that never reveal a
key). Parts:
- lines of the transcript holding residents' personal data (a pick with wrong picks penalised);
- the task table: tasks found with a verbatim source sentence, their final owners, their deadlines as dates;
  every row that is not a task of the meeting (invented, discussion only, duplicate, quote not verbatim)
  takes a task's worth off, so listing every sentence (or every sentence naming someone) earns little;
- the biên bản (.docx written by ``ailab.vanban``): the components of Mẫu 1.9 present, in order, each with
  the meeting's own content; the decisions recorded (one sentence per task: owner and deadline) and no
  invented names or dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from autograder.checks.quotes import check_quotes, fold, quote_words, sentences_of_quote
from autograder.checks.result import CheckResult
from autograder.checks.tasks import (
    KeyTask,
    TaskRow,
    find_dates,
    match_tasks,
    owner_is,
    parse_deadline,
    read_task_table,
)

__all__ = [
    "EXTRA_PENALTY",
    "bien_ban_text",
    "check_personal_lines_format",
    "check_task_table_form",
    "find_times",
    "grade_bien_ban_components",
    "grade_bien_ban_decisions",
    "grade_personal_lines",
    "grade_task_table",
    "key_tasks",
    "people_from_transcript",
    "review_task_table",
]

EXTRA_PENALTY = 1.0
_NO_DEADLINE = ("không nêu", "không có", "không ghi", "chưa nêu", "chưa có", "—", "-", "")


def key_tasks(items: Iterable[Mapping]) -> list[KeyTask]:
    """``KeyTask``s from plain dicts (code, owner_names, deadline "YYYY-MM-DD" or None, anchors)."""
    tasks = []
    for item in items:
        deadline = item.get("deadline")
        tasks.append(KeyTask(item["code"], tuple(item["owner_names"]),
                             dt.date.fromisoformat(deadline) if deadline else None, tuple(item["anchors"])))
    return tasks


# ---------------------------------------------------------------------------------------- personal data


def check_personal_lines_format(chosen, total: int) -> list[str]:
    """Form of the list of line numbers: a non-empty list of whole numbers between 1 and ``total``."""
    if not isinstance(chosen, (list, tuple, set)):
        return ["Hãy ghi một danh sách số dòng trong ngoặc vuông, ví dụ [3, 9]."]
    if not chosen:
        return ["Danh sách đang trống: ghi số các dòng có thông tin cá nhân của người dân."]
    try:
        numbers = [int(n) for n in chosen]
    except (TypeError, ValueError):
        return ["Danh sách chỉ được chứa số dòng (số nguyên), ví dụ [3, 9]."]
    outside = [n for n in numbers if not 1 <= n <= total]
    return [f"Số dòng {outside} không có: bản ghi chép có các dòng từ 01 đến {total:02d}."] if outside else []


def grade_personal_lines(chosen, expected: Iterable[int], total: int, max_score: float) -> CheckResult:
    """One point per line found, one off per wrong pick, scaled: picking every line earns nothing."""
    if check_personal_lines_format(chosen, total):
        return CheckResult(0.0, max_score, check_personal_lines_format(chosen, total))
    picked, expected = {int(n) for n in chosen}, set(expected)
    hits, wrong = len(picked & expected), len(picked - expected)
    messages = []
    if expected - picked:
        messages.append(f"Còn {len(expected - picked)} dòng có thông tin cá nhân của người dân chưa tìm ra.")
    if wrong:
        messages.append(f"Có {wrong} dòng bạn chọn không chứa thông tin cá nhân của người dân: đọc lại.")
    score = max(0.0, hits - wrong) / len(expected) * max_score
    return CheckResult(round(score, 2), max_score, messages)


# ------------------------------------------------------------------------------------------- task table


def _is_no_deadline(cell: str) -> bool:
    return fold(cell).casefold().strip(" .") in _NO_DEADLINE


def check_task_table_form(text, transcript: str, year: int) -> list[str]:
    """Visible checks: the table reads, every quote is verbatim, every deadline is a date or «không nêu»."""
    rows, problems = read_task_table(text)
    if problems or not rows:
        return problems
    messages = check_quotes([row.cau_goc for row in rows], transcript)
    for number, row in enumerate(rows, start=1):
        if not row.nguoi:
            messages.append(f"Dòng {number}: chưa ghi người thực hiện.")
        if not _is_no_deadline(row.han) and not find_dates(row.han, year):
            messages.append(f"Dòng {number}: thời hạn «{row.han}» chưa phải là một ngày cụ thể: tính ra ngày "
                            "(dd/mm/yyyy) từ ngày họp, hoặc ghi «không nêu» nếu cuộc họp không nêu hạn.")
    return messages


def _deadline_right(row: TaskRow, task: KeyTask) -> bool:
    if task.deadline is None:
        return _is_no_deadline(row.han)
    dates = find_dates(row.han, task.deadline.year)
    return len(set(dates)) == 1 and dates[0] == task.deadline


def grade_task_table(text, transcript: str, key: Sequence[KeyTask], people: Sequence[Sequence[str]],
                     part: str, max_score: float) -> CheckResult:
    """Points for one part of the table — ``part`` is "viec", "nguoi" or "han" — with extras penalised."""
    rows, problems = read_task_table(text)
    if problems and not rows:
        return CheckResult(0.0, max_score, problems)
    matching = match_tasks(rows, key, transcript)
    by_code = {task.code: task for task in key}
    if part == "viec":
        right = list(matching.matched)
    elif part == "nguoi":
        right = [code for code, row in matching.matched.items() if owner_is(row.nguoi, by_code[code], people)]
    elif part == "han":
        right = [code for code, row in matching.matched.items() if _deadline_right(row, by_code[code])]
    else:
        raise ValueError(f"part must be viec, nguoi or han, not {part!r}")
    messages = [f"Bảng tìm được {len(matching.matched)}/{len(key)} nhiệm vụ của cuộc họp."]
    names = {"nguoi": "người thực hiện", "han": "thời hạn"}
    if part in names and len(right) < len(matching.matched):
        messages.append(f"{len(matching.matched) - len(right)} nhiệm vụ ghi sai {names[part]} "
                        "(xem lại câu gốc, và việc nào được giao lại ở cuối cuộc họp).")
    for row, reason in matching.extras:
        messages.append(f"Dòng «{row.viec[:50]}» không tính: {reason} (trừ điểm).")
    score = max(0.0, len(right) - EXTRA_PENALTY * len(matching.extras)) / len(key) * max_score
    return CheckResult(round(score, 2), max_score, messages)


# -------------------------------------------------------------------------------------------- biên bản

_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*(?:giờ|h|:)\s*(\d{2})?(?!\d)")
COMPONENTS = (
    ("thoi_gian", r"thời gian", "Thời gian bắt đầu"),
    ("dia_diem", r"địa điểm", "Địa điểm"),
    ("thanh_phan", r"thành phần", "Thành phần tham dự"),
    ("chu_tri", r"chủ trì|chủ tọa|chủ toạ", "Chủ trì"),
    ("thu_ky", r"thư ký|người ghi", "Thư ký"),
    ("noi_dung", r"nội dung", "Nội dung"),
    ("ket_thuc", r"(?:cuộc họp|hội nghị)?\s*kết thúc", "Kết thúc"),
)


def find_times(text) -> list[tuple[int, int]]:
    """Clock times written "7 giờ 30", "7h30", "07:30", "14 giờ" as (hour, minute)."""
    return [(int(h), int(m or 0)) for h, m in _TIME.findall(fold(text).casefold()) if int(h) < 24]


def bien_ban_text(path) -> tuple[list[str], tuple[str, str]]:
    """(body paragraphs, (left, right) signature cells) of a .docx biên bản, NFC and whitespace folded.

    Mẫu 1.9 signs in the last table: the secretary on the left, the chair on the right.
    """
    import docx  # python-docx: imported here so the module loads fast for the form checks

    document = docx.Document(str(path))
    paragraphs = [fold(p.text) for p in document.paragraphs if fold(p.text)]
    cells = document.tables[-1].rows[0].cells if document.tables else []
    signers = (fold(cells[0].text), fold(cells[-1].text)) if cells else ("", "")
    return paragraphs, signers


def _names_in(text: str, people: Sequence[Sequence[str]]) -> list[int]:
    """Indexes of the people a text names (case kept: "Toàn" is a name, "toàn bộ" is not)."""
    text = re.sub(r"\bThành phần", "thành phần", fold(text))
    return [i for i, names in enumerate(people)
            if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text) for n in names)]


def _index_of(name: str, people: Sequence[Sequence[str]]) -> int:
    return next((i for i, names in enumerate(people) if name in names), -1)


def _component_ok(name: str, text: str, facts: Mapping, people: Sequence[Sequence[str]]) -> bool:
    if name == "thoi_gian":
        return tuple(facts["bat_dau"]) in find_times(text) and facts["ngay"] in find_dates(text, facts["ngay"].year)
    if name == "dia_diem":
        return all(word.casefold() in text.casefold() for word in facts["dia_diem"])
    if name == "thanh_phan":
        return len(_names_in(text, people)) >= len(people) - 1
    if name in ("chu_tri", "thu_ky"):
        return _names_in(text, people) == [_index_of(facts[name], people)]
    if name == "noi_dung":
        return True
    return tuple(facts["ket_thuc"]) in find_times(text)


def _find_components(paragraphs: list[str]) -> dict[str, int]:
    """Index of the paragraph each component label starts, keeping only labels in the decree's order."""
    found, position = {}, -1
    for name, label, _ in COMPONENTS:
        for index in range(position + 1, len(paragraphs)):
            head = paragraphs[index].casefold()[:40]
            if re.match(r"^(?:[-–•\d.)\s]*)(?:" + label + ")", head) or (name == "ket_thuc" and "kết thúc" in head):
                found[name] = position = index
                break
    return found


COPY_LIMIT = 5


def copied_lines(paragraphs: Sequence[str], transcript: str) -> int:
    """How many utterances of the transcript (the words after "NN. Speaker:", six words or more) the biên bản
    repeats word for word: a biên bản records conclusions, it is not the transcript pasted in."""
    body = fold(" ".join(paragraphs))
    count = 0
    for line in transcript.splitlines():
        match = re.match(r"\s*\d+\.\s+[^:]{1,40}:\s+(.*)", line)
        if match and len(match.group(1).split()) >= 6 and fold(match.group(1)) in body:
            count += 1
    return count


def _copy_verdict(paragraphs: Sequence[str], transcript: str, max_score: float) -> CheckResult | None:
    copied = copied_lines(paragraphs, transcript)
    if copied < COPY_LIMIT:
        return None
    return CheckResult(0.0, max_score, [f"Biên bản chép nguyên {copied} lời phát biểu của bản ghi chép: biên bản ghi "
                                        "diễn biến chính và kết luận bằng lời của thư ký, không dán lại bản ghi."])


def grade_bien_ban_components(path, facts: Mapping, people: Sequence[Sequence[str]], max_score: float,
                              transcript: str = "") -> CheckResult:
    """Mẫu 1.9's components, in order, each with the meeting's content; plus the two signatures (8 items).

    ``facts``: ngay (date), bat_dau and ket_thuc ((hour, minute)), dia_diem (words), chu_tri and thu_ky
    (full names, as in ``people``).
    """
    try:
        paragraphs, (secretary_cell, chair_cell) = bien_ban_text(path)
    except Exception:  # noqa: BLE001 — any unreadable file is the learner's to fix, with a message
        return CheckResult(0.0, max_score, [f"Không mở được tệp biên bản «{path}»: hãy chạy lại ô tạo tệp Word."])
    copy = _copy_verdict(paragraphs, transcript, max_score)
    if copy is not None:
        return copy
    found = _find_components(paragraphs)
    right, messages = 0, []
    for order, (name, _, shown) in enumerate(COMPONENTS):
        if name not in found:
            messages.append(f"Thiếu (hoặc sai thứ tự) thành phần «{shown}».")
            continue
        end = min([found[n] for n, *_ in COMPONENTS[order + 1:] if n in found] or [len(paragraphs)])
        block = " ".join(paragraphs[found[name]:end if name == "thanh_phan" else found[name] + 1])
        if name == "noi_dung" and end - found[name] < 2 and len(paragraphs[found[name]]) < 60:
            messages.append("Phần «Nội dung» chưa ghi diễn biến, kết luận của cuộc họp.")
        elif _component_ok(name, block, facts, people):
            right += 1
        else:
            messages.append(f"Thành phần «{shown}» chưa đúng với cuộc họp: đối chiếu lại bản ghi chép.")
    if _names_in(chair_cell, people) == [_index_of(facts["chu_tri"], people)] and \
            _names_in(secretary_cell, people) == [_index_of(facts["thu_ky"], people)]:
        right += 1
    else:
        messages.append("Phần ký chưa đúng: chủ tọa (người chủ trì) và thư ký cuộc họp ký biên bản.")
    return CheckResult(round(right / (len(COMPONENTS) + 1) * max_score, 2), max_score, messages)


_HONORIFIC = re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Đđ]ồng chí|[Cc]háu)\s+(\w+(?:\s+\w+){0,3})")


def _person_names(text: str) -> list[str]:
    """Names written after ông, bà, anh, chị, đồng chí: the capitalised words that follow, in order, once each."""
    found: list[str] = []
    for match in _HONORIFIC.finditer(text):
        words = []
        for word in match.group(1).split():
            if not word[0].isupper():
                break
            words.append(word)
        if words and " ".join(words) not in found:
            found.append(" ".join(words))
    return found


def _known_name(name: str, known: str, people: Sequence[Sequence[str]]) -> bool:
    """A name is known when it stands in the transcript, or starts with the name of someone at the meeting."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", known) is not None or any(
        name.startswith(full + " ") for names in people for full in names)


def people_from_transcript(transcript: str) -> list[tuple[str, str]]:
    """(given name, full name) of everyone the transcript's header lists: chair, attendees, note-taker."""
    header = fold(transcript.split("\n01.")[0])
    return [(full.split()[-1], full) for full in _person_names(header) if len(full.split()) >= 2]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;!?])\s+|\n", text) if s.strip()]


def grade_bien_ban_decisions(path, transcript: str, key: Sequence[KeyTask], people: Sequence[Sequence[str]],
                             meeting: dt.date, max_score: float) -> CheckResult:
    """Each task with a deadline recorded in one sentence with its final owner and its date; invented names or
    dates (not in the transcript, not a task's deadline) and sentences giving someone a deadline the meeting
    did not give take one task's worth off each."""
    try:
        paragraphs, _ = bien_ban_text(path)
    except Exception:  # noqa: BLE001
        return CheckResult(0.0, max_score, [f"Không mở được tệp biên bản «{path}»."])
    copy = _copy_verdict(paragraphs, transcript, max_score)
    if copy is not None:
        return copy
    body = "\n".join(paragraphs)
    sentences = _sentences(body)
    dated = [task for task in key if task.deadline is not None]
    pairs = {(next(i for i, names in enumerate(people) if set(names) & set(task.owner_names)), task.deadline)
             for task in dated}
    recorded = sum(any(owner in _names_in(s, people) and len(_names_in(s, people)) <= 3
                       and set(find_dates(s, meeting.year)) == {deadline} for s in sentences)
                   for owner, deadline in pairs)
    # A sentence giving one person one date is a decision: one the meeting did not take is wrong.
    wrong = 0
    for sentence in sentences:
        named, dates = _names_in(sentence, people), set(find_dates(sentence, meeting.year)) - {meeting}
        if len(named) == 1 and len(dates) == 1 and (named[0], dates.pop()) not in pairs:
            wrong += 1
    allowed = set(find_dates(transcript, meeting.year)) | {t.deadline for t in dated} | {meeting}
    invented_dates = sorted({d for d in find_dates(body, meeting.year) if d not in allowed})
    known = fold(transcript)
    invented_names = sorted(name for name in _person_names(body) if not _known_name(name, known, people))
    messages = [f"Biên bản ghi được {recorded}/{len(dated)} kết luận giao việc (người thực hiện và thời hạn "
                "trong cùng một câu)."]
    if invented_dates:
        messages.append(f"Có {len(invented_dates)} ngày không có trong cuộc họp (bịa hoặc tính sai).")
    if invented_names:
        messages.append(f"Có tên người không có trong cuộc họp: {', '.join(invented_names)}.")
    if wrong:
        messages.append(f"Có {wrong} câu giao việc (một người, một hạn) không đúng kết luận của cuộc họp.")
    score = max(0, recorded - len(invented_dates) - len(invented_names) - wrong) / len(dated) * max_score
    return CheckResult(round(score, 2), max_score, messages)


# ------------------------------------------------------------------------------------------- lesson aid


def review_task_table(text, transcript: str, meeting: dt.date) -> list[str]:
    """Notes on each row of a pasted task table, for the learner to act on (no key involved).

    Per row: the quote is verbatim or not; when it is, the deadline the quoted words give (counted from the
    meeting date) against the date in the row; whether the row's owner is named in the quote.
    """
    rows, problems = read_task_table(text)
    if not rows:
        return problems
    notes = []
    for number, row in enumerate(rows, start=1):
        label = row.viec if len(row.viec) <= 40 else row.viec[:40].rsplit(" ", 1)[0] + "…"
        sentences = sentences_of_quote(row.cau_goc, transcript)
        if quote_words(row.cau_goc) < 5 or not sentences:
            notes.append(f"Dòng {number} «{label}»: câu gốc không có nguyên văn trong bản ghi chép — "
                         "có thể AI viết lại hoặc bịa; tìm câu thật hoặc bỏ dòng này.")
            continue
        said = parse_deadline(row.cau_goc, meeting)
        written = find_dates(row.han, meeting.year)
        if said and written and written[0] != said:
            notes.append(f"Dòng {number} «{label}»: câu gốc cho hạn {said:%d/%m/%Y}, bảng ghi "
                         f"{written[0]:%d/%m/%Y}.")
        elif not said and written:
            notes.append(f"Dòng {number} «{label}»: câu gốc không nêu hạn, bảng lại ghi một ngày.")
        given = [w for w in fold(row.nguoi).split() if w[:1].isupper() and len(w) > 1][-1:]
        if given and given[0] not in fold(row.cau_goc):
            notes.append(f"Dòng {number} «{label}»: câu gốc không nhắc «{given[0]}»: xem lại ai nhận việc "
                         "(và việc có được giao lại ở đoạn sau không).")
        if not notes or not notes[-1].startswith(f"Dòng {number} "):
            notes.append(f"Dòng {number} «{label}»: câu gốc nguyên văn, thời hạn khớp với câu gốc.")
    return notes
