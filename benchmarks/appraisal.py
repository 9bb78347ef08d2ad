"""The Monte Carlo appraisal of a large register beside a bare numpy simulation of the same
numbers, in the same run.

    python benchmarks/appraisal.py [--risks 2000] [--iterations 10000] [--runs 5]

The project has 2,000 priced risks over 20 partners (public, private and shared). ``simulate``
(occurrences, triangular costs, public / private / per-partner sums, contingent support,
percentiles and the exposure curve) is timed against the bare simulation: the same occurrences
and triangular costs summed to one total with its P50/P80/P90. Target: at most 2x the bare time.
Prints the median of several runs of each.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from wizard.model import ContingentSupport, Partner, Project, Risk
from wizard.risk_exposure import simulate
from wizard.vocab import Allocation, PartnerKind


def large_register(risks: int = 2_000, partners: int = 20, seed: int = 1) -> Project:
    rng = np.random.default_rng(seed)
    partner_list = [Partner(id=f"P{i}", name=f"Partner {i}",
                            kind=PartnerKind.PUBLIC if i % 4 == 0 else PartnerKind.PRIVATE)
                    for i in range(partners)]
    allocations = list(Allocation)
    register = []
    for i in range(risks):
        low = int(rng.integers(1_000, 100_000))
        likely = low + int(rng.integers(1, 400_000))
        high = likely + int(rng.integers(1, 2_000_000))
        register.append(Risk(
            id=f"R{i}", title=f"Risk {i}", probability_pct=float(rng.uniform(1, 60)),
            cost_min_gbp=low, cost_likely_gbp=likely, cost_max_gbp=high,
            allocation=allocations[i % 3], public_share=int(rng.integers(10, 90)),
            owner=f"P{i % partners}",
            contingent_support=ContingentSupport(events=["Severe event"], cap_gbp=500_000)
            if i % 50 == 0 else None,
        ))
    return Project(partners=partner_list, risks=register)


def bare(project: Project, iterations: int, seed: int) -> tuple[float, float, float]:
    """The same draws with nothing else: occurrence x triangular cost, summed, percentiles."""
    prob = np.array([r.probability_pct / 100 for r in project.risks])
    low = np.array([r.cost_min_gbp for r in project.risks], dtype=float)
    mode = np.array([r.cost_likely_gbp for r in project.risks], dtype=float)
    high = np.array([r.cost_max_gbp for r in project.risks], dtype=float)
    rng = np.random.default_rng(seed)
    n = prob.size
    block = max(1, 2_000_000 // n)
    total = np.empty(iterations)
    for start in range(0, iterations, block):
        rows = min(block, iterations - start)
        happens = rng.random((rows, n)) < prob
        cost = rng.triangular(low, mode, high, size=(rows, n))
        total[start:start + rows] = (cost * happens).sum(axis=1)
    p50, p80, p90 = np.percentile(total, (50, 80, 90))
    return float(p50), float(p80), float(p90)


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=2_000)
    parser.add_argument("--iterations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = large_register(args.risks)
    seed = 42
    ours = simulate(project, args.iterations, seed)
    p50, p80, p90 = bare(project, args.iterations, seed)
    # same generator, same draws: the totals agree
    assert abs(ours.total.p80_gbp - p80) <= 1e-6 * max(1.0, p80), (ours.total.p80_gbp, p80)
    t_bare = timed(lambda: bare(project, args.iterations, seed), args.runs)
    t_ours = timed(lambda: simulate(project, args.iterations, seed), args.runs)
    print(f"{args.risks:,} priced risks x {args.iterations:,} iterations "
          f"(median of {args.runs} runs)")
    print(f"  bare numpy simulation : {t_bare * 1000:8.1f} ms   total P50 £{p50:,.0f} "
          f"P80 £{p80:,.0f} P90 £{p90:,.0f}")
    print(f"  wizard.risk_exposure  : {t_ours * 1000:8.1f} ms   total P80 £{ours.total.p80_gbp:,.0f}"
          f"; public, private, {len(ours.by_partner)} holders, support, curve")
    print(f"  ratio                 : {t_ours / t_bare:8.2f}x  (target at most 2x)")


if __name__ == "__main__":
    main()
