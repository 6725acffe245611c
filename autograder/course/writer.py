"""The one process that writes grades: nbgrader's own saving steps on one open gradebook, one commit per submission.

Plain nbgrader opens a new ``Gradebook`` (a new SQLAlchemy engine) in every saving step of every notebook
and commits after every cell. A new engine starts with an empty compiled-statement cache, so almost all of
the writer's time went to compiling the same SQL again (measured on 2 loaded cores: 0.80 s per submission,
~40 hours for a national cohort of 180,000 submissions in one gradebook; 0.03 s here). Here the run keeps
one ``Gradebook``; the steps are nbgrader's ``SaveAutoGrades`` and ``AssignLatePenalties`` with their
per-cell logic unchanged, only pointed at that gradebook; their per-cell commits wait (queries still see
the pending changes) and each submission is committed once, so a crash loses at most the submission being
written (the next ``grade`` writes it again).
"""

from __future__ import annotations

import warnings
from datetime import datetime, timezone

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades
from nbgrader.preprocessors.base import NbGraderPreprocessor
from sqlalchemy.orm import Session, scoped_session, sessionmaker
from traitlets.config import Config

from autograder.course.tasks import Outcome, parent_pipeline


class _OneCommitSession(Session):
    """A session whose ``commit()`` waits while a submission is being written (queries still autoflush)."""

    holding = False

    def commit(self) -> None:
        if not self.holding:
            super().commit()


class SaveAutoGradesShared(SaveAutoGrades):
    """nbgrader's ``SaveAutoGrades`` on the run's open gradebook (same ``_add_score`` / ``_add_comment``)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        self.gradebook = info["gradebook"]
        return NbGraderPreprocessor.preprocess(self, nb, resources)


class AssignLatePenaltiesShared(AssignLatePenalties):
    """nbgrader's ``AssignLatePenalties`` on the run's open gradebook (same plugin and checks)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        self.init_plugin()
        self.gradebook = gb = info["gradebook"]
        submission = gb.find_submission(self.assignment_id, self.student_id)
        notebook = gb.find_submission_notebook(self.notebook_id, self.assignment_id, self.student_id)
        notebook.late_submission_penalty = None
        if submission.total_seconds_late > 0:
            penalty = self.plugin_inst.late_submission_penalty(self.student_id, notebook.score,
                                                               submission.total_seconds_late)
            if penalty is not None:
                notebook.late_submission_penalty = self._check_late_penalty(notebook, penalty)
        gb.db.commit()
        return nb, resources


SHARED = {SaveAutoGrades: SaveAutoGradesShared, AssignLatePenalties: AssignLatePenaltiesShared}


def shared_pipeline(config: Config) -> list[type]:
    """The configured parent steps, nbgrader's savers swapped for the same savers on a shared gradebook."""
    steps = []
    for step in parent_pipeline(config):
        shared = next((SHARED[base] for base in SHARED if step is base), None)
        if shared is None and any(issubclass(step, base) for base in SHARED):
            raise TypeError(f"{step.__name__}: a custom saver cannot share the run's gradebook")
        steps.append(shared or step)
    return steps


class GradeWriter:
    """Holds the run's gradebook; ``write`` saves one submission's executed notebooks and returns its score."""

    def __init__(self, url: str, course_id: str, config: Config):
        self.url, self.config = url, config
        self.gradebook = Gradebook(url, course_id)
        self.gradebook.db.remove()
        self.gradebook.db = scoped_session(sessionmaker(class_=_OneCommitSession, autoflush=True,
                                                        bind=self.gradebook.engine, future=True))
        self.steps = shared_pipeline(config)
        self._max_scores: dict[str, float] = {}

    def close(self) -> None:
        self.gradebook.close()

    def max_score(self, module: str) -> float:
        if module not in self._max_scores:
            try:
                self._max_scores[module] = self.gradebook.find_assignment(module).max_score
            except MissingEntry:
                return 0.0
            finally:
                self.gradebook.db.rollback()
        return self._max_scores[module]

    def write(self, outcome: Outcome, stamp: float | None) -> tuple[float, float]:
        """Save the grades of one submission in one transaction; on any error nothing of it is kept."""
        session = self.gradebook.db()
        session.holding = True
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy autoflush warnings
                self._reset(outcome, stamp)
                for name, text in outcome.notebooks.items():
                    self._save_notebook(outcome, name, text)
                submission = self.gradebook.find_submission(outcome.module, outcome.learner)
                score = submission.score if outcome.notebooks else 0.0
                max_score = submission.max_score
            session.holding = False
            session.commit()
            return score, max_score
        except BaseException:
            session.holding = False
            session.rollback()
            raise
        finally:
            session.expunge_all()  # the run may write 180,000 submissions: keep none of them in memory

    def _reset(self, outcome: Outcome, stamp: float | None) -> None:
        gb = self.gradebook
        gb.update_or_create_student(outcome.learner)
        kwargs = {"timestamp": datetime.fromtimestamp(stamp, timezone.utc).replace(tzinfo=None)} if stamp else {}
        submission = gb.update_or_create_submission(outcome.module, outcome.learner, **kwargs)
        gb.db.flush()  # a new submission's grades get their cells (nbgrader commits here)
        for notebook in submission.notebooks:
            executed = notebook.name + ".ipynb" in outcome.notebooks
            for grade in notebook.grades:
                grade.auto_score = 0 if grade.cell.cell_type == "code" or not executed else None
                grade.needs_manual_grade = executed and grade.cell.cell_type != "code"
                if not executed:
                    grade.manual_score = None
        gb.db.flush()

    def _save_notebook(self, outcome: Outcome, name: str, text: str) -> None:
        # Parts that ran before a failure keep their points: their outputs are graded like any other.
        resources = {"nbgrader": {"assignment": outcome.module, "student": outcome.learner,
                                  "notebook": name.removesuffix(".ipynb"), "db_url": self.url,
                                  "gradebook": self.gradebook}}
        nb = nbformat.reads(text, as_version=4)
        for step in self.steps:
            nb, resources = step(config=self.config)(nb, resources)
