"""The libraries and examples in templates/: complete, valid, and rich enough to learn from."""

from __future__ import annotations

import json

import pytest

from wizard import catalog
from wizard.catalog import (
    CategoryInfo,
    ClauseInfo,
    LibraryError,
    clause_library,
    example_names,
    load_example,
    risk_library,
    templates_dir,
)
from wizard.checks import run_checks
from wizard.model import BreakClause, Project, Risk
from wizard.schedule import build_schedule
from wizard.storage import dumps, loads
from wizard.vocab import (
    OCDS_RISK_CATEGORIES,
    Allocation,
    BreakTrigger,
    RiskCategory,
    Stage,
    WorkshopStatus,
)

EXAMPLES = ["leisure", "childrens-services", "regeneration"]


@pytest.fixture
def fresh_libraries():
    """Clear the library caches around a test that points the catalog somewhere else."""
    risk_library.cache_clear()
    clause_library.cache_clear()
    yield
    risk_library.cache_clear()
    clause_library.cache_clear()


# The risk library ------------------------------------------------------------------------------


def test_risk_library_covers_every_category_in_vocabulary_order():
    library = risk_library()
    assert list(library) == list(RiskCategory)
    assert all(isinstance(info, CategoryInfo) for info in library.values())
    assert all(code == info.code for code, info in library.items())


@pytest.mark.parametrize("code", list(RiskCategory), ids=str)
def test_each_category_has_usable_guidance(code):
    info = risk_library()[code]
    assert len(info.title) >= 3 and info.title[0].isupper()
    assert len(info.description) >= 40 and info.description.endswith(".")
    assert len(info.typical_mitigation) >= 40 and info.typical_mitigation.endswith(".")
    assert info.ocds is (code in OCDS_RISK_CATEGORIES)
    if info.typical_allocation is Allocation.PUBLIC:
        assert info.typical_public_share == 100
    elif info.typical_allocation is Allocation.PRIVATE:
        assert info.typical_public_share == 0
    else:
        assert 0 < info.typical_public_share < 100
    # A risk pre-filled from the library is a valid risk.
    risk = Risk(id="R1", title=info.title, category=code, allocation=info.typical_allocation,
                public_share=info.typical_public_share, mitigation=info.typical_mitigation)
    assert risk.category is code


def test_risk_library_titles_are_distinct_and_allocations_mixed():
    library = risk_library()
    assert len({i.title for i in library.values()}) == len(library)
    assert {i.typical_allocation for i in library.values()} == set(Allocation)
    assert sum(i.ocds for i in library.values()) == len(OCDS_RISK_CATEGORIES) == 15


def test_risk_library_is_read_once():
    assert risk_library() is risk_library()
    assert clause_library() is clause_library()


# The break-clause library ----------------------------------------------------------------------


def test_clause_library_covers_every_trigger():
    library = clause_library()
    assert list(library) == list(BreakTrigger)
    assert all(isinstance(info, ClauseInfo) for info in library.values())


@pytest.mark.parametrize("trigger", list(BreakTrigger), ids=str)
def test_each_clause_has_usable_guidance(trigger):
    info = clause_library()[trigger]
    assert info.trigger is trigger
    assert len(info.title) >= 3 and info.title[0].isupper()
    assert len(info.description) >= 40 and info.description.endswith(".")
    assert len(info.guidance) >= 40 and info.guidance.endswith(".")
    clause = BreakClause(id="BC1", trigger=trigger, description=info.description,
                         notice_months=info.typical_notice_months,
                         compensation=info.typical_compensation)
    assert clause.notice_months == info.typical_notice_months


def test_change_of_control_guidance_names_private_equity():
    info = clause_library()[BreakTrigger.CHANGE_OF_CONTROL]
    assert "private equity" in info.description
    assert info.typical_notice_months == 6


# Malformed libraries give clear messages ---------------------------------------------------------


def _write_library(folder, categories):
    folder.mkdir(exist_ok=True)
    (folder / "risk_categories.json").write_text(
        json.dumps({"categories": categories}), encoding="utf-8")


def _entries():
    data = json.loads((templates_dir() / "risk_categories.json").read_text(encoding="utf-8"))
    return data["categories"]


def test_a_library_missing_a_category_names_it(tmp_path, monkeypatch, fresh_libraries):
    entries = [e for e in _entries() if e["code"] != "refinancing"]
    _write_library(tmp_path, entries)
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError, match="risk_categories.json: no entry for refinancing"):
        risk_library()


