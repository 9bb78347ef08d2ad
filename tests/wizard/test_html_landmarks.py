"""Every part of the HTML edition sits in a landmark (axe-core's "region" rule): the internal
edition's protective marking is in the page's banner at the top and its footer at the end."""

from __future__ import annotations

import re

from wizard import catalog
from wizard.export.editions import marking
from wizard.export.html import html_text


def test_the_marking_sits_in_the_banner_and_the_footer():
    page = html_text(catalog.load_example("leisure"), "internal")
    body = page[page.index("<body>") + len("<body>"):page.index("</body>")]
    outside = re.sub(r"<(header|nav|main|footer)\b.*?</\1>", "", body, flags=re.S)
    assert re.sub(r'<a class="skip"[^>]*>[^<]*</a>', "", outside).strip() == ""
    header = re.search(r"<header>(.*?)</header>", body, re.S).group(1)
    footer = re.search(r"<footer>(.*?)</footer>", body, re.S).group(1)
    assert marking("internal") in header and marking("internal") in footer


def test_the_public_edition_has_no_marking_and_no_empty_footer():
    page = html_text(catalog.load_example("leisure"), "public")
    assert 'class="marking"' not in page and "<footer>" not in page
