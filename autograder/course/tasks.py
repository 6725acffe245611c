"""Worker side of ``course grade``: one submission in, executed notebooks and a status out.

A ``Task`` carries bytes, not paths (the submission's notebooks, the assignment's data files), so it
runs the same in a local process pool and on a Dask worker on another machine. The pipeline is
nbgrader's own autograde pipeline minus the gradebook writers; its Execute step drives a kernel forked
by a sandboxed zygote (``autograder.notebook.forked``), one fresh kernel per notebook.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.converters import Autograde
from nbgrader.preprocessors import AssignLatePenalties, Execute, SaveAutoGrades
from traitlets.config import Config
from traitlets.utils.importstring import import_item

from autograder.course.status import FAILED, GRADED
from autograder.course.worker_steps import check_schemas_once, shared_step
from autograder.notebook.forked import DEFAULT_PRELOAD, ForkedKernelManager, KernelFactory

KERNEL_DIED = "kernel dừng đột ngột"
TIMED_OUT = "quá thời gian"
OUT_OF_MEMORY = "vượt giới hạn bộ nhớ"
OUTPUT_CAPPED = "đầu ra quá dài, đã cắt bớt"
IOPUB_TIMED_OUT = TIMED_OUT + " (chờ đầu ra của một ô quá lâu)"
NOT_RUN = "ô chưa chạy vì bài dừng giữa chừng"

# Preprocessors that write the gradebook run in the parent only; the rest of the list runs in workers.
PARENT_ONLY = (SaveAutoGrades, AssignLatePenalties)


@dataclass(frozen=True)
class Task:
    """One learner's submission of one module, with everything a worker needs to grade it."""

    learner: str
    module: str
    notebooks: tuple[tuple[str, bytes], ...]
    files: tuple[tuple[str, bytes], ...]
    config: dict
    notebook_timeout: int
    isolation: str = ""
    preload: tuple[str, ...] = DEFAULT_PRELOAD
    memory_mb: int = 2048


@dataclass
class Outcome:
    learner: str
    module: str
    status: str
    reason: str = ""
    notebooks: dict[str, str] = field(default_factory=dict)
    isolation: str = ""


def _classes(config: Config, name: str) -> list[type]:
    """A preprocessor list of nbgrader's Autograde converter, as configured (nbgrader_config.py) or default."""
    configured = config.get("Autograde", {}).get(name)
    names = configured if configured is not None else Autograde.class_traits()[name].default_value
    return [import_item(item) if isinstance(item, str) else item for item in names]


def worker_pipeline(config: Config) -> tuple[list[type], list[type]]:
    """(sanitize, execute) preprocessor classes: nbgrader's lists minus the gradebook writers."""
    execute = [p for p in _classes(config, "autograde_preprocessors") if not issubclass(p, PARENT_ONLY)]
    return _classes(config, "sanitize_preprocessors"), execute


def parent_pipeline(config: Config) -> list[type]:
    return [p for p in _classes(config, "autograde_preprocessors") if issubclass(p, PARENT_ONLY)]


_FACTORIES: dict[tuple, KernelFactory] = {}
_SNAPSHOTS: dict[str, str] = {}


def factory_for(task: Task) -> KernelFactory:
    """This thread's zygote for these settings, started once and reused for every submission."""
    key = (threading.get_ident(), task.isolation, task.preload, task.memory_mb)
    if key not in _FACTORIES:
        _FACTORIES[key] = KernelFactory(task.isolation or None, task.preload, memory_mb=task.memory_mb,
                                        cpu_seconds=task.notebook_timeout + 60)
    return _FACTORIES[key]


def close_factories() -> None:
    """Stop this process's zygotes and remove their folders."""
    while _FACTORIES:
        _FACTORIES.popitem()[1].close()


atexit.register(close_factories)  # Dask worker processes end without telling us


def snapshot_url(snapshot: bytes) -> str:
    """A local file for the gradebook snapshot, written once per process."""
    digest = hashlib.sha256(snapshot).hexdigest()
    if digest not in _SNAPSHOTS or not os.path.exists(_SNAPSHOTS[digest]):
        handle, path = tempfile.mkstemp(prefix="ailab_sodiem_", suffix=".db")
        with os.fdopen(handle, "wb") as out:
            out.write(snapshot)
        _SNAPSHOTS[digest] = path
    return f"sqlite:///{_SNAPSHOTS[digest]}"


