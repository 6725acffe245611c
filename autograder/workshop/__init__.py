"""The workshop server: one JupyterHub for a class on the commune hall's network (``ailab workshop``).

Learners log in with their roster id and the workshop password; each is a real OS user whose lab is the
learner workspace, with the course's released exercises fetched from nbgrader's exchange. The trainer
logs in with a separate admin account. Trainer-side: the learner library never imports this package.
"""
