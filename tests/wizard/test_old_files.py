"""Every file an older Changemaker saved keeps opening, meaning the same, and saves as the
current schema version. ``v1_files/`` holds copies of version-1 files (the three examples as
they shipped, and a blank project) that must never be edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard import storage
from wizard.model import SCHEMA_VERSION

V1 = Path(__file__).parent / "v1_files"
V1_FILES = sorted(V1.glob("*.changemaker.json"))


def test_the_old_files_are_kept_as_they_shipped():
    names = {p.name for p in V1_FILES}
    assert {"blank.changemaker.json", "leisure.changemaker.json",
            "childrens-services.changemaker.json", "regeneration.changemaker.json"} <= names
    for path in V1_FILES:
        assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_a_version_1_file_opens_and_saves_as_the_current_version(path, tmp_path):
    project = storage.load(path)
    assert project.schema_version == SCHEMA_VERSION == 2
    old = json.loads(path.read_text(encoding="utf-8"))
    saved = tmp_path / path.name
    storage.save(project, saved)
    new = json.loads(saved.read_text(encoding="utf-8"))
    assert new["schema_version"] == 2
    # Everything the old file said is said again, unchanged in meaning.
    for key in ("project", "partners", "phases", "risks", "break_clauses", "steering_groups",
                "kpis", "social_impact", "accountability", "accepted_findings"):
        if key in old:
            assert _subset(old[key], new[key]), key
    assert storage.load(saved) == project


def _subset(old, new) -> bool:
    """True when every value in ``old`` is in ``new`` (new may add defaulted fields)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and _subset(v, new[k]) for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(
            _subset(a, b) for a, b in zip(old, new))
    return old == new
