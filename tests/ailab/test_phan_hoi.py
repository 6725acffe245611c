"""``ailab phan-hoi`` on its own: a personal machine, nothing submitted, feedback not yet released.

The whole return path (release, submit, collect, grade, feedback, fetch) is tested in
tests/course/test_course_feedback_exchange.py.
"""

from __future__ import annotations

from ailab import phan_hoi
from ailab.cli import main as ailab


def _learner(monkeypatch, tmp_path, exchange: str | None):
    monkeypatch.setenv("HOME", str(tmp_path / "nha"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "nha" / ".local" / "share" / "jupyter"))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "nha" / ".jupyter"))
    if exchange is None:
        monkeypatch.delenv("AILAB_EXCHANGE", raising=False)
    else:
        monkeypatch.setenv("AILAB_EXCHANGE", exchange)
    monkeypatch.setenv("AILAB_COURSE_ID", "ailab")


def test_personal_machine_says_feedback_comes_as_a_file(monkeypatch, tmp_path, capsys):
    _learner(monkeypatch, tmp_path, None)
    assert ailab(["phan-hoi"]) == 0
    out = capsys.readouterr().out
    assert "không nối với máy chủ lớp học" in out and "tệp .html" in out
    assert not (tmp_path / "nha" / "phong_thuc_hanh_ai" / "phan_hoi").exists()


def test_nothing_submitted_is_told_plainly(monkeypatch, tmp_path, capsys):
    _learner(monkeypatch, tmp_path, str(tmp_path / "trao_doi"))
    assert ailab(["phan-hoi"]) == 1
    assert "Bạn chưa nộp bài nào qua máy chủ lớp học" in capsys.readouterr().out


def test_submitted_but_not_yet_released_says_to_wait(monkeypatch, tmp_path, capsys):
    exchange = tmp_path / "trao_doi"
    (exchange / "ailab" / "outbound").mkdir(parents=True)
    _learner(monkeypatch, tmp_path, str(exchange))
    submission = phan_hoi.cache_folder("ailab") / "hv01+01_lam_quen+2026-12-01 08:00:00.000000 UTC"
    submission.mkdir(parents=True)
    (submission / "01_lam_quen.ipynb").write_text("{}", encoding="utf-8")
    (submission / "submission_secret.txt").write_text("a" * 128, encoding="utf-8")
    assert ailab(["phan-hoi"]) == 1
    assert "Bài 01_lam_quen: giảng viên chưa gửi phản hồi" in capsys.readouterr().out
    assert ailab(["phan-hoi", "02"]) == 1
    assert "Bạn chưa nộp bài 02 qua máy chủ lớp học" in capsys.readouterr().out


def test_newest_page_per_notebook_wins(tmp_path):
    for stamp, text in (("2026-12-01 08:00:00.000000 UTC", "cũ"), ("2026-12-01 09:00:00.000000 UTC", "mới")):
        page = tmp_path / "feedback" / stamp / "01_lam_quen.html"
        page.parent.mkdir(parents=True)
        page.write_text(text, encoding="utf-8")
    newest = phan_hoi._newest_pages(tmp_path)
    assert list(newest) == ["01_lam_quen.html"] and newest["01_lam_quen.html"].read_text(encoding="utf-8") == "mới"
