"""The Qt-free workshop core: vote spread, settling, vote parsing, quick edits, contrast."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.model import MAX_SHORT, Phase, Project, Risk, Vote
from wizard.workshop import (
    WorkshopError,
    add_phase,
    add_risk,
    contrast_ratio,
    decision,
    id_prefix,
    item_label,
    move_phase,
    parse_vote,
    relative_luminance,
    resize_phase,
    settle,
    vote_spread,
    with_vote,
)


def _risk(*votes: tuple[int, int], likelihood: int = 3, impact: int = 3) -> Risk:
    return Risk(
        id="R1",
        title="Demand falls",
        likelihood=likelihood,
        impact=impact,
        votes=[Vote(participant=f"P{n}", likelihood=l, impact=i) for n, (l, i) in enumerate(votes)],
    )


def test_spread_is_none_without_votes_and_the_range_with_them():
    assert vote_spread(_risk()) is None
    assert vote_spread(_risk((2, 5), (4, 3), (3, 4))) == (2, 4, 3, 5)
    assert vote_spread(_risk((5, 1))) == (5, 5, 1, 1)


def test_settle_is_the_median_rounded_half_up():
    assert settle(_risk((1, 5), (2, 4), (5, 1))) == (2, 4)  # odd count: the middle vote
    assert settle(_risk((3, 1), (4, 2))) == (4, 2)  # 3.5 -> 4, 1.5 -> 2: ties go up
    assert settle(_risk((2, 2), (2, 3), (4, 3), (5, 5))) == (3, 3)  # 3.0 and 3.0


def test_settle_without_votes_keeps_the_risks_own_scores():
    assert settle(_risk(likelihood=2, impact=5)) == (2, 5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=12))
def test_settled_scores_lie_inside_the_spread(votes):
    risk = _risk(*votes)
    low_l, high_l, low_i, high_i = vote_spread(risk)
    agreed_l, agreed_i = settle(risk)
    assert low_l <= agreed_l <= high_l and low_i <= agreed_i <= high_i


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ana 3 4", ("Ana", 3, 4)),
        ("Ana 34", ("Ana", 3, 4)),
        ("Cllr Gwen Ŵyn, 2/5", ("Cllr Gwen Ŵyn", 2, 5)),
        ("  Resident 7  1 1 ", ("Resident 7", 1, 1)),
    ],
)
def test_votes_are_typed_as_a_name_and_two_digits(text, expected):
    vote = parse_vote(text)
    assert (vote.participant, vote.likelihood, vote.impact) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("Ana 3", "two digits 1–5"),
        ("Ana 6 2", "two digits 1–5"),
        ("3 4", "type the participant's name"),
        ("", "two digits 1–5"),
    ],
)
def test_a_malformed_vote_says_what_is_missing(text, message):
    with pytest.raises(WorkshopError, match=message):
        parse_vote(text)


def test_voting_again_replaces_a_participants_earlier_vote():
    risk = _risk((2, 2))  # participant "P0"
    votes = with_vote(risk, Vote(participant="p0", likelihood=5, impact=4))
    assert [(v.participant, v.likelihood, v.impact) for v in votes] == [("p0", 5, 4)]
    votes = with_vote(risk, Vote(participant="Ana", likelihood=1, impact=1))
    assert [v.participant for v in votes] == ["P0", "Ana"]


def test_decision_lines_are_cut_to_fit_the_model():
    when = dt.datetime(2027, 5, 4, 10, 30)
    line = decision(when, "Risks", "R1 " + "x" * 400, "Likelihood set to 4", note="  agreed  ")
    assert line.time == when and line.step == "Risks" and line.note == "agreed"
    assert len(line.item) == MAX_SHORT and line.item.endswith("…")
    assert item_label(Risk(id="R3", title="Pool closes")) == "R3 Pool closes"
    assert item_label(Phase(id="P2", name="Operation")) == "P2 Operation"


def test_add_risk_gives_the_next_free_id_and_leaves_the_original_alone():
    project = Project(risks=[Risk(id="R1", title="a"), Risk(id="R3", title="b")])
    new, rid = add_risk(project, "  Pool   roof leaks ")
    assert rid == "R2"
    assert new.risk("R2").title == "Pool roof leaks"
    assert len(project.risks) == 2
    with pytest.raises(WorkshopError, match="type a title first"):
        add_risk(project, "   ")


def test_new_ids_follow_the_projects_own_prefix():
    project = Project(phases=[Phase(id="PH1", name="a"), Phase(id="PH2", name="b")],
                      risks=[Risk(id="RSK-1", title="odd"), Risk(id="RK7", title="b")])
    assert add_phase(project, "c")[1] == "PH3"
    assert add_risk(project, "c")[1] == "RK1"
    assert id_prefix([], "R") == "R"


def test_add_phase_starts_when_the_latest_phase_finishes():
    project = Project(phases=[Phase(id="P1", name="Build", start_month=0, duration_months=18)])
    new, pid = add_phase(project, "Operate")
    assert pid == "P2"
    assert (new.phase("P2").start_month, new.phase("P2").duration_months) == (18, 12)
    first, _ = add_phase(Project(), "First")
    assert first.phase("P1").start_month == 0


def test_moving_and_resizing_a_phase_stops_at_the_edges_with_a_message():
    project = Project(phases=[Phase(id="P1", name="Build", start_month=5, duration_months=3)])
    new, start = move_phase(project, "P1", 12)
    assert start == 17 and new.phase("P1").start_month == 17
    new, start = move_phase(project, "P1", -12)
    assert start == 0  # clamped to the first month
    with pytest.raises(WorkshopError, match="already starts at the contract start"):
        move_phase(new, "P1", -1)
    new, months = resize_phase(project, "P1", -12)
    assert months == 1
    with pytest.raises(WorkshopError, match="already one month long"):
        resize_phase(new, "P1", -1)
    with pytest.raises(WorkshopError, match="no phase has the id 'P9'"):
        resize_phase(project, "P9", 1)
    assert project.phase("P1").start_month == 5  # the original is untouched


def test_contrast_follows_wcag():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == 1
    with pytest.raises(ValueError, match="expected '#rrggbb'"):
        relative_luminance("red")


def test_log_lines_about_a_withheld_risk_do_not_reach_the_public_edition():
    from wizard.redact import redact

    when = dt.datetime(2027, 5, 4, 10, 30)
    secret = Risk(id="R1", title="Operator close to insolvency", sensitive=True,
                  withheld_reason="Commercially sensitive",
                  votes=[Vote(participant="Ana", likelihood=4, impact=5)])
    project = Project(risks=[secret, Risk(id="R2", title="Membership falls")], decisions=[
        decision(when, "Risks", item_label(secret), "Vote by Ana: likelihood 4, impact 5", "x"),
        decision(when, "Risks", "R2 Membership falls", "Likelihood 3 → 4 (Likely)", "ok"),
    ])
    public = redact(project).decisions
    assert "insolvency" not in public[0].model_dump_json() and "Ana" not in public[0].change
    assert (public[1].item, public[1].change, public[1].note) == (
        "R2 Membership falls", "Likelihood 3 → 4 (Likely)", "ok")
