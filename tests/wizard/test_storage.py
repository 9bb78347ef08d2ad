"""Saving and opening project files: round trips, determinism, atomic saves, migrations."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings

from tests.strategies import projects, property_profile
from wizard import storage
from wizard.model import Partner, Phase, Project, ProjectInfo, Risk
from wizard.storage import ProjectFileError, ProjectSaveError


def _welsh_project(title: str = "Canolfan Hamdden – Llanrwst £2m") -> Project:
    return Project(
        project=ProjectInfo(title=title, place="Dyffryn Conwy", value_gbp=2_000_000),
        partners=[Partner(id="P1", name="Cyngor Bwrdeistref Sirol Conwy (ŵ ŷ)")],
        phases=[Phase(id="PH1", name="Dylunio", provider="P1")],
        risks=[Risk(id="R1", title="Færre brugere – demand € falls", owner="P1", phases=["PH1"])],
    )


# Round trips -----------------------------------------------------------------------------------


@settings(property_profile())
@given(projects())
def test_loads_of_dumps_gives_the_same_project(project):
    assert storage.loads(storage.dumps(project)) == project


@settings(property_profile())
@given(project=projects(max_risks=4, max_phases=3))
def test_load_of_save_gives_the_same_project(tmp_path_factory, project):
    path = tmp_path_factory.mktemp("round") / f"plan{storage.FILE_SUFFIX}"
    assert storage.save(project, path) == path
    assert storage.load(path) == project


@settings(max_examples=40, deadline=None)
@given(projects())
def test_dumps_is_deterministic_and_stable_across_a_round_trip(project):
    text = storage.dumps(project)
    assert storage.dumps(project) == text
    assert storage.dumps(storage.loads(text)) == text
    assert text.endswith("}\n")
    # the documented format: standard JSON indented by 2, non-ASCII written as itself
    expected = json.dumps(project.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    assert text == expected


def test_saved_file_is_readable_utf8_json_with_format_first(tmp_path):
    path = tmp_path / f"conwy{storage.FILE_SUFFIX}"
    storage.save(_welsh_project(), path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "Canolfan Hamdden – Llanrwst £2m" in text  # not \u escapes: ensure_ascii=False
    assert "ŵ ŷ" in text and "Færre" in text and "€" in text
    assert text.startswith('{\n  "format": "changemaker-project",\n  "schema_version": 2,')
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert json.loads(text)["risks"][0]["owner"] == "P1"


def test_bytes_and_text_load_alike():
    text = storage.dumps(_welsh_project())
    assert storage.loads(text) == storage.loads(text.encode("utf-8"))


def test_a_utf8_byte_order_mark_is_skipped(tmp_path):
    path = tmp_path / "bom.changemaker.json"
    path.write_bytes(b"\xef\xbb\xbf" + storage.dumps(_welsh_project()).encode("utf-8"))
    assert storage.load(path) == _welsh_project()
    assert storage.loads("\ufeff" + storage.dumps(_welsh_project())) == _welsh_project()


# Atomic saves ----------------------------------------------------------------------------------


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_save_keeps_the_previous_version_as_bak(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_welsh_project("First"), path)
    first = path.read_bytes()
    assert not storage.backup_path(path).exists()  # nothing to keep on the first save
    storage.save(_welsh_project("Second"), path)
    assert storage.backup_path(path).read_bytes() == first
    assert storage.backup_path(path).name == "plan.changemaker.json.bak"
    assert storage.load(path).project.title == "Second"
    storage.save(_welsh_project("Third"), path)
    assert storage.load(storage.backup_path(path)).project.title == "Second"
    assert _files(tmp_path) == ["plan.changemaker.json", "plan.changemaker.json.bak"]


@pytest.mark.parametrize("step", ["_write", "_fsync", "_replace"])
def test_a_failing_save_step_leaves_the_previous_file_intact(tmp_path, monkeypatch, step):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_welsh_project("Before"), path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, step, fail)
    with pytest.raises(ProjectSaveError) as caught:
        storage.save(_welsh_project("After"), path)
    assert path.read_bytes() == before
    assert "No space left on device" in str(caught.value)
    assert "plan.changemaker.json" in str(caught.value)
    assert "previous version is unchanged" in str(caught.value)
    assert isinstance(caught.value, OSError)
    leftovers = [n for n in _files(tmp_path) if n.endswith(".tmp")]
    assert leftovers == []


def test_a_failing_backup_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_welsh_project("Before"), path)
    before = path.read_bytes()
    storage.backup_path(path).mkdir()  # a folder where the .bak should go: cannot replace it
    with pytest.raises(ProjectSaveError, match="plan.changemaker.json.bak"):
        storage.save(_welsh_project("After"), path)
    assert path.read_bytes() == before
    assert [n for n in _files(tmp_path) if n.endswith(".tmp")] == []


def test_a_failing_save_of_a_new_file_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_disk(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(storage, "_fsync", broken_disk)
    with pytest.raises(ProjectSaveError, match="I/O error"):
        storage.save(_welsh_project(), tmp_path / "new.changemaker.json")
    assert _files(tmp_path) == []


def test_saving_into_a_missing_folder_is_a_clear_save_error(tmp_path):
    with pytest.raises(ProjectSaveError) as caught:
        storage.save(_welsh_project(), tmp_path / "no-such-folder" / "plan.changemaker.json")
    assert str(caught.value).startswith("Could not save plan.changemaker.json: the folder ")
    assert "no-such-folder does not exist" in str(caught.value)


def test_saving_over_a_folder_is_refused(tmp_path):
    (tmp_path / "plan.changemaker.json").mkdir()
    with pytest.raises(ProjectSaveError, match="folder"):
        storage.save(_welsh_project(), tmp_path / "plan.changemaker.json")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_welsh_project(), path)
    os.chmod(path, 0o640)
    storage.save(_welsh_project("Again"), path)
    assert (os.stat(path).st_mode & 0o777) == 0o640


def test_write_recovery_is_atomic_and_keeps_no_bak(tmp_path, monkeypatch):
    path = tmp_path / "recovery.changemaker.json"
    storage.write_recovery(_welsh_project("One"), path)
    storage.write_recovery(_welsh_project("Two"), path)
    assert storage.load(path).project.title == "Two"
    assert _files(tmp_path) == ["recovery.changemaker.json"]
    before = path.read_bytes()
    def refuse(source, target):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(storage, "_replace", refuse)
    with pytest.raises(ProjectSaveError, match="Permission denied"):
        storage.write_recovery(_welsh_project("Three"), path)
    assert path.read_bytes() == before
    assert _files(tmp_path) == ["recovery.changemaker.json"]


# Schema versions and migrations ----------------------------------------------------------------


def test_an_older_version_is_upgraded_through_the_migrations(monkeypatch):
    document = json.loads(storage.dumps(_welsh_project()))
    document["schema_version"] = 0
    document["project"]["name"] = document["project"].pop("title")  # the old field name

    def upgrade_0_to_1(old: dict) -> dict:
        old["project"]["title"] = old["project"].pop("name")
        return old

    monkeypatch.setitem(storage.MIGRATIONS, 0, upgrade_0_to_1)
    project = storage.loads(json.dumps(document))
    assert project == _welsh_project()
    assert project.schema_version == 2


def test_an_older_version_without_a_migration_is_refused():
    document = json.loads(storage.dumps(_welsh_project()))
    document["schema_version"] = 0
    with pytest.raises(ProjectFileError) as caught:
        storage.loads(json.dumps(document))
    assert caught.value.field == "schema_version"
    assert "schema version 0 is unknown" in caught.value.problem


def test_error_attributes_and_message_shape(tmp_path):
    document = json.loads(storage.dumps(_welsh_project()))
    document["risks"][0]["likelihood"] = 6
    path = tmp_path / "bad.changemaker.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        storage.load(path)
    error = caught.value
    assert error.path == str(path)
    assert error.field == "risks[0].likelihood"
    assert error.problem == "6 is too high; the most allowed is 5"
    assert str(error) == f"{path}: risks[0].likelihood: 6 is too high; the most allowed is 5"
    with pytest.raises(ProjectFileError) as in_memory:
        storage.loads(json.dumps(document))
    assert in_memory.value.path is None


def test_several_problems_are_summarised_not_dumped():
    document = json.loads(storage.dumps(_welsh_project()))
    document["risks"][0]["likelihood"] = 0
    document["risks"][0]["impact"] = "huge"
    document["partners"][0]["sme"] = "yes"
    document["phases"][0]["value_gbp"] = -5
    with pytest.raises(ProjectFileError) as caught:
        storage.loads(json.dumps(document))
    message = str(caught.value)
    assert "(and 1 more problem)" in message
    assert "also phases[0].value_gbp: -5 is too low; the least allowed is 0" in message
    assert "risks[0].likelihood: 0 is too low; the least allowed is 1" in message
    assert "risks[0].impact" not in message  # only the first three are spelt out
    assert caught.value.field == "partners[0].sme"
    assert "must be true or false, not the text 'yes'" in message
    assert "validation error" not in message and "pydantic" not in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_through_a_symbolic_link_updates_the_real_file(tmp_path):
    real = tmp_path / "real.changemaker.json"
    storage.save(_welsh_project("Real"), real)
    link = tmp_path / "link.changemaker.json"
    link.symlink_to(real)
    storage.save(_welsh_project("Through the link"), link)
    assert link.is_symlink()
    assert storage.load(real).project.title == "Through the link"
    assert storage.load(storage.backup_path(real)).project.title == "Real"


def test_brackets_and_quotes_inside_text_are_not_nesting():
    title = '[' * 200 + '{"x": ' + '\\"]' * 50 + " ŵ"
    project = _welsh_project().model_copy(update={"project": ProjectInfo(title=title[:300])})
    assert storage.loads(storage.dumps(project)).project.title == title[:300]


def test_the_depth_limit_is_exactly_max_depth():
    def nested(levels: int) -> str:
        # {"project": {"objectives": [[...]]}}: the outer object and project make two levels
        document = json.loads(storage.dumps(_welsh_project()))
        document["project"]["objectives"] = json.loads("[" * (levels - 2) + "]" * (levels - 2))
        return json.dumps(document)

    with pytest.raises(ProjectFileError) as at_limit:
        storage.loads(nested(storage.MAX_DEPTH))
    assert at_limit.value.field == "project.objectives[0]"  # got past the guard to validation
    with pytest.raises(ProjectFileError) as over:
        storage.loads(nested(storage.MAX_DEPTH + 1))
    assert over.value.problem.startswith(f"the file is nested {storage.MAX_DEPTH + 1} levels deep")


def test_an_old_file_too_damaged_to_upgrade_is_refused_clearly(monkeypatch):
    document = json.loads(storage.dumps(_welsh_project()))
    document["schema_version"] = 0
    del document["project"]

    def upgrade_0_to_1(old: dict) -> dict:
        old["project"]["title"] = old["project"].pop("name")
        return old

    monkeypatch.setitem(storage.MIGRATIONS, 0, upgrade_0_to_1)
    with pytest.raises(ProjectFileError) as caught:
        storage.loads(json.dumps(document))
    assert caught.value.field == "schema_version"
    assert caught.value.problem == (
        "this file uses schema version 0 and could not be upgraded (KeyError: 'project')"
    )
