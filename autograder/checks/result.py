"""The one result type every check returns, so every exercise's test cells read the same way."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CheckResult:
    """What a check found: ``score`` of ``max_score`` points and Vietnamese ``messages`` for the learner.

    ``ok`` is True only with full points. ``str()`` gives the line a test cell prints; a test cell does
    ``assert result.ok, result`` so the learner sees the Vietnamese reason, not a traceback.
    """

    score: float
    max_score: float
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.max_score > 0 and self.score >= self.max_score - 1e-9

    @property
    def share(self) -> float:
        """The share of the points earned, 0.0–1.0."""
        return 0.0 if self.max_score <= 0 else max(0.0, min(1.0, self.score / self.max_score))

    def __str__(self) -> str:
        head = f"Đạt {format_points(self.score)}/{format_points(self.max_score)} điểm."
        if self.ok and not self.messages:
            return head + " Tốt lắm!"
        return "\n".join([head, *(f"- {m}" for m in self.messages)])

    def __bool__(self) -> bool:
        return self.ok

    @classmethod
    def from_problems(cls, problems: list[str], max_score: float = 1.0) -> CheckResult:
        """All or nothing: full points when there are no problems."""
        return cls(max_score if not problems else 0.0, max_score, list(problems))

    @classmethod
    def partial(cls, earned: int, total: int, max_score: float, messages: list[str] | None = None) -> CheckResult:
        """``earned`` of ``total`` items right, scaled to ``max_score``."""
        score = 0.0 if total <= 0 else round(max_score * earned / total, 2)
        return cls(score, max_score, list(messages or []))


def format_points(value: float) -> str:
    """Points with a decimal comma and no trailing zeros: 2 → "2", 1.5 → "1,5"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