def test_a_library_with_a_bad_allocation_names_the_entry(tmp_path, monkeypatch, fresh_libraries):
    entries = _entries()
    entries[3]["typical_allocation"] = "council"
    _write_library(tmp_path, entries)
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError) as caught:
        risk_library()
    message = str(caught.value)
    assert "categories[3]" in message and "'typical_allocation' is 'council'" in message
    assert "public, private, shared" in message


@pytest.mark.parametrize("change, words", [
    (lambda e: e.__setitem__("typical_public_share", 150),
     "risk_categories.json categories[2]: 'typical_public_share': 150 is too high; the most "
     "allowed is 100"),
    (lambda e: e.__setitem__("typical_public_share", "50"),
     "risk_categories.json categories[2]: 'typical_public_share' must be a whole number, not "
     "the text '50'"),
    (lambda e: e.pop("title"), "risk_categories.json categories[2]: 'title' is required but missing"),
    (lambda e: e.__setitem__("colour", "red"),
     "risk_categories.json categories[2]: 'colour' is not a field Changemaker knows"),
    (lambda e: e.__setitem__("ocds", "yes"),
     "risk_categories.json categories[2]: 'ocds' must be true or false, not the text 'yes'"),
])
def test_a_malformed_entry_is_refused_naming_the_entry_and_field(tmp_path, monkeypatch,
                                                                 fresh_libraries, change, words):
    entries = _entries()
    change(entries[2])
    _write_library(tmp_path, entries)
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError) as caught:
        risk_library()
    assert str(caught.value).startswith(words)


def test_a_category_given_twice_is_named(tmp_path, monkeypatch, fresh_libraries):
    entries = _entries()
    entries.append(dict(entries[0]))
    _write_library(tmp_path, entries)
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError, match=rf"categories\[{len(entries) - 1}\]: "
                                           rf"'{entries[0]['code']}' appears twice"):
        risk_library()


