"""A Jupyter kernel manager whose kernel runs under the limits of ``limits.py``."""

from __future__ import annotations

import os
import sys

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer

from autograder.notebook.limits import clean_environment, limits_supported


class LimitedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel starts under an address-space limit (RLIMIT_AS), without secrets.

    Where resource limits do not exist (Windows) the kernel starts unwrapped: the learner's self-check
    must still work there.
    """

    memory_limit_mb = Integer(2048, help="Kernel memory limit in MB (0 = no limit)").tag(config=True)
    file_size_limit_mb = Integer(200, help="Largest file the kernel may write, in MB").tag(config=True)

    async def _async_pre_start_kernel(self, **kw):
        kw["env"] = clean_environment(dict(kw.get("env") or os.environ))
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        if not limits_supported():
            return command
        # The wrapper sets the limits in the kernel process itself, then exec()s the real kernel.
        return [sys.executable, "-m", "autograder.notebook.limits", str(self.memory_limit_mb),
                str(self.file_size_limit_mb), "--", *command]
