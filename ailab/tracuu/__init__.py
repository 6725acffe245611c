"""Cited lookup over the learner's own documents (NotebookLM's job, checked by the lab).

``Library(load_sources([...])).ask("câu hỏi")`` answers from the sources only, with verbatim quotes, or
refuses. ``answer_questions`` picks the offline engine or a real model from the lab's settings.
"""

from ailab.tracuu.engine import Citation, Library, Result
from ailab.tracuu.sources import Passage, Source, SourceError, load_source, load_sources, source_from_text
from ailab.tracuu.verify import fold_space, is_verbatim, quoted_passages

__all__ = ["Citation", "Library", "Passage", "Result", "Source", "SourceError", "fold_space", "is_verbatim",
           "load_source", "load_sources", "quoted_passages", "source_from_text"]
