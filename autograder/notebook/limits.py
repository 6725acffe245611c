"""Limits for a kernel that runs learner code, applied where the platform supports them.

``python -m autograder.notebook.limits MEM_MB FILE_MB -- <kernel command>`` sets the limits in this
process and cleans the environment, then replaces itself with the kernel, which inherits both. Where
the ``resource`` module does not exist (Windows) the limits are skipped and the kernel still starts.
"""

from __future__ import annotations

import os
import re
import sys

try:
    import resource
except ImportError:  # Windows: no POSIX resource limits
    resource = None

# Learner code runs in this kernel: it must not see the trainer's keys, nor where the course lives.
_SECRET = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|^AILAB_|^OPENAI_|^GEMINI_|^PWD$|^OLDPWD$",
                     re.IGNORECASE)


def limits_supported() -> bool:
    """True where POSIX resource limits exist (Linux, macOS)."""
    return resource is not None


def clean_environment(env: dict[str, str]) -> dict[str, str]:
    """The environment without secrets and AI provider settings (grading always uses the offline assistant)."""
    return {name: value for name, value in env.items() if not _SECRET.search(name)}


def _set(name: str, value: int) -> None:
    limit = getattr(resource, name, None)
    if limit is None:
        return
    soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, value))


def apply_limits(memory_mb: int, file_mb: int, cpu_seconds: int = 0, processes: int = 0) -> bool:
    """Cap address space (a memory bomb raises MemoryError), written file size, CPU time and processes.

    Returns False, changing nothing, where the platform has no resource limits.
    """
    if resource is None:
        return False
    if memory_mb > 0:
        _set("RLIMIT_AS", memory_mb * 1024 * 1024)
    if file_mb > 0:
        _set("RLIMIT_FSIZE", file_mb * 1024 * 1024)
    if cpu_seconds > 0:
        _set("RLIMIT_CPU", cpu_seconds)
    if processes > 0:
        _set("RLIMIT_NPROC", processes)
    return True


def main(argv: list[str]) -> None:
    memory_mb, file_mb, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("usage: limits MEM_MB FILE_MB -- kernel command")
    apply_limits(int(memory_mb), int(file_mb))
    # Kernel start-up chatter would garble the trainer's progress bar; errors reach us over ZMQ anyway.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.execvpe(command[0], command, clean_environment(dict(os.environ)))


if __name__ == "__main__":
    main(sys.argv[1:])
