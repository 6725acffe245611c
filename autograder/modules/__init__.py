"""One grader module per exercise, named by its number (``m03_tom_tat_bao_cao``): that module's keys,
planted errors and the functions its test cells call. Reusable checks live in ``autograder.checks``."""
