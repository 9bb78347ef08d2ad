"""``changemaker appraise FILE [--json] [--iterations N] [--seed S]``: the options appraisal,
the quantified risk and the affordability of a project file.

A file without cash flows, priced risks or a budget (a version-1 file, say) is appraised as far
as it can be, and the output says what is missing; that is not an error (exit 0). Exit 2 when
the file cannot be read or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys

from wizard import storage
from wizard.affordability import affordability
from wizard.appraisal import appraise
from wizard.formatting import signed_money
from wizard.risk_exposure import DEFAULT_ITERATIONS, DEFAULT_SEED, simulate

MAX_ITERATIONS = 1_000_000


def add_parser(sub) -> None:
    p = sub.add_parser("appraise", help="appraise the options, price the risk and test "
                       "affordability")
    p.add_argument("file", metavar="FILE", help="the project file to appraise")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS, metavar="N",
                   help=f"Monte Carlo iterations (default {DEFAULT_ITERATIONS:,})")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                   help="seed of the simulation (same seed, same figures)")


def result(project, iterations: int = DEFAULT_ITERATIONS, seed: int = DEFAULT_SEED) -> dict:
    """The JSON document of ``appraise --json``."""
    appraisal = appraise(project)
    exposure = simulate(project, iterations, seed)
    afford = affordability(project, appraisal, exposure)
    missing = list(appraisal.missing)
    if not exposure.priced:
        missing.append("No risk is priced (probability and cost range).")
    elif exposure.unpriced:
        missing.append("Risks not priced: " + ", ".join(exposure.unpriced) + ".")
    missing += [m for m in afford.missing if m not in missing]
    risk = exposure.to_dict()
    return {
        "file_title": project.project.title,
        "appraisal_years": appraisal.years,
        "base_year": appraisal.base_year,
        "baseline": appraisal.baseline_id,
        "preferred": appraisal.preferred_id,
        "best": appraisal.best_id,
        "options": [o.to_dict() for o in appraisal.options],
        "switching_values": appraisal.switching.to_dict() if appraisal.switching else None,
        "risk": risk,
        "affordability": afford.to_dict(),
        "missing": missing,
    }


def text(data: dict) -> str:
    lines = [f"Appraisal: {data['file_title']}",
             f"{data['appraisal_years']} years from {data['base_year']} (real terms, "
             "discounted at 3.5% to year 30, 3.0% after)", ""]
    if data["options"]:
        lines.append(f"  {'Option':<8} {'PV costs':>16} {'PV benefits':>16} {'NPSV':>16} "
                     f"{'BCR':>6} {'vs baseline':>16}")
        for o in data["options"]:
            tag = " (baseline)" if o["baseline"] else " (preferred)" if o["preferred"] else ""
            bcr = "n/a" if o["bcr"] is None else f"{o['bcr']:.2f}"
            if not o["has_cash_flows"]:
                lines.append(f"  {o['id']:<8} no cash flows{tag}")
                continue
            lines.append(f"  {o['id']:<8} {signed_money(o['pv_costs_gbp']):>16} "
                         f"{signed_money(o['pv_benefits_gbp']):>16} {signed_money(o['npsv_gbp']):>16} {bcr:>6} "
                         f"{signed_money(o['npsv_vs_baseline_gbp']):>16}{tag}")
    sv = data["switching_values"]
    if sv:
        lines += ["", f"Switching values of {sv['option']} against {sv['rival']}: costs may rise "
                  f"{sv['costs_rise_pct']}% or benefits fall {sv['benefits_fall_pct']}% before "
                  "it stops being best."]
    risk = data["risk"]
    lines += ["", f"Risk ({risk['priced_risks']} priced risks, {risk['iterations']:,} "
              f"iterations, seed {risk['seed']}):"]
    for side in ("public", "private", "total"):
        d = risk[side]
        lines.append(f"  {side.capitalize():<8} expected {signed_money(d['expected_gbp'])}, P50 "
                     f"{signed_money(d['p50_gbp'])}, P80 {signed_money(d['p80_gbp'])}, P90 {signed_money(d['p90_gbp'])}")
    for p in risk["by_partner"]:
        lines.append(f"    {p['name']}: expected {signed_money(p['expected_gbp'])}, P80 "
                     f"{signed_money(p['p80_gbp'])}")
    cs = risk["contingent_support"]
    if cs["risks"]:
        plural = "" if cs["risks"] == 1 else "s"
        lines.append(f"  Contingent support: {cs['risks']} risk{plural}, caps {signed_money(cs['cap_gbp'])}, "
                     f"chance drawn {cs['chance_drawn']:.1%}, expected draw "
                     f"{signed_money(cs['expected_draw_gbp'])}")
    a = data["affordability"]
    lines += ["", f"Affordability: need {signed_money(a['need_gbp'])} against a budget of "
              f"{signed_money(a['budget_gbp'])}; gap {signed_money(a['gap_gbp'])}. Funding "
              f"{signed_money(a['funding_gbp'])} ({signed_money(a['confirmed_gbp'])} confirmed)."]
    if data["missing"]:
        lines += ["", "Missing:"] + [f"  - {m}" for m in data["missing"]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.iterations <= MAX_ITERATIONS:
        print(f"changemaker: appraise: --iterations must be between 1 and {MAX_ITERATIONS:,}",
              file=sys.stderr)
        return 2
    try:
        project = storage.load(args.file)
    except storage.ProjectFileError as exc:
        print(f"changemaker: {exc}", file=sys.stderr)
        return 2
    data = result(project, args.iterations, args.seed)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text(data))
    return 0
