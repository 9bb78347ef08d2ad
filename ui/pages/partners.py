"""Step 2: the partners — public bodies, private providers, voluntary and community groups."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ui.pages.list_page import ListPage
from ui.widgets.forms import DetailForm, LineField
from ui.widgets.table import ID_TIP, BOOL, ENUM, Column
from wizard.model import Partner, Project
from wizard.vocab import PartnerKind


class PartnersPage(ListPage):
    key = "partners"
    collection = "partners"
    noun = "partner"
    prefix = "P"

    def intro(self) -> str:
        return ("Who takes part: the commissioning public bodies, private providers and voluntary "
                "or community organisations. Mark small firms (SMEs) and local organisations.")

    def columns(self) -> list[Column]:
        return [
            Column("id", "Id", tip=ID_TIP, width=60),
            Column("name", "Name", width=260),
            Column("kind", "Kind", ENUM, enum=PartnerKind, width=230),
            Column("sme", "SME", BOOL, width=60),
            Column("local", "Local", BOOL, width=60),
            Column("role", "Role"),
        ]

    def new_item(self, project: Project, new_id: str) -> Partner:
        return Partner(id=new_id, name=f"New partner {new_id}")

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        form.add("name", LineField(self.document, None, "partners.name", "Name"), "Name")
        form.add("role", LineField(self.document, None, "partners.role", "Role"), "Role")
