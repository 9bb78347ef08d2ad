"""Before Qt starts: are the X11 (xcb) libraries Qt needs installed? If not, say how to fix it.

On a fresh Debian or Ubuntu desktop, Qt's xcb platform plugin cannot load without a handful
of small libraries, and Qt then aborts with a message about plugins that does not name them.
``problem()`` looks for each library the way the plugin will (by its shared-object name) and
returns the one ``apt-get install`` line that fixes it, or None when nothing is missing or Qt
will not use xcb (another platform, or not Linux). This module imports no Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The shared objects Qt's xcb plugin loads, and the Debian/Ubuntu package holding each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def can_load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will try the xcb plugin: Linux, and xcb asked for or an X11-only session."""
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").strip().lower()
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing(loader: Callable[[str], bool] = can_load) -> list[str]:
    """The packages whose library cannot be loaded, in the order of ``XCB_LIBRARIES``."""
    return [package for soname, package in XCB_LIBRARIES.items() if not loader(soname)]


def install_line(packages: list[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)


def problem(env: Mapping[str, str] | None = None, platform: str = sys.platform,
            loader: Callable[[str], bool] = can_load) -> str | None:
    """The message to print instead of starting Qt, or None when Qt can start."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform):
        return None
    packages = missing(loader)
    if not packages:
        return None
    return ("Changemaker cannot open its window: Qt needs X11 libraries that are not installed "
            f"({', '.join(packages)}).\nInstall them with:\n\n    {install_line(packages)}\n")
