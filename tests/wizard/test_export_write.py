"""One export entry point, ``wizard.export.write``, used by the command line and the app, and
every export atomic: a failed export leaves the previous file exactly as it was."""

from __future__ import annotations

import os

import pytest

from wizard import catalog, export, storage
from wizard.cli import main

KINDS = [("pdf", "case.pdf"), ("html", "case.html"), ("ocds", "open.json"),
         ("risks", "register.csv"), ("risks", "register.xlsx"), ("docx", "case.docx"),
         ("schedules", "schedules.docx")]
OLD = b"the previous export, which must survive a failed one\n"


@pytest.fixture(scope="module")
def project():
    return catalog.load_example("leisure")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.endswith(".part"))


@pytest.mark.parametrize("kind,name", KINDS)
def test_write_gives_the_rendered_bytes(project, tmp_path, kind, name):
    target = tmp_path / name
    assert export.write(kind, project, target, "public") == target
    data = target.read_bytes()
    assert len(data) > 200
    if kind in ("html", "ocds") or name.endswith(".csv"):  # text exports are reproducible
        assert data == export.render(kind, project, "public", suffix=target.suffix)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind,name", KINDS)
def test_a_failure_while_writing_keeps_the_previous_file(project, tmp_path, monkeypatch, kind, name):
    target = tmp_path / name
    target.write_bytes(OLD)

    def half_then_fail(fd, data):  # the disk fills up half-way through
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write", half_then_fail)
    with pytest.raises(OSError) as caught:
        export.write(kind, project, target, "internal")
    assert "No space left on device" in str(caught.value)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind,name", KINDS)
def test_a_failure_while_rendering_writes_nothing(project, tmp_path, monkeypatch, kind, name):
    target = tmp_path / name
    target.write_bytes(OLD)
    missing = tmp_path / ("never-" + name)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the renderer failed")

    monkeypatch.setattr(export, "render", broken)
    for path in (target, missing):
        with pytest.raises(RuntimeError):
            export.write(kind, project, path, "public")
    assert target.read_bytes() == OLD
    assert not missing.exists()  # no 0-byte file where there was none
    assert _leftovers(tmp_path) == []


def test_unknown_kind_edition_and_register_ending_are_refused(project, tmp_path):
    with pytest.raises(export.ExportError, match="Unknown export 'odt'"):
        export.write("odt", project, tmp_path / "x.odt")
    with pytest.raises(export.ExportError, match="Unknown edition 'secret'"):
        export.write("html", project, tmp_path / "x.html", "secret")
    with pytest.raises(export.ExportError, match="must end in .csv or .xlsx"):
        export.write("risks", project, tmp_path / "x.txt")
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_writes_through_the_entry_point(project, tmp_path, capsys, monkeypatch):
    source = tmp_path / "p.changemaker.json"
    storage.save(project, source)
    calls = []
    real = export.write

    def spy(kind, proj, path, edition="public", progress=None, publisher=None):
        calls.append((kind, os.path.basename(path), edition))
        return real(kind, proj, path, edition, progress, publisher)

    monkeypatch.setattr(export, "write", spy)
    code = main(["export", str(source), "--html", str(tmp_path / "a.html"),
                 "--ocds", str(tmp_path / "a.json"), "--edition", "internal"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert calls == [("html", "a.html", "internal"), ("ocds", "a.json", "internal")]
    assert "Wrote the OCDS (public edition)" in out and "Wrote the HTML (internal edition)" in out
    assert (tmp_path / "a.html").read_bytes() == export.render("html", project, "internal")


def test_the_command_line_says_why_a_write_failed(project, tmp_path, capsys, monkeypatch):
    source = tmp_path / "p.changemaker.json"
    storage.save(project, source)
    target = tmp_path / "a.html"
    target.write_bytes(OLD)
    monkeypatch.setattr(storage, "_fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    code = main(["export", str(source), "--html", str(target)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "cannot write the HTML to" in err and "Input/output error" in err
    assert "Traceback" not in err
    assert target.read_bytes() == OLD


def test_the_app_writes_through_the_entry_point(project, tmp_path, monkeypatch):
    from ui.pages.review import write_export

    calls = []
    monkeypatch.setattr(export, "write", lambda *a, **k: calls.append((a[0], a[3])))
    for kind in ("pdf-public", "pdf-internal", "html", "ocds", "risks"):
        write_export(kind, project, str(tmp_path / "x"), lambda *_: None)
    assert calls == [("pdf", "public"), ("pdf", "internal"), ("html", "public"),
                     ("ocds", "public"), ("risks", "internal")]
