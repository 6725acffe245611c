"""Where grading tasks run: in this process, in a local pool of worker processes, or on a Dask cluster.

Every worker process keeps one sandboxed zygote (``tasks.factory_for``) for all its submissions; the
results always come back here, to the one process that writes the gradebook.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing.util import Finalize

from autograder.course.status import FAILED
from autograder.course.tasks import Outcome, Task, close_factories, grade_task


def _lost(task: Task, error: BaseException) -> Outcome:
    return Outcome(task.learner, task.module, FAILED, f"lỗi khi chấm ({error.__class__.__name__})", {},
                   task.isolation)


def _worker_init() -> None:
    # Nothing of the course folder leaks through the working folder; zygotes stop with the worker.
    os.chdir(tempfile.gettempdir())
    for name in ("PWD", "OLDPWD"):
        os.environ.pop(name, None)
    Finalize(None, close_factories, exitpriority=10)


def run_local(tasks: list[Task], snapshot: bytes, workers: int) -> Iterator[Outcome]:
    if workers == 1 or len(tasks) <= 1:
        try:
            for task in tasks:
                yield grade_task(task, snapshot)
        finally:
            close_factories()
        return
    # A pool keeps each worker process (and its zygote) alive across many submissions.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=context, initializer=_worker_init) as pool:
        futures = {pool.submit(grade_task, task, snapshot): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a dead worker process
                yield _lost(futures[future], error)


def run_dask(tasks: list[Task], snapshot: bytes, address: str) -> Iterator[Outcome]:
    """Send tasks to the Dask scheduler at ``address``; the snapshot travels once to each worker."""
    from distributed import Client
    from distributed import as_completed as dask_completed

    with Client(address, timeout="30s") as client:
        shared = client.scatter(snapshot, broadcast=True)
        futures = {client.submit(grade_task, task, shared, pure=False, key=f"cham-{task.learner}-{task.module}-{i}"):
                   task for i, task in enumerate(tasks)}
        for future in dask_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a worker lost mid-task
                yield _lost(futures[future], error)


def run_tasks(tasks: list[Task], snapshot: bytes, workers: int, scheduler: str | None = None) -> Iterator[Outcome]:
    if not tasks:
        return iter(())
    return run_dask(tasks, snapshot, scheduler) if scheduler else run_local(tasks, snapshot, workers)