def _errors(nb) -> set[str]:
    return {o.get("ename", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"}


def mark_not_run(nb, reason: str) -> None:
    """After a failure part-way, cells that never ran get an error: they earn nothing, earlier ones keep theirs."""
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("execution_count") is None and cell.source.strip():
            cell.outputs.append(new_output("error", ename="NotRun", evalue=f"{NOT_RUN} ({reason})",
                                           traceback=[f"NotRun: {NOT_RUN} ({reason})"]))


def _execute(executor, nb, resources, deadline: float) -> tuple[object, str]:
    timed_out = threading.Event()

    def kill_kernel() -> None:
        timed_out.set()
        process = getattr(getattr(getattr(executor, "km", None), "provisioner", None), "process", None)
        if process is not None:
            process.kill()

    timer = threading.Timer(max(deadline - time.monotonic(), 1.0), kill_kernel)
    timer.start()
    try:
        nb, resources = executor(nb, resources)
        return nb, ""
    except DeadKernelError:
        reason = TIMED_OUT + " (cả bài chạy quá lâu)" if timed_out.is_set() else KERNEL_DIED
        mark_not_run(nb, reason)
        return nb, reason
    except CellTimeoutError:  # the kernel answered but its output never finished arriving
        mark_not_run(nb, IOPUB_TIMED_OUT)
        return nb, IOPUB_TIMED_OUT
    finally:
        timer.cancel()


def run_pipeline(nb, resources: dict, config: Config, deadline: float, kernel_config: dict | None = None):
    """Sanitize and execute one notebook; returns (notebook, resources, failure reason or '')."""
    sanitize, execute = worker_pipeline(config)
    for preprocessor in sanitize:
        nb, resources = shared_step(preprocessor)(config=config)(nb, resources)
    merged = Config(config)
    if kernel_config:
        merged.merge(Config(kernel_config))
    extra = {"kernel_manager_class": ForkedKernelManager} if kernel_config else {}
    steps = [p(config=merged, **extra) if issubclass(p, Execute) else p(config=config) for p in execute]
    executor = next(step for step in steps if isinstance(step, Execute))
    before, after = steps[:steps.index(executor)], steps[steps.index(executor) + 1:]
    for preprocessor in before:
        nb, resources = preprocessor(nb, resources)
    nb, reason = _execute(executor, nb, resources, deadline)
    for preprocessor in after:
        nb, resources = preprocessor(nb, resources)
    errors = _errors(nb)
    if not reason and "MemoryError" in errors:
        reason = OUT_OF_MEMORY
    elif not reason and "CellTimeoutError" in errors:
        reason = TIMED_OUT + " (một ô chạy quá lâu)"
    return nb, resources, reason


def grade_task(task: Task, snapshot: bytes) -> Outcome:
    """Execute a submission's notebooks, each in a fresh sandboxed kernel; never raises."""
    config = Config(task.config)
    outcome = Outcome(task.learner, task.module, GRADED)
    deadline = time.monotonic() + task.notebook_timeout
    try:
        check_schemas_once()
        factory = factory_for(task)
        factory.ensure()
        outcome.isolation = factory.isolation
        url = snapshot_url(snapshot)
        files = dict(task.files) | dict(task.notebooks)
        with tempfile.TemporaryDirectory(prefix="ailab_cham_") as empty:
            for name, data in task.notebooks:
                nb = nbformat.reads(data.decode("utf-8-sig"), as_version=4)
                resources = {"nbgrader": {"assignment": task.module, "student": task.learner,
                                          "notebook": Path(name).stem, "db_url": url},
                             "metadata": {"path": empty}}
                nb, resources, reason = run_pipeline(nb, resources, config, deadline, factory.kernel_config(files))
                outcome.notebooks[name] = nbformat.writes(nb)
                if reason and reason != OUTPUT_CAPPED:
                    outcome.status, outcome.reason = FAILED, reason
                    break
                if resources.get("ailab_output_capped"):
                    outcome.reason = OUTPUT_CAPPED
    except Exception as error:  # one broken submission must never stop the others
        outcome.status, outcome.reason = FAILED, f"lỗi khi chấm ({error.__class__.__name__}: {str(error)[:200]})"
    return outcome
