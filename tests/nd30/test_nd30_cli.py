"""The checker's command line: reports, JSON, exit codes, broken inputs without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import nd30_fixtures as fx  # noqa: E402

from autograder.nd30.cli import main  # noqa: E402


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "ke_hoach.docx"
    fx.build_ke_hoach().save(path)
    return path


@pytest.fixture
def bad(tmp_path):
    document = fx.build_ke_hoach()
    document.sections[0].left_margin = fx.Mm(25)
    path = tmp_path / "le_trai.docx"
    document.save(path)
    return path


def _broken(tmp_path, kind: str) -> Path:
    path = tmp_path / f"{kind}.docx"
    if kind == "text":
        path.write_text("Đây là văn bản thường, chỉ đổi đuôi thành .docx", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "legacy":
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)
    elif kind == "truncated":
        fx.build_ke_hoach().save(path)
        path.write_bytes(path.read_bytes()[:3000])
    elif kind == "not_word":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "xin chào")
    return path


def test_compliant_file_exits_zero_with_a_vietnamese_report(good, capsys):
    assert main([str(good)]) == 0
    out = capsys.readouterr().out
    assert "Đạt" in out and "ke_hoach.docx" in out


def test_file_with_an_error_exits_one_and_names_the_rule(bad, capsys):
    assert main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert "page.margin.left" in out and "Lề trái 25 mm" in out


def test_json_output_lists_every_file(good, bad, capsys):
    assert main([str(good), str(bad), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [item["ok"] for item in data] == [True, False]
    assert set(data[1]) == {"file", "ok", "findings"}
    assert data[1]["findings"][0]["rule"] == "page.margin.left"


@pytest.mark.parametrize("kind, words", [
    ("text", "không phải văn bản Word"),
    ("empty", "rỗng"),
    ("legacy", "Word 97-2003"),
    ("truncated", "bị hỏng"),
    ("not_word", "không phải văn bản Word"),
])
def test_unreadable_input_exits_two_with_one_line_message(tmp_path, capsys, kind, words):
    assert main([str(_broken(tmp_path, kind))]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_legacy_doc_message_says_how_to_save_as_docx(tmp_path, capsys):
    main([str(_broken(tmp_path, "legacy"))])
    assert "Lưu thành" in capsys.readouterr().err


def test_missing_file_exits_two(tmp_path, capsys):
    assert main([str(tmp_path / "khong_co.docx")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_all_files_are_processed_and_exit_two_wins(tmp_path, good, bad, capsys):
    assert main([str(_broken(tmp_path, "empty")), str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "ke_hoach.docx" in captured.out and "le_trai.docx" in captured.out


def test_python_dash_m_runs_the_cli(tmp_path, good):
    broken = _broken(tmp_path, "text")
    result = subprocess.run([sys.executable, "-m", "autograder.nd30", str(good), str(broken), "--json"],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 2
    assert json.loads(result.stdout)[0]["ok"] is True
    assert "Traceback" not in result.stderr and "không phải văn bản Word" in result.stderr
