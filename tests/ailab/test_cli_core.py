"""The ``ailab`` command: doctor's report, lab's command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ailab.cli import main
from ailab.cli_core import lab_command, lab_settings_dir
from ailab.doctor import report, run_checks


def test_doctor_reports_in_vietnamese_and_passes_offline(lab_home, capsys):
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "Trợ lý ngoại tuyến" in out and "Mọi thứ sẵn sàng." in out


def test_doctor_explains_an_unreachable_server_without_the_key(lab_home, monkeypatch, capsys):
    secret = "sk-doctor-SECRET-99999999"
    monkeypatch.setenv("AILAB_PROVIDER", "custom")
    monkeypatch.setenv("AILAB_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("AILAB_MODEL", "m")
    monkeypatch.setenv("AILAB_API_KEY", secret)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "✘ Kết nối tới AI" in out and "Cách sửa" in out
    assert secret not in out and "…9999" in out


def test_doctor_explains_a_bad_setting(lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_CACHE", "sai")
    text = report(run_checks())
    assert "AILAB_CACHE='sai' không hợp lệ" in text


def test_lab_opens_the_folder_in_vietnamese(lab_home):
    folder = lab_settings_dir("vi_VN")
    setting = folder / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    assert '"vi_VN"' in setting.read_text(encoding="utf-8")
    command = lab_command(Path("/khoa-hoc"), 8888, "abc", open_browser=False)
    assert "--ServerApp.root_dir=/khoa-hoc" in command and "--no-browser" in command


def test_help_lists_commands(capsys):
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    for command in ("lab", "serve", "doctor"):
        assert command in out


def test_record_runs_a_notebook_and_stores_its_answers(lab_home, tmp_path, capsys):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("from ailab import ask\nask('Tóm tắt: Xã đạt 412 ha lúa, tăng 5%.')")]
    path = tmp_path / "bai.ipynb"
    nbformat.write(notebook, path)
    assert main(["record", str(path), "--dir", str(tmp_path / "ghi")]) == 0
    assert "Đã ghi 1 câu trả lời" in capsys.readouterr().out


def test_doctor_lets_a_bug_surface_instead_of_blaming_the_network(lab_home, monkeypatch):
    import ailab.llm
    from ailab.doctor import check_provider

    def broken(settings, transport=None):
        raise TypeError("build_client() got an unexpected keyword argument")

    monkeypatch.setattr(ailab.llm, "build_client", broken)
    with pytest.raises(TypeError):
        check_provider()
