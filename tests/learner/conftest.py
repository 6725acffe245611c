"""Shared fixtures for the learner-path tests: one release cache and one built workspace per session."""

from __future__ import annotations

import pytest

from ailab.workspace import build_workspace


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory):
    """An ``AILAB_CACHE_HOME`` for the session (what a lab started by a test uses too)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def release_cache(cache_home):
    """Learner copies made once by nbgrader, reused by every test of the session."""
    from ailab.learner_release import CACHE_FOLDER_NAME

    return cache_home / CACHE_FOLDER_NAME


@pytest.fixture(scope="session")
def workspace(tmp_path_factory, release_cache):
    """A learner workspace with every built module (do not modify it: copy it or build another)."""
    folder = tmp_path_factory.mktemp("hoc_vien") / "phong_thuc_hanh_ai"
    build_workspace(folder, cache_dir=release_cache)
    return folder
