"""Where the contract map puts each break clause's label: a small deterministic placement.

A label goes beside its diamond (right, then left) when that covers no bar, no diamond and no
other label. Otherwise it goes in a strip under the lane's bar, in the order of the diamonds,
each as near under its diamond as its neighbours leave room for, with its own leader: a line
down from the diamond to the label (straight when the label is under it, then slanting to it
when it had to move aside). Because the strip keeps the diamonds' order, no two leaders cross
or share a path, no label overlaps another and none is over a bar. A clause at the same month
on the same lane as the one before it shares that leader, its label beside the other's. A strip
too narrow for its labels takes a second row (every other label). The lane grows by the rows it
needs (``rows_needed``).

Pure geometry on x positions and widths; the caller turns rows into y positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Marker:
    x: float  # the diamond's centre
    key: tuple[str, str]  # its lane
    clause: Any
    width: float  # the label's text width


@dataclass(frozen=True)
class Placed:
    marker: Marker
    left: float  # the label box's left edge
    right: float  # and right edge (the text starts ``margin`` in from the left)
    row: int | None  # None: beside the diamond, on the bar's line; else the strip row under the bar
    leader: bool = True  # False for a second label at the same month, beside the first

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def place_labels(markers: list[Marker], bar_span: dict, radius: float, gap: float,
                 margin: float, low: float, high: float) -> list[Placed]:
    """Place every marker's label; ``bar_span`` maps a lane to its bar's (left, right);
    ``low``/``high`` bound where a label may go; ``margin`` is the label box's padding each side
    and the least space between two boxes."""
    taken: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for m in markers:
        taken.setdefault(m.key, []).append((m.x - radius, m.x + radius))
    below: dict[tuple[str, str], list[Marker]] = {}
    out: list[Placed] = []

    def free(key, lo: float, hi: float) -> bool:
        spans = list(taken.get(key, []))
        if key in bar_span:
            spans.append(bar_span[key])
        return all(hi + margin / 3 <= a or lo - margin / 3 >= b for a, b in spans)

    for m in markers:
        box_w = m.width + 2 * margin
        beside = [m.x + gap - margin, m.x - gap - m.width - margin]
        spot = next((lo for lo in beside if lo >= low and free(m.key, lo, lo + box_w)), None)
        if spot is not None:
            taken[m.key].append((spot, spot + box_w))
            out.append(Placed(m, spot, spot + box_w, None))
        else:
            below.setdefault(m.key, []).append(m)
    for lane in below.values():
        out += _strip(sorted(lane, key=lambda m: m.x), margin, low, high)
    return out


def _strip(lane: list[Marker], margin: float, low: float, high: float) -> list[Placed]:
    """One lane's strip: the labels in the markers' order, each as near under its marker as
    the others leave room for; two rows when one cannot hold them."""
    widths = [m.width + 2 * margin for m in lane]
    one_row = sum(widths) + margin * (len(lane) - 1) <= high - low
    rows = [lane] if one_row or len(lane) == 1 else [lane[0::2], lane[1::2]]
    out: list[Placed] = []
    for row, markers in enumerate(rows):
        boxes = [m.width + 2 * margin for m in markers]
        same = [i > 0 and abs(markers[i - 1].x - m.x) < 0.5 for i, m in enumerate(markers)]
        space = [margin / 2 if flag else margin for flag in same]
        ideal = [min(max(m.x - w / 2, low), high - w) for m, w in zip(markers, boxes)]
        lefts = _spread(ideal, boxes, space, low, high)
        out += [Placed(m, lo, lo + w, row, not flag)
                for m, lo, w, flag in zip(markers, lefts, boxes, same)]
    return out


def _spread(ideal: list[float], boxes: list[float], space: list[float], low: float,
            high: float) -> list[float]:
    """Left edges as near ``ideal`` as possible, in order, never overlapping: labels that
    touch form a cluster centred on its labels' ideal places (the mean offset is nought),
    inside [low, high]."""
    clusters = [[i] for i in range(len(ideal))]  # runs of labels that touch
    while True:
        lefts: list[float] = []
        for run in clusters:
            width = sum(boxes[i] for i in run) + sum(space[i] for i in run[1:])
            offsets = [sum(boxes[j] + space[j + 1] for j in run[:k]) for k in range(len(run))]
            start = sum(ideal[i] - o for i, o in zip(run, offsets)) / len(run)
            start = min(max(start, low), high - width)
            lefts += [start + o for o in offsets]
        merged = False
        for c in range(len(clusters) - 1):
            last, first = clusters[c][-1], clusters[c + 1][0]
            if lefts[last] + boxes[last] + space[first] > lefts[first] + 1e-6:
                clusters[c:c + 2] = [clusters[c] + clusters[c + 1]]
                merged = True
                break
        if not merged:
            return lefts


def rows_needed(placed: list[Placed]) -> dict[tuple[str, str], int]:
    """The number of strip rows each lane needs under its bar."""
    out: dict[tuple[str, str], int] = {}
    for p in placed:
        if p.row is not None:
            out[p.marker.key] = max(out.get(p.marker.key, 0), p.row + 1)
    return out
