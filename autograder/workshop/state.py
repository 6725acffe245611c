"""What a workshop keeps between starts: ``COURSE/.workshop/`` (config, passwords, hub database, log)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

ADMIN_USER = "giangvien"
STATE_DIR = ".workshop"
STATE_FILE = "state.json"
SECRETS_FILE = "mat_khau.txt"
DEFAULT_SHARED_ROOT = Path("/srv/ailab_workshop")
# What useradd accepts by default on Debian: a lower-case letter, then letters, digits, '-' or '_'.
OS_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_ITERATIONS = 200_000


class WorkshopError(RuntimeError):
    """A problem the trainer can fix; the message is Vietnamese and says how."""


def hash_password(password: str) -> str:
    """A salted PBKDF2 hash of a password, as stored in ``state.json``."""
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), _ITERATIONS)
    return f"pbkdf2_sha256${_ITERATIONS}${salt}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches a hash made by :func:`hash_password` (constant-time compare)."""
    try:
        _, iterations, salt, digest = stored.split("$")
        mine = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(mine.hex(), digest)


def readable_password() -> str:
    """A password easy to read aloud and type on a phone: three groups of digits and letters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def os_name_for(learner_id: str) -> str:
    """The OS user (and JupyterHub user) name of a roster id; raises WorkshopError when unusable."""
    name = learner_id.strip().lower()
    if not OS_NAME.match(name) or name == ADMIN_USER:
        raise WorkshopError(
            f"Mã học viên '{learner_id}' không dùng làm tên đăng nhập được: cần bắt đầu bằng chữ cái, chỉ gồm "
            f"chữ không dấu, số, '-' hoặc '_', tối đa 32 ký tự, và khác '{ADMIN_USER}'. Hãy sửa cột id.")
    return name


@dataclass
class WorkshopState:
    """The workshop's settings and who may log in; passwords only as hashes."""

    course_dir: str
    shared_root: str
    learners: dict[str, str] = field(default_factory=dict)  # OS name -> roster id
    password_hash: str = ""
    admin_password_hash: str = ""
    api_token: str = ""
    ip: str = "0.0.0.0"
    port: int = 8000
    memory_limit_mb: int = 1536
    cpu_per_learner: float = 1.0
    cgroups: dict = field(default_factory=dict)  # cgroups.Layout.to_dict() while groups cap the learners
    cgroup_problem: str = ""  # why the caps fell back to nice and per-process limits, in Vietnamese
    hub_pid: int = 0

    @staticmethod
    def folder(course_dir: Path) -> Path:
        return Path(course_dir) / STATE_DIR

    @classmethod
    def load(cls, course_dir: Path) -> WorkshopState | None:
        path = cls.folder(course_dir) / STATE_FILE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self) -> Path:
        folder = self.folder(Path(self.course_dir))
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / STATE_FILE
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.chmod(path, 0o600)
        return path

    @property
    def shared(self) -> Path:
        return Path(self.shared_root)

    @property
    def exchange(self) -> Path:
        return self.shared / "exchange"

    @property
    def venv(self) -> Path:
        return self.shared / "venv"

    def write_passwords(self, learner_password: str, admin_password: str) -> Path:
        """Keep the plain passwords where only the trainer (root) can read them, to print at each start."""
        path = self.folder(Path(self.course_dir)) / SECRETS_FILE
        path.write_text(f"hoc_vien={learner_password}\n{ADMIN_USER}={admin_password}\n", encoding="utf-8")
        os.chmod(path, 0o600)
        return path

    def read_passwords(self) -> tuple[str, str]:
        path = self.folder(Path(self.course_dir)) / SECRETS_FILE
        values = dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
        return values.get("hoc_vien", ""), values.get(ADMIN_USER, "")
