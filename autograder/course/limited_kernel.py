"""Kernel launch wrapper: ``python -m autograder.course.limited_kernel MEM_MB FILE_MB -- <kernel command>``.

Sets the limits in this process and cleans the environment, then replaces itself with the kernel,
which inherits both.
"""

from __future__ import annotations

import os
import re
import resource
import sys

# Learner code runs in this kernel: it must not see the trainer's keys, nor where the course lives.
_SECRET = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|^AILAB_|^OPENAI_|^GEMINI_|^PWD$|^OLDPWD$",
                     re.IGNORECASE)


def clean_environment(env: dict[str, str]) -> dict[str, str]:
    """The environment without secrets and AI provider settings (grading always uses the offline assistant)."""
    return {name: value for name, value in env.items() if not _SECRET.search(name)}


def apply_limits(memory_mb: int, file_mb: int) -> None:
    """Cap the address space (so a memory bomb raises MemoryError) and the size of written files."""
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if file_mb > 0:
        limit = file_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def main(argv: list[str]) -> None:
    memory_mb, file_mb, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("usage: limited_kernel MEM_MB FILE_MB -- kernel command")
    apply_limits(int(memory_mb), int(file_mb))
    # Kernel start-up chatter would garble the trainer's progress bar; errors reach us over ZMQ anyway.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.execvpe(command[0], command, clean_environment(dict(os.environ)))


if __name__ == "__main__":
    main(sys.argv[1:])
