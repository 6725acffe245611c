"""Workshop pieces that need no server: passwords, login names, the exchange's layout, ``ailab nop`` on a laptop."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ailab import nop
from autograder.workshop import exchange, state


def test_password_hash_verifies_only_the_right_password():
    stored = state.hash_password("mật-khẩu 1")
    assert state.verify_password("mật-khẩu 1", stored)
    assert not state.verify_password("mật-khẩu 2", stored)
    assert not state.verify_password("", stored)
    assert "mật" not in stored


def test_broken_hash_is_a_refusal_not_a_crash():
    assert not state.verify_password("x", "not-a-hash")


def test_readable_password_is_random_and_typeable():
    first, second = state.readable_password(), state.readable_password()
    assert first != second and len(first) == 14 and first.count("-") == 2


@pytest.mark.parametrize("learner_id, expected", [("HV01", "hv01"), ("nguyen_an", "nguyen_an"), ("a-1", "a-1")])
def test_roster_id_becomes_a_login_name(learner_id, expected):
    assert state.os_name_for(learner_id) == expected


@pytest.mark.parametrize("learner_id", ["01hv", "hv.01", "giangvien", "x" * 40, "Hà"])
def test_unusable_roster_id_is_explained_in_vietnamese(learner_id):
    with pytest.raises(state.WorkshopError, match="Mã học viên"):
        state.os_name_for(learner_id)


def test_state_keeps_no_plain_password(tmp_path):
    saved = state.WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path / "chung"))
    saved.password_hash = state.hash_password("bi-mat-lop")
    saved.learners = {"hv01": "HV01"}
    path = saved.save()
    assert "bi-mat-lop" not in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o077 == 0
    loaded = state.WorkshopState.load(tmp_path)
    assert loaded.learners == {"hv01": "HV01"} and state.verify_password("bi-mat-lop", loaded.password_hash)


def _submission(root: Path, user: str, module: str, stamp: str, text: str) -> None:
    folder = root / "ailab" / "inbound" / f"{user}+{module}+{stamp}+abc"
    folder.mkdir(parents=True)
    (folder / f"{module}.ipynb").write_text(json.dumps({"text": text}), encoding="utf-8")


def test_latest_submission_per_learner_is_staged_under_the_roster_id(tmp_path):
    root = tmp_path / "exchange"
    _submission(root, "hv01", "01_lam_quen", "2026-12-01 08:00:00.000000 UTC", "cũ")
    _submission(root, "hv01", "01_lam_quen", "2026-12-01 09:30:00.000000 UTC", "mới")
    _submission(root, "nguoila", "01_lam_quen", "2026-12-01 09:00:00.000000 UTC", "không có trong lớp")
    staged = tmp_path / "staged"
    count = exchange.stage_for_collect(root, {"hv01": "HV01"}, staged)
    assert count == 1
    copied = staged / "HV01" / "01_lam_quen" / "01_lam_quen.ipynb"
    assert json.loads(copied.read_text(encoding="utf-8"))["text"] == "mới"
    assert not (staged / "nguoila").exists()


def test_nop_on_a_laptop_makes_a_zip_that_collect_reads(tmp_path, monkeypatch):
    monkeypatch.delenv("AILAB_EXCHANGE", raising=False)
    folder = tmp_path / "01_lam_quen"
    folder.mkdir()
    notebook = folder / "01_lam_quen.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    receipt = nop.submit(notebook, "HV01")
    assert receipt.ok and receipt.file.name == "nop_HV01_01_lam_quen.zip"
    with zipfile.ZipFile(receipt.file) as archive:
        assert archive.namelist() == ["HV01/01_lam_quen/01_lam_quen.ipynb"]


def test_nop_without_learner_id_asks_for_it(tmp_path, monkeypatch):
    monkeypatch.delenv("AILAB_EXCHANGE", raising=False)
    monkeypatch.delenv("AILAB_HOC_VIEN", raising=False)
    notebook = tmp_path / "bai.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    receipt = nop.submit(notebook)
    assert not receipt.ok and "--ma" in receipt.message


def test_nop_of_a_missing_file_is_a_vietnamese_message(tmp_path):
    receipt = nop.submit(tmp_path / "khong_co.ipynb", "HV01")
    assert not receipt.ok and "Không thấy tệp" in receipt.message


def test_start_refuses_clearly_without_the_rights_it_needs(tmp_path, monkeypatch, capsys):
    from ailab.cli import main
    from autograder.workshop import users

    monkeypatch.setattr(users, "can_manage_users", lambda: "Cần chạy với quyền quản trị để tạo tài khoản")
    assert main(["workshop", "start", str(tmp_path)]) == 2
    assert "quyền quản trị" in capsys.readouterr().err
