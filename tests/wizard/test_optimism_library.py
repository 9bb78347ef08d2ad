"""The optimism bias library file is read by a strict pydantic model."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from wizard import optimism_bias


@pytest.fixture
def library_at(tmp_path, monkeypatch):
    def write(change) -> None:
        data = json.loads(optimism_bias.LIBRARY_FILE.read_text(encoding="utf-8"))
        change(data)
        path = tmp_path / "optimism_bias.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        monkeypatch.setattr(optimism_bias, "LIBRARY_FILE", path)
        optimism_bias.library.cache_clear()

    yield write
    optimism_bias.library.cache_clear()


def test_the_shipped_library_reads_with_its_bounds():
    lib = optimism_bias.library()
    assert lib.revenue.upper_pct == 41 and lib.revenue.lower_pct == 0
    assert lib.capital_bound("standard_buildings").upper_pct == 24


@pytest.mark.parametrize("change, where", [
    (lambda d: d["capital"][0].__setitem__("colour", "red"), ("capital", 0, "colour")),
    (lambda d: d["revenue"].__setitem__("upper_pct", -5), ("revenue", "upper_pct")),
    (lambda d: d.pop("source"), ("source",)),
])
def test_a_malformed_library_is_refused_naming_the_field(library_at, change, where):
    library_at(change)
    with pytest.raises(ValidationError) as caught:
        optimism_bias.library()
    assert caught.value.errors()[0]["loc"] == where
