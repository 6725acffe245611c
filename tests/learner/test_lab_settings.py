"""The learner lab's own settings folders and the kernel's Vietnamese hints for common mistakes."""

from __future__ import annotations

import json
import re

import pytest
from jupyter_client.manager import start_new_kernel

from ailab import loi_python
from ailab.lab_config import NBGRADER_SERVER_EXTENSIONS, prepare

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_learner_lab_hides_nbgrader_news_and_speaks_vietnamese(tmp_path):
    folders = prepare("vi_VN", start_page="00_bat_dau_o_day.md", home=tmp_path)
    settings = folders.settings / "@jupyterlab"
    assert _json(settings / "translation-extension" / "plugin.jupyterlab-settings") == {"locale": "vi_VN"}
    assert _json(settings / "apputils-extension" / "notification.jupyterlab-settings")["fetchNews"] == "false"
    server = _json(folders.config / "jupyter_server_config.json")
    assert server["LabApp"]["default_url"] == "/lab/tree/00_bat_dau_o_day.md" and server["LabApp"]["custom_css"]
    assert all(server["ServerApp"]["jpserver_extensions"][name] is False for name in NBGRADER_SERVER_EXTENSIONS)
    assert server["ContentsManager"]["untitled_notebook"] == "Bai_moi"
    assert _json(folders.config / "labconfig" / "page_config.json")["disabledExtensions"]["@jupyter/nbgrader"]
    assert (folders.config / "custom" / "custom.css").is_file()
    assert len(list((folders.config / "custom" / "fonts").glob("*.woff2"))) == 6
    assert str(tmp_path) in str(folders.ipython) and "ailab.loi_python" in (
        folders.ipython / "profile_default" / "ipython_kernel_config.py").read_text(encoding="utf-8")


def test_trainer_lab_keeps_nbgrader(tmp_path):
    folders = prepare("vi_VN", trainer=True, home=tmp_path)
    assert "jpserver_extensions" not in _json(folders.config / "jupyter_server_config.json")["ServerApp"]
    assert _json(folders.config / "labconfig" / "page_config.json")["disabledExtensions"] == {}


def _run(client, code: str) -> dict:
    client.execute(code)
    error = {}
    while True:
        message = client.get_iopub_msg(timeout=30)
        if message["msg_type"] == "error":
            error = message["content"]
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return error


@pytest.fixture(scope="module")
def lab_kernel(tmp_path_factory):
    """A kernel started as the learner lab starts it: with the lab's IPython folder, no setup line."""
    folders = prepare("vi_VN", start_page="00_bat_dau_o_day.md", home=tmp_path_factory.mktemp("lab"))
    manager, client = start_new_kernel(kernel_name="python3", env=folders.environment())
    yield client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


@pytest.mark.parametrize(("code", "name", "hint"), [
    ("so_ho_dan + 1", "NameError", "Python chưa biết tên 'so_ho_dan'"),
    ("if True\n    print(1)", "SyntaxError", "chưa đúng cú pháp"),
    ("def f():\nprint(1)", "IndentationError", "Thụt lề chưa đúng"),
    ("'Thôn ' + 3", "TypeError", "không đúng loại"),
    ("{'a': 1}['Số hộ']", "KeyError", "Không có khóa hay cột tên 'Số hộ'"),
    ("open('bao_cao_khong_co.txt')", "FileNotFoundError", "Không tìm thấy tệp 'bao_cao_khong_co.txt'"),
    ("raise NotImplementedError()", "NotImplementedError", "Câu này chưa làm"),
])
def test_fresh_notebook_error_gets_a_vietnamese_hint_first(lab_kernel, code, name, hint):
    error = _run(lab_kernel, code)
    assert error["ename"] == name  # the error itself is unchanged for nbgrader and the self-check
    first = ANSI.sub("", error["traceback"][0])
    assert first.startswith("➜ ") and hint in first


def test_other_errors_are_left_alone(lab_kernel):
    error = _run(lab_kernel, "1 / 0")
    assert error["ename"] == "ZeroDivisionError" and not ANSI.sub("", error["traceback"][0]).startswith("➜")


def test_long_library_traceback_is_shortened_to_the_learners_line():
    structured = ["-----", "KeyError   Traceback (most recent call last)", "Cell In[3], line 1", "frame a",
                  "frame b", "frame c", "KeyError: 'x'"]
    short = loi_python.shorten(structured)
    assert short[:3] == structured[:3] and short[-1] == "KeyError: 'x'" and "3 bước" in short[3]
    assert loi_python.shorten(structured[:4]) == structured[:4]


def test_lab_kernel_defers_jsonschema_iri_grammars_for_the_self_check(lab_kernel):
    code = ("import sys, jsonschema\n"
            "assert 'rfc3987_syntax.syntax_helpers' not in sys.modules, 'IRI grammars built at import'\n"
            "assert jsonschema.Draft7Validator.FORMAT_CHECKER.conforms('https://xã.vn/a', 'iri')")
    assert _run(lab_kernel, code) == {}
