"""Shared test setup: every test starts with no AI provider configured (offline assistant, no key)."""

from __future__ import annotations

import pytest

_AI_VARIABLES = ("AILAB_PROVIDER", "AILAB_BASE_URL", "AILAB_MODEL", "AILAB_API_KEY", "AILAB_CACHE", "AILAB_CACHE_DIR",
                 "AILAB_TIMEOUT", "AILAB_MAX_RETRIES", "AILAB_PRICE_INPUT", "AILAB_PRICE_OUTPUT", "OPENAI_API_KEY",
                 "GEMINI_API_KEY", "OPENAI_BASE_URL")


@pytest.fixture(autouse=True)
def _no_ai_settings(monkeypatch):
    for name in _AI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lab_home(tmp_path, monkeypatch):
    """A clean working folder and home, so no .env or cache from the developer's machine is read."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work
