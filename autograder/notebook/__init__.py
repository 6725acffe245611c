"""Running a learner's notebook safely, shared by the learner's self-check and the trainer's grading.

Neutral ground between ``ailab`` (the learner library) and ``autograder.course`` (trainer operations):
kernel limits (``limits``), the sandbox that hides the machine from learner code (``sandbox``), the
pre-warmed process that forks one fresh kernel per notebook (``zygote``, ``launcher``, ``forked``) and the
self-check (``selfcheck``). Nothing here imports ``autograder.course``.
"""
