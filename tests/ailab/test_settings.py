"""Settings: presets, .env files, clear Vietnamese messages for wrong values, keys never shown."""

from __future__ import annotations

import pytest

from ailab.settings import SettingsError, load_settings, read_env_file


def test_offline_is_the_default_with_no_key(lab_home):
    settings = load_settings()
    assert settings.provider == "offline" and settings.model == "tro-ly-ngoai-tuyen"


def test_a_key_alone_selects_openai(lab_home, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-abcdefghijklmnop1234")
    settings = load_settings()
    assert settings.provider == "openai" and settings.base_url == "https://api.openai.com/v1"
    assert settings.masked_key == "…1234"
    assert "sk-abc" not in repr(settings)


def test_gemini_preset_uses_its_openai_compatible_endpoint(lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_PROVIDER", "gemini")
    monkeypatch.setenv("GEMINI_API_KEY", "AIza-test-key-000000")
    settings = load_settings()
    assert settings.base_url.endswith("/v1beta/openai/") and settings.model.startswith("gemini")


def test_ollama_needs_no_key(lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_PROVIDER", "ollama")
    assert load_settings().base_url == "http://127.0.0.1:11434/v1"


def test_env_file_is_read_and_environment_wins(lab_home, monkeypatch):
    (lab_home / ".env").write_text('# cấu hình\nAILAB_PROVIDER=ollama\nAILAB_MODEL="llama3.2"\n', encoding="utf-8")
    assert load_settings().model == "llama3.2"
    monkeypatch.setenv("AILAB_MODEL", "qwen2.5:3b")
    assert load_settings().model == "qwen2.5:3b"


def test_env_file_with_bom_from_notepad(tmp_path):
    path = tmp_path / ".env"
    path.write_bytes("\ufeffAILAB_PROVIDER=offline\n".encode())
    assert read_env_file(path) == {"AILAB_PROVIDER": "offline"}


@pytest.mark.parametrize("name, value, words", [
    ("AILAB_PROVIDER", "chatgpt", "không hợp lệ"),
    ("AILAB_CACHE", "ghi", "không hợp lệ"),
    ("AILAB_TIMEOUT", "nhanh", "không phải là số"),
])
def test_wrong_values_get_vietnamese_messages(lab_home, monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=words):
        load_settings()


def test_openai_without_key_says_how_to_fix(lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_PROVIDER", "openai")
    with pytest.raises(SettingsError, match="AILAB_API_KEY"):
        load_settings()


def test_custom_needs_a_base_url(lab_home, monkeypatch):
    monkeypatch.setenv("AILAB_PROVIDER", "custom")
    with pytest.raises(SettingsError, match="AILAB_BASE_URL"):
        load_settings()
