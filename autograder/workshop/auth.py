"""Who may log in: roster learners with the workshop password, and the trainer's admin account."""

from __future__ import annotations

from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from autograder.workshop.state import ADMIN_USER, WorkshopState, verify_password


class RosterAuthenticator(Authenticator):
    """Accepts only names from the class roster (with the learners' password) and the trainer (own password).

    The state file is read at every login, so a roster updated by ``ailab workshop start`` applies at once.
    """

    course_dir = Unicode(config=True, help="The course folder whose .workshop/state.json lists the learners.")

    def _state(self) -> WorkshopState | None:
        return WorkshopState.load(Path(self.course_dir))

    def check_allowed(self, username, authentication=None):  # noqa: D401 — JupyterHub's hook
        """Only the roster and the trainer exist for this hub."""
        state = self._state()
        return bool(state) and (username == ADMIN_USER or username in state.learners)

    async def authenticate(self, handler, data):
        state = self._state()
        if state is None:
            return None
        name = self.normalize_username((data or {}).get("username", "").strip())
        password = (data or {}).get("password", "")
        if name == ADMIN_USER:
            ok = verify_password(password, state.admin_password_hash)
            return {"name": name, "admin": True} if ok else None
        if name in state.learners and verify_password(password, state.password_hash):
            return {"name": name, "admin": False}
        self.log.warning("Đăng nhập bị từ chối: %s", name[:40])
        return None
