"""Shared test set-up: headless Qt, and user settings and data kept inside each test's tmp_path."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """Point settings, autosave and recovery at the test's own folder."""
    monkeypatch.setenv("CHANGEMAKER_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    yield
