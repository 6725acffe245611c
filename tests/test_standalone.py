"""The repo stands alone: a clone in an empty folder holds everything, and no file names a path outside it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".csv", ".json", ".txt", ".toml", ".cfg", ".yaml", ".yml", ".sh", ""}
# A path that leaves the repo: the team's reference library beside it, or a developer's machine.
_LIBRARY = "sha" + "red"  # spelled in pieces so this file does not name the paths it forbids
OUTSIDE = re.compile(r"\.\./" + _LIBRARY + r"|(?<![\w.])" + _LIBRARY + r"/(?:nd30|domain|CURRICULUM|STYLE)|"
                     r"/wo" r"rk/|/ho" r"me/[a-z]|/ro" r"ot/|[A-Z]:\\Users|/Us" r"ers/[a-z]")

pytestmark = pytest.mark.skipif(not (shutil.which("git") and (ROOT / ".git").exists()),
                                reason="cần git và kho mã để sao chép")


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("trong") / "ailab"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(target)], check=True)
    # The clone holds what is committed; add what this checkout has changed but not committed yet.
    changed = subprocess.run(["git", "ls-files", "--modified", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split("\n")
    for name in filter(None, changed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_no_file_refers_outside_the_repo(clone):
    offenders = []
    for path in clone.rglob("*"):
        if ".git" in path.parts or not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(clone)}:{number}: {line.strip()[:100]}")
    assert offenders == []


def test_reference_files_are_inside_the_repo(clone):
    for name in ("docs/nd30/RULES.md", "docs/nd30/REFERENCE.md", "curriculum.toml",
                 "tests/data/nd30_official/30_2020_ND_CP.docx", "tests/data/nd30_official/Phuluc1.md"):
        assert (clone / name).is_file(), name


def test_tests_that_read_reference_files_pass_in_the_clone(clone):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["PYTHONPATH"] = str(clone)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "-x",
         "-k", "not test_tests_that_read_reference_files_pass_in_the_clone",
         "tests/test_curriculum.py", "tests/nd30/test_nd30_official.py", "tests/nd30/test_nd30_checker.py"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
