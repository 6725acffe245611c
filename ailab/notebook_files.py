"""Notebooks as the learner's lab saves them, so opening one never marks it modified.

JupyterLab marks a notebook dirty on open when the kernel's ``language_info`` differs from the file's
metadata, or when it must add cell ids (nbformat 4.5). Shipping notebooks already in that form, outputs
cleared and in nbformat's own serialisation, keeps a fresh lesson "unchanged" until the learner edits it.
"""

from __future__ import annotations

import hashlib
import sys

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def kernel_language_info() -> dict:
    """The ``language_info`` ipykernel reports for this interpreter (the lab's kernel)."""
    return {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": sys.version.split()[0],
    }


def learner_notebook(notebook):
    """The notebook with outputs cleared, cell ids present and the lab kernel's metadata."""
    import nbformat

    nb = nbformat.reads(notebook, as_version=4) if isinstance(notebook, (bytes, str)) else notebook
    nb.nbformat, nb.nbformat_minor = 4, max(5, nb.get("nbformat_minor", 5))
    for index, cell in enumerate(nb.cells):
        if not cell.get("id"):  # deterministic, so the same source always gives the same file
            cell["id"] = hashlib.sha1(f"{index}|{cell.source}".encode()).hexdigest()[:12]
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = kernel_language_info()
    return nb


def learner_notebook_bytes(notebook) -> bytes:
    """``learner_notebook`` serialised as JupyterLab writes it (UTF-8, indent 1, final newline)."""
    import nbformat

    text = nbformat.writes(learner_notebook(notebook))
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")
