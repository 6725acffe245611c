"""Errors a trainer must fix; kept apart so the CLI can name them without importing nbgrader."""


class CourseError(RuntimeError):
    """A problem the trainer must fix; the message is Vietnamese."""
