"""Our additions to nbgrader's autograde pipeline, each one small job, plugged in by configuration.

- ``NormalizeUnicode``: cell sources to NFC (answers typed on some keyboards arrive in NFD).
- ``LimitedExecute``: nbgrader's Execute with a kernel that has a memory limit.
- ``CapOutputSize``: caps the characters kept per cell (LimitOutput only counts lines).
- ``StripHiddenTests``: nbgrader's ClearHiddenTests, plus the tracebacks that would quote hidden tests.
"""

from __future__ import annotations

from nbgrader.preprocessors import ClearHiddenTests, Execute, NbGraderPreprocessor
from traitlets import Integer

from ailab.text import nfc
from autograder.notebook.kernel import LimitedKernelManager

CAPPED_NOTE = "\n... Đầu ra quá dài, đã cắt bớt ...\n"


class NormalizeUnicode(NbGraderPreprocessor):
    """Normalise every cell source to Unicode NFC."""

    def preprocess_cell(self, cell, resources, index):
        if isinstance(cell.source, str):
            cell.source = nfc(cell.source)
        return cell, resources


class LimitedExecute(Execute):
    """nbgrader's Execute preprocessor, running cells in a memory-limited kernel."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", LimitedKernelManager)
        super().__init__(*args, **kwargs)


class CapOutputSize(NbGraderPreprocessor):
    """Keep at most ``max_chars`` characters of text output per cell."""

    max_chars = Integer(100_000, help="Characters of output kept per cell (-1 = no limit)").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if self.max_chars < 0 or cell.cell_type != "code":
            return cell, resources
        budget = self.max_chars
        kept = []
        for output in cell.get("outputs", []):
            if budget <= 0 and output.get("output_type") == "stream":
                continue  # an earlier stream already carries the "cut" note
            for holder, key in _text_fields(output):
                text = holder[key]
                if len(text) > budget:
                    holder[key] = text[:max(budget, 0)] + CAPPED_NOTE
                    resources["ailab_output_capped"] = True
                budget -= len(text)
            kept.append(output)
        cell.outputs = kept
        return cell, resources


def _text_fields(output) -> list[tuple[dict, str]]:
    """(container, key) of every text in an output: a stream's text, or str values of its data."""
    if output.get("output_type") == "stream":
        return [(output, "text")]
    data = output.get("data", {})
    return [(data, key) for key, value in data.items() if isinstance(value, str)]


class StripHiddenTests(ClearHiddenTests):
    """nbgrader's ClearHiddenTests for pages learners read: error tracebacks that quote hidden code go too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("enforce_metadata", False)
        super().__init__(*args, **kwargs)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        before = cell.source
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except RuntimeError:  # a block without its END line: hide the whole cell rather than leak it
            cell.source = ""
        if cell.source != before:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', 'Lỗi')}: {output.get('evalue', '')}"]
        return cell, resources
