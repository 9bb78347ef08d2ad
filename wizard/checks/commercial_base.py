"""What the commercial and management checks share: the way they name items."""

from __future__ import annotations


def lot_label(lot) -> str:
    return f"Lot {lot.id} {lot.name}"


def benefit_label(benefit) -> str:
    return f"{benefit.id} {benefit.benefit}"
