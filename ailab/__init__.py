"""ailab — phòng thực hành AI cho cán bộ cấp xã.

Learner-facing helpers: ``ask`` and ``chat`` talk to the configured AI (the offline assistant by default).
"""

from ailab.llm import ask, chat, current_provider, usage_summary

__all__ = ["ask", "chat", "current_provider", "usage_summary"]
__version__ = "0.1.0"
