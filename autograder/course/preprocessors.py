"""Our additions to nbgrader's autograde pipeline, each one small job, plugged in by configuration.

- ``NormalizeUnicode``: cell sources to NFC (answers typed on some keyboards arrive in NFD).
- ``LimitedExecute``: nbgrader's Execute with a kernel that has a memory limit.
- ``CapOutputSize``: caps the characters kept per cell (LimitOutput only counts lines).
- ``StripHiddenTests``: removes hidden test code (and tracebacks that quote it) before learners see a notebook.
"""

from __future__ import annotations

import sys
import unicodedata

from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer

from autograder.course.hidden import has_hidden_tests, strip_hidden_tests

CAPPED_NOTE = "\n... Đầu ra quá dài, đã cắt bớt ...\n"


class NormalizeUnicode(NbGraderPreprocessor):
    """Normalise every cell source to Unicode NFC."""

    def preprocess_cell(self, cell, resources, index):
        if isinstance(cell.source, str):
            cell.source = unicodedata.normalize("NFC", cell.source)
        return cell, resources


class LimitedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel starts under an address-space limit (RLIMIT_AS)."""

    memory_limit_mb = Integer(2048, help="Kernel memory limit in MB (0 = no limit)").tag(config=True)
    file_size_limit_mb = Integer(200, help="Largest file the kernel may write, in MB").tag(config=True)

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        # The wrapper sets the limits in the kernel process itself, then exec()s the real kernel.
        return [sys.executable, "-m", "autograder.course.limited_kernel", str(self.memory_limit_mb),
                str(self.file_size_limit_mb), "--", *command]


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


class StripHiddenTests(NbGraderPreprocessor):
    """Remove ``### BEGIN/END HIDDEN TESTS`` blocks and the tracebacks that would quote them."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and has_hidden_tests(cell.source):
            cell.source = strip_hidden_tests(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', 'Lỗi')}: {output.get('evalue', '')}"]
        return cell, resources
