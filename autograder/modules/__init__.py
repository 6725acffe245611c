"""One grader per exercise: autograder.modules.mNN_slug (built on the reusable checks)."""
