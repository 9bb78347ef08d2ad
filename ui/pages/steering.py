"""Step 6: community steering groups — remit, stages, membership, influence."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from ui.pages.list_page import ListPage
from ui.widgets.forms import CheckListField, DetailForm, TextField, enum_choices
from ui.widgets.table import ID_TIP, ENUM, INT, Column, ItemTable
from wizard.model import Member, Project, SteeringGroup
from wizard.vocab import Influence, MemberKind, Stage


class SteeringPage(ListPage):
    key = "steering"
    collection = "steering_groups"
    noun = "steering group"
    prefix = "SG"
    table_share = 30  # few groups, much detail (membership)

    def intro(self) -> str:
        return ("Who from the community steers the partnership, and how much say they have. "
                "Groups should span design, delivery and evaluation: consultation after the "
                "decisions are made is the failure to avoid.")

    def columns(self) -> list[Column]:
        return [
            Column("id", "Id", tip=ID_TIP, width=50),
            Column("name", "Name", width=240),
            Column("meetings_per_year", "Meetings a year", INT, 0, 365, width=120),
            Column("influence", "Influence", ENUM, enum=Influence, width=120),
            Column("board_seats", "Board seats", INT, 0, 10_000, width=100),
        ]

    def new_item(self, project: Project, new_id: str) -> SteeringGroup:
        return SteeringGroup(id=new_id, name=f"Steering group {len(project.steering_groups) + 1}",
                             stages=list(Stage))

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        doc = self.document
        form.add("stages", CheckListField(doc, None, "steering_groups.stages", "Stages covered",
                                          enum_choices(Stage)), "Stages covered")
        form.add("remit", TextField(doc, None, "steering_groups.remit", "Remit"), "Remit")
        form.add("seldom_heard", TextField(doc, None, "steering_groups.seldom_heard",
                                           "Reaching seldom-heard voices"), "Seldom-heard voices")
        box = QGroupBox("Membership")
        inner = QVBoxLayout(box)
        self.members = ItemTable(
            doc, None,
            [Column("kind", "Members", ENUM, enum=MemberKind, width=200),
             Column("seats", "Seats", INT, 1, 1_000, width=70),
             Column("note", "Note")],
            noun="member", factory=lambda _p, _i: Member(kind=MemberKind.RESIDENTS),
            name="steering_groups.members",
        )
        self.members.setMinimumHeight(180)
        inner.addWidget(self.members)
        layout.addWidget(box)

    def refresh_extra(self) -> None:
        path = self.item_path()
        target = None if path is None else (*path, "members")
        if self.members.path != target:
            self.members.set_path(target)
        else:
            self.members.refresh()
