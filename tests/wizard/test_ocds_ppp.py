"""The open data validates against the OCDS for PPPs schema and reads as its codelists mean."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import jsonschema
import pytest

from tests.wizard.word_helpers import plant_canaries
from wizard import catalog
from wizard.cli import main
from wizard.export.ocds import release_package
from wizard.export.publisher import PLACEHOLDER_PREFIX, Publisher, PublisherError
from wizard.model import Project
from wizard.vocab import Allocation

DATA = Path(__file__).resolve().parents[1] / "data" / "ocds"


def _codes(name: str) -> set[str]:
    with open(DATA / name, encoding="utf-8") as fh:
        return {row["Code"] for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def validator():
    package = json.loads((DATA / "ppp-release-package-schema.json").read_text(encoding="utf-8"))
    release = json.loads((DATA / "ppp-release-schema.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver.from_schema(package, store={release["id"]: release, package["id"]: package})
    return jsonschema.Draft4Validator(package, resolver=resolver, format_checker=jsonschema.FormatChecker())


@pytest.fixture(params=catalog.example_names())
def project(request):
    return catalog.load_example(request.param)


def test_every_example_validates_against_the_schema(project, validator):
    for publisher in (Publisher(), Publisher("ocds-a1b2c3", "Cwm Llwyd Open Data", "https://data.example.gov.uk")):
        package = release_package(project, publisher)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(package)]
        assert errors == []


def test_a_planted_project_validates_too(project, validator):
    planted, _ = plant_canaries(project)
    assert list(validator.iter_errors(release_package(planted))) == []


def test_codes_come_from_the_codelists(project):
    release = release_package(project)["releases"][0]
    milestones = release["planning"]["milestones"]
    assert {m["type"] for m in milestones} <= _codes("milestoneType.csv")
    types = {m["type"] for m in milestones}
    assert "delivery" in types and "engagement" in types
    if any(ph.review_month is not None for ph in project.phases):
        reviews = [m for m in milestones if m["type"] == "assessment"]
        assert len(reviews) == sum(ph.review_month is not None for ph in project.phases)
        assert [m["dueDate"] for m in reviews] == sorted(m["dueDate"] for m in reviews)
    if project.kpis:
        assert len([m for m in milestones if m["type"] == "reporting"]) == len(project.kpis)
    documents = release["planning"]["documents"] + release["contracts"][0]["documents"]
    assert {d["documentType"] for d in documents} <= _codes("documentType.csv")
    risks = release["contracts"][0]["riskAllocation"]
    assert {r["allocation"] for r in risks} <= _codes("riskAllocation.csv")


@pytest.mark.parametrize("share,code", [(100, "publicAuthority"), (60, "publicAuthority"), (59, "undefined"),
                                        (50, "undefined"), (41, "undefined"), (40, "privateParty"),
                                        (0, "privateParty")])
def test_a_shared_risk_is_coded_by_who_bears_most_of_it(share, code):
    project = catalog.load_example("leisure").model_copy(deep=True)
    risk = project.risks[0]
    risk.allocation, risk.public_share, risk.sensitive = Allocation.SHARED, share, False
    entry = release_package(project)["releases"][0]["contracts"][0]["riskAllocation"]
    first = next(e for e in entry if e["id"] == risk.id)
    assert first["allocation"] == code
    assert f"Shared: {share}% public authority, {100 - share}% private party." in first["notes"]


def test_each_party_appears_once(project):
    release = release_package(project)["releases"][0]
    names = [" ".join(p["name"].casefold().split()) for p in release["parties"]]
    assert len(names) == len(set(names))
    ids = [p["id"] for p in release["parties"]]
    assert len(ids) == len(set(ids))
    assert release["buyer"]["id"] in ids
    for partner in project.partners:
        assert partner.name.casefold() in names
    for name in project.project.commissioners:
        party = next(p for p in release["parties"] if p["name"].casefold() == name.casefold())
        assert {"buyer", "procuringEntity"} <= set(party["roles"])


def test_the_prefix_is_a_clear_placeholder_until_set(project):
    package = release_package(project)
    release = package["releases"][0]
    assert release["ocid"].startswith(PLACEHOLDER_PREFIX + "-")
    assert "placeholder" in release["planning"]["project"]["description"]
    assert package["uri"].startswith("urn:")
    chosen = release_package(project, Publisher("ocds-a1b2c3", "Open Data Team", "https://data.example.gov.uk"))
    assert chosen["releases"][0]["ocid"].startswith("ocds-a1b2c3-")
    assert chosen["publisher"]["name"] == "Open Data Team"
    assert chosen["uri"].startswith("https://data.example.gov.uk/")
    assert "placeholder" not in json.dumps(chosen)


@pytest.mark.parametrize("bad", ["ocds-chmkr", "OCDS-ABCDEF", "ocds-abc def", "abcdef"])
def test_a_prefix_that_cannot_be_registered_is_refused(bad):
    with pytest.raises(PublisherError, match="'ocds-' and six lower-case letters or digits"):
        Publisher(bad)


def test_documents_list_the_public_editions(project):
    release = release_package(project)["releases"][0]
    planning = release["planning"]["documents"]
    formats = [d["format"] for d in planning if d["documentType"] == "feasibilityStudy"]
    assert formats == ["application/pdf", "text/html",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    assert all("public edition" in d["title"] for d in planning)
    contract_docs = release["contracts"][0]["documents"]
    assert [d["documentType"] for d in contract_docs].count("contractSchedule") == 1
    assert [d["documentType"] for d in contract_docs].count("termination") == len(project.break_clauses)


def test_command_line_sets_the_publisher(tmp_path, capsys):
    from wizard import storage

    source = tmp_path / "p.changemaker.json"
    storage.save(catalog.load_example("leisure"), source)
    out = tmp_path / "open.json"
    assert main(["export", str(source), "--ocds", str(out), "--ocid-prefix", "ocds-zz9zz9",
                 "--publisher", "Open Data Team"]) == 0
    package = json.loads(out.read_text(encoding="utf-8"))
    assert package["releases"][0]["ocid"].startswith("ocds-zz9zz9-")
    assert main(["export", str(source), "--ocds", str(out), "--ocid-prefix", "chmkr0"]) == 2
    assert "is not one the Open Contracting Partnership registers" in capsys.readouterr().err


def test_the_budget_is_broken_down_by_phase_when_no_phase_value_is_withheld(validator):
    project = catalog.load_example("leisure").model_copy(deep=True)
    for phase in project.phases:
        phase.sensitive = False
    project = Project.model_validate(project.model_dump())
    package = release_package(project)
    assert list(validator.iter_errors(package)) == []
    budget = package["releases"][0]["planning"]["budget"]
    rows = budget["budgetBreakdown"]
    assert [r["id"] for r in rows] == [f"phase-{ph.id}" for ph in project.phases if ph.value_gbp]
    assert [r["amount"] for r in rows] == [{"amount": ph.value_gbp, "currency": "GBP"}
                                           for ph in project.phases if ph.value_gbp]
    # the operation phase of the leisure example runs from month 6 to month 168 of a contract
    # starting 1 April 2027: 1 October 2027 to 1 April 2041
    operation = next(r for r in rows if "operation" in r["description"])
    assert operation["period"] == {"startDate": "2027-10-01T00:00:00Z", "endDate": "2041-04-01T00:00:00Z"}
    assert any("budget_breakdown" in e for e in package["extensions"])


def test_no_breakdown_when_a_phase_value_is_withheld(project):
    assert any(ph.sensitive for ph in project.phases)
    budget = release_package(project)["releases"][0]["planning"]["budget"]
    assert "budgetBreakdown" not in budget and "amount" not in budget
