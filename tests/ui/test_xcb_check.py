"""The start-up check for Qt's xcb libraries, tested without removing any library."""

from __future__ import annotations

from ui import app
from ui.xcb_check import XCB_LIBRARIES, install_line, missing, problem, uses_xcb


def test_missing_libraries_give_the_one_apt_get_line():
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    message = problem({"DISPLAY": ":0"}, "linux", loader=lambda so: so not in absent)
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in message
    assert message.count("apt-get") == 1


def test_nothing_to_say_when_all_are_there_or_xcb_is_not_used():
    assert problem({"DISPLAY": ":0"}, "linux", loader=lambda so: True) is None
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", loader=lambda so: False) is None
    assert problem({}, "win32", loader=lambda so: False) is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", loader=lambda so: False) is None


def test_xcb_asked_for_explicitly_is_checked_even_under_wayland():
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")


def test_every_library_has_its_package():
    assert missing(lambda so: False) == list(XCB_LIBRARIES.values())
    assert install_line(["libxcb-cursor0"]) == "sudo apt-get install libxcb-cursor0"


def test_the_app_prints_the_line_and_stops_before_qt(monkeypatch, capsys):
    import ui.xcb_check as check

    monkeypatch.setattr(app.QApplication, "instance", staticmethod(lambda: None))
    real = check.problem
    monkeypatch.setattr(check, "problem", lambda: real(
        {"DISPLAY": ":0"}, "linux", loader=lambda so: so != "libxcb-cursor.so.0"))
    assert app.main([]) == 1
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err
