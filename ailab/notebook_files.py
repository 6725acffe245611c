"""Notebooks as the learner's lab saves them, so opening one never marks it modified.

JupyterLab marks a notebook dirty on open when the kernel's ``language_info`` differs from the file's
metadata, or when it must add cell ids (nbformat 4.5). Shipping notebooks already in that form, outputs
cleared and serialised as nbformat writes them (sorted keys, indent 1, sources split into lines), keeps a
fresh lesson "unchanged" until the learner edits it.

Plain ``json`` on purpose: importing nbformat pulls in jsonschema and its format checkers, seconds of
start-up on a small machine, and the lab's start must stay fast. The tests check the output against
nbformat's own writer.
"""

from __future__ import annotations

import hashlib
import json
import sys

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_MULTILINE = ("source",)


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


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


def learner_notebook(notebook: dict | str | bytes) -> dict:
    """The notebook (a dict) with outputs cleared, cell ids present and the lab kernel's metadata."""
    nb = json.loads(notebook) if isinstance(notebook, (str, bytes)) else notebook
    nb["nbformat"], nb["nbformat_minor"] = 4, max(5, int(nb.get("nbformat_minor", 5)))
    for index, cell in enumerate(nb.get("cells", [])):
        cell["source"] = _text(cell.get("source"))
        cell.setdefault("metadata", {})
        if not cell.get("id"):  # deterministic, so the same source always gives the same file
            cell["id"] = hashlib.sha1(f"{index}|{cell['source']}".encode()).hexdigest()[:12]
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    metadata = nb.setdefault("metadata", {})
    metadata["kernelspec"] = dict(KERNELSPEC)
    metadata["language_info"] = kernel_language_info()
    return nb


def _split_lines(nb: dict) -> dict:
    """nbformat's on-disk form: multi-line sources as lists of lines (each keeping its newline)."""
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        if isinstance(source, str):
            cell["source"] = source.splitlines(keepends=True)
    return nb


def learner_notebook_bytes(notebook: dict | str | bytes) -> bytes:
    """``learner_notebook`` serialised as JupyterLab writes it (UTF-8, indent 1, final newline)."""
    nb = _split_lines(learner_notebook(notebook))
    return (json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
