"""Hidden tests: find and remove ``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS`` blocks."""

from __future__ import annotations

import re

_BLOCK = re.compile(r"^[ \t]*#+[ \t]*BEGIN HIDDEN TESTS.*?^[ \t]*#+[ \t]*END HIDDEN TESTS[^\n]*\n?",
                    re.MULTILINE | re.DOTALL | re.IGNORECASE)
_BEGIN = re.compile(r"^[ \t]*#+[ \t]*BEGIN HIDDEN TESTS", re.MULTILINE | re.IGNORECASE)


def has_hidden_tests(source: str) -> bool:
    return bool(_BEGIN.search(source or ""))


def strip_hidden_tests(source: str) -> str:
    """The source without hidden blocks; an unterminated block hides everything after its start."""
    text = _BLOCK.sub("", source or "")
    match = _BEGIN.search(text)
    if match:
        text = text[:match.start()]
    return text.rstrip()
