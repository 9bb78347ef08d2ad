"""Load and save times of project files: each example, and a large generated project.

    python benchmarks/load_save.py [--runs 7]

Prints, for each project, the file size and the median of several runs of ``storage.load``
(read, guard, parse, validate) and ``storage.save`` (serialise, atomic write with fsync and
.bak). The large project has 2,000 risks, 200 phases and 20 partners with cross-references.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from wizard import catalog, storage
from wizard.model import BreakClause, Partner, Phase, Project, ProjectInfo, Risk, Vote


def large_project(risks: int = 2_000, phases: int = 200, partners: int = 20) -> Project:
    """A big but realistic project: every risk owned, phased and described in full sentences."""
    partner_list = [
        Partner(id=f"P{i}", name=f"Partner {i} – Cyngor Tŷ Gwyn / Københavns Kommune", local=i % 2 == 0)
        for i in range(1, partners + 1)
    ]
    phase_list = [
        Phase(
            id=f"PH{i}",
            name=f"Phase {i}: refurbishment and operation of site {i}",
            start_month=(i - 1) * 3,
            duration_months=24,
            depends_on=[f"PH{i - 1}"] if i > 1 else [],
            provider=f"P{(i % partners) + 1}",
            value_gbp=1_250_000 + i * 1_000,
            outcomes=[f"Outcome {i}.{k}: more residents using the service" for k in range(3)],
            description="The phase refurbishes the building and runs it for the community. " * 3,
            sensitive=i % 17 == 0,
            withheld_reason="Commercial negotiation under way" if i % 17 == 0 else "",
            withheld_until=dt.date(2029, 3, 31) if i % 17 == 0 else None,
        )
        for i in range(1, phases + 1)
    ]
    risk_list = [
        Risk(
            id=f"R{i}",
            title=f"Risk {i}: demand falls below the £ forecast at site {i % phases}",
            description="If fewer residents use the centre, income falls and the "
            "partnership must decide together how to respond. " * 4,
            phases=[f"PH{(i % phases) + 1}"],
            likelihood=(i % 5) + 1,
            impact=((i // 5) % 5) + 1,
            public_share=(i * 7) % 101,
            owner=f"P{(i % partners) + 1}",
            mitigation="Quarterly review with the steering group; shared marketing fund. " * 2,
            votes=[Vote(participant=f"Participant {k}", likelihood=3, impact=4) for k in range(3)],
        )
        for i in range(1, risks + 1)
    ]
    clauses = [
        BreakClause(id=f"B{i}", trigger="under_performance", phases=[f"PH{i * 10}"])
        for i in range(1, phases // 10 + 1)
    ]
    return Project(
        project=ProjectInfo(title="Large generated partnership", value_gbp=250_000_000,
                            duration_months=720),
        partners=partner_list,
        phases=phase_list,
        risks=risk_list,
        break_clauses=clauses,
    )


def _median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(name: str, project: Project, folder: Path, runs: int) -> tuple[str, int, float, float]:
    path = folder / f"{name}{storage.FILE_SUFFIX}"
    storage.save(project, path)
    assert storage.load(path) == project
    save = _median_seconds(lambda: storage.save(project, path), runs)
    load = _median_seconds(lambda: storage.load(path), runs)
    return name, path.stat().st_size, load, save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    args = parser.parse_args()
    projects = [(name, catalog.load_example(name)) for name in catalog.example_names()]
    built = time.perf_counter()
    big = large_project()
    build_seconds = time.perf_counter() - built
    projects.append(("generated-2000-risks-200-phases", big))
    print(f"Median of {args.runs} runs; the large project took {build_seconds * 1000:.0f} ms to build.")
    print(f"{'project':<34} {'size':>10} {'load':>10} {'save':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for name, project in projects:
            name, size, load, save = measure(name, project, Path(folder), args.runs)
            print(f"{name:<34} {size / 1024:>7.0f} KB {load * 1000:>7.1f} ms {save * 1000:>7.1f} ms")


if __name__ == "__main__":
    main()
