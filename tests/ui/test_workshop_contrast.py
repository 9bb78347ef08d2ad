"""Every text/background pair of the workshop theme meets WCAG AAA (7:1), from its own colours."""

import re

import pytest

from ui.workshop.theme import HIGH_CONTRAST, bands, graph_theme, stages, stylesheet, text_pairs
from wizard.risk import BANDS
from wizard.workshop import contrast_ratio

PAIRS = text_pairs(HIGH_CONTRAST)


@pytest.mark.parametrize("where, text, background", PAIRS, ids=[p[0] for p in PAIRS])
def test_text_pair_meets_wcag_aaa(where, text, background):
    assert contrast_ratio(text, background) >= 7, (
        f"{where}: {text} on {background} is {contrast_ratio(text, background):.2f}:1")


def test_the_pairs_cover_every_band_and_stage_colour():
    grounds = {background for _where, _text, background in PAIRS}
    assert set(bands(HIGH_CONTRAST).values()) <= grounds
    assert set(stages(HIGH_CONTRAST).values()) <= grounds
    assert {name for name, _lowest in BANDS} == set(bands(HIGH_CONTRAST))


def test_the_graph_theme_is_built_from_the_same_colours():
    theme = graph_theme(HIGH_CONTRAST, 2.0)
    pairs = {(text, background) for _where, text, background in PAIRS}
    for ground in (theme.background, theme.lane, theme.label_box,
                   *(colour for _name, colour in theme.bands),
                   *(colour for _name, colour in theme.stages)):
        assert (theme.text, ground) in pairs and (theme.muted, ground) in pairs
    assert theme.font_scale == 2.0


def test_the_stylesheet_uses_only_palette_colours():
    colours = set(HIGH_CONTRAST.colours().values())
    used = set(re.findall(r"#[0-9a-fA-F]{6}", stylesheet(HIGH_CONTRAST, 1.6)))
    assert used and used <= colours
    assert "font-size: 19pt" in stylesheet(HIGH_CONTRAST, 1.6)


def test_list_rows_are_drawn_in_the_theme_text_colour_whatever_the_list_asks(qtbot):
    """The findings list colours rows by severity (#8a5300 is under 7:1 on the panel);
    in the workshop theme every row is drawn in the theme's text colour instead."""
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.setStyleSheet(stylesheet(HIGH_CONTRAST, 1.6))
    item = QListWidgetItem("WWWWWWWW warning")
    item.setForeground(QBrush(QColor("#8a5300")))
    rows.addItem(item)
    rows.resize(400, 120)
    rows.show()
    qtbot.waitExposed(rows)
    image = rows.grab().toImage()
    rect = rows.visualItemRect(item)
    seen = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())}
    assert HIGH_CONTRAST.text in seen
    assert "#8a5300" not in seen