def test_a_library_that_is_not_json_is_named(tmp_path, monkeypatch, fresh_libraries):
    (tmp_path / "break_clauses.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError, match="break_clauses.json cannot be read: it is not JSON"):
        clause_library()


def test_a_missing_library_file_is_named(tmp_path, monkeypatch, fresh_libraries):
    monkeypatch.setattr(catalog, "templates_dir", lambda: tmp_path)
    with pytest.raises(LibraryError, match="break_clauses.json is missing"):
        clause_library()


# The examples ---------------------------------------------------------------------------------


def test_example_names():
    assert example_names() == EXAMPLES


def test_unknown_example_lists_the_known_ones():
    with pytest.raises(KeyError) as caught:
        load_example("swimming-pool")
    assert str(caught.value) == (
        "There is no example called 'swimming-pool'. "
        "The examples are: leisure, childrens-services, regeneration"
    )


def test_each_load_is_a_fresh_copy():
    first = load_example("leisure")
    first.risks.clear()
    assert len(load_example("leisure").risks) >= 12


@pytest.fixture(params=EXAMPLES)
def example(request) -> Project:
    return load_example(request.param)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_file_is_pretty_unicode_json(name):
    text = (templates_dir() / "examples" / f"{name}.changemaker.json").read_text("utf-8")
    assert text.startswith('{\n  "format": "changemaker-project",')
    assert "£" in text and "–" in text and "\\u" not in text
    # It survives a save and reopen unchanged.
    example = load_example(name)
    assert loads(dumps(example)) == example


def test_some_example_uses_welsh_letters():
    texts = [(templates_dir() / "examples" / f"{n}.changemaker.json").read_text("utf-8")
             for n in EXAMPLES]
    assert any("ŵ" in t or "ŷ" in t for t in texts)


def test_example_has_a_rich_risk_register(example):
    risks = example.risks
    assert len(risks) >= 12
    assert len({ph for r in risks for ph in r.phases}) >= 3
    assert len({r.category for r in risks}) >= 6
    cells = {(r.likelihood, r.impact) for r in risks}
    assert len(cells) >= 8
    assert {r.likelihood for r in risks} >= {1, 2, 3, 4}
    assert {r.impact for r in risks} >= {3, 4, 5}
    low_probability_high_impact = [r for r in risks if r.likelihood <= 2 and r.impact >= 4]
    assert len(low_probability_high_impact) >= 2
    supported = [r for r in risks if r.contingent_support is not None]
    assert supported and all(len(r.contingent_support.events) >= 2 for r in supported)
    assert all(r.contingent_support.cap_gbp > 0 for r in supported)
    assert {r.allocation for r in risks} == set(Allocation)
    assert {r.public_share for r in risks if r.allocation is Allocation.SHARED} - {50}
    assert all(r.owner and example.partner(r.owner) for r in risks)
    assert sum(bool(r.mitigation) for r in risks) >= len(risks) - 1
    statuses = {r.status for r in risks}
    assert {WorkshopStatus.AGREED, WorkshopStatus.DISPUTED, WorkshopStatus.PROPOSED} <= statuses


def test_example_has_breaks_steering_kpis_and_impact(example):
    triggers = [c.trigger for c in example.break_clauses]
    assert len(triggers) >= 2 and BreakTrigger.CHANGE_OF_CONTROL in triggers
    assert all(c.phases for c in example.break_clauses)
    assert example.steering_groups
    main = example.steering_groups[0]
    assert len(main.members) >= 3 and main.stages and main.seldom_heard
    assert main.board_seats >= 1 and main.meetings_per_year >= 4
    assert len(example.kpis) >= 3 and all(k.target and k.owner for k in example.kpis)
    assert len(example.social_impact) >= 3
    for objective in example.social_impact:
        assert objective.indicator and objective.baseline and objective.target
        assert objective.date is not None and objective.date > example.project.start
    assert any(o.published and o.consulted for o in example.social_impact)


def test_example_has_a_full_strategic_case(example):
    info = example.project
    assert info.title and info.place and info.service_area and info.commissioners
    assert len(info.case_for_change) >= 500 and len(info.objectives) >= 3
    assert info.value_gbp >= 1_000_000
    assert len(info.options) >= 2
    preferred = [o for o in info.options if o.preferred]
    assert len(preferred) == 1 and preferred[0].reason
    assert {p.kind.value for p in example.partners} >= {"public", "private", "voluntary"}
    assert all(p.provider for p in example.phases)
    assert all(p.outcomes for p in example.phases)


def test_example_withholds_some_items_with_reasons_and_dates(example):
    def withheld(items):
        return [i for i in items if i.sensitive]

    phases, risks = withheld(example.phases), withheld(example.risks)
    clauses = withheld(example.break_clauses)
    assert len(phases) >= 1 and len(risks) >= 2 and len(clauses) >= 1
    for item in phases + risks + clauses:
        assert item.withheld_reason.startswith("Commercially sensitive: ")
        assert item.withheld_until is not None and item.withheld_until > example.project.start
    assert len(risks) < len(example.risks) // 2  # most of the register stays public


def test_example_schedule_fits_the_contract(example):
    schedule = build_schedule(example)
    assert schedule.problems == []
    assert not schedule.overruns
    assert schedule.span_months == example.project.duration_months
    assert any(p.depends_on for p in example.phases)
    for phase in example.phases:  # each review point falls while its phase runs
        assert phase.review_month is not None
        assert schedule.start[phase.id] <= phase.review_month < schedule.finish[phase.id]


def test_example_findings_are_a_sensible_mix(example):
    findings = run_checks(example)
    assert 3 <= len(findings) <= 15
    assert not [f for f in findings if f.severity == "error"]
    assert any(f.severity == "warning" for f in findings)
    assert len({f.principle for f in findings}) >= 2


def test_leisure_keeps_its_honest_weaknesses():
    rules = {(f.rule, f.item_id) for f in run_checks(load_example("leisure"))}
    assert ("risk-mitigation", "R15") in rules  # secondary income risk without mitigation
    assert ("phase-bundled", "PH2") in rules  # refurbishment let with the new build
    assert ("steering-stages", "SG1") in rules  # steering group stops short of evaluation
    leisure = load_example("leisure")
    assert Stage.EVALUATION not in leisure.steering_groups[0].stages
    kinds = [p.kind.value for p in leisure.phases]
    assert kinds[:2] == ["design_and_build", "refurbishment"] and "operation" in kinds
    operation = next(p for p in leisure.phases if p.kind.value == "operation")
    assert 120 <= operation.duration_months <= 180


def test_regeneration_follows_the_three_stages_of_area_renewal():
    kinds = [p.kind.value for p in load_example("regeneration").phases]
    assert kinds.index("area_plan") < kinds.index("implementation") < kinds.index("anchoring")


def test_childrens_services_has_a_hub_in_every_district_wave():
    project = load_example("childrens-services")
    hubs = [p for p in project.phases if p.name.startswith("Family hubs")]
    assert len(hubs) == 3
    assert {p.provider for p in hubs} == {"P2"}
    assert project.partner("P2").kind.value == "voluntary"
