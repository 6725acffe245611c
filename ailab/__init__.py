"""ailab — phòng thực hành AI cho cán bộ cấp xã.

Learner-facing helpers: ``ask`` and ``chat`` talk to the configured AI (the offline assistant by default).
They load on first use, so commands that never ask the AI (``ailab lab``, ``ailab nop``) start fast.
"""

__all__ = ["ask", "chat", "current_provider", "usage_summary"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in __all__:
        from ailab import llm

        return getattr(llm, name)
    raise AttributeError(f"module 'ailab' has no attribute {name!r}")
