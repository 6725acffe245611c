"""Trainer-side workshop kit: printable handouts, agendas, pre/post test and feedback (never in the learner workspace)."""
