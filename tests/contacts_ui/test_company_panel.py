"""Companies: the list, one company's applications, people and history, and editing it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Interaction
from followup_desktop.services.timeline import company_timeline
from followup_desktop.ui.contacts.company_panel import CompanyPanel
from followup_desktop.ui.events import AppEvents


def test_company_detail_lists_applications_people_and_history(
    qtbot: QtBot, demo_store: StoreInfo
) -> None:
    panel = CompanyPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert panel.model.rowCount() == Company.select().count()
    busiest = max(panel.model.rows, key=lambda row: row.applications)
    panel.select_company(busiest.id)
    detail = panel.detail
    assert detail.title.text() == busiest.name
    assert detail.applications.count() == busiest.applications
    assert detail.people.count() >= busiest.contacts
    entries = company_timeline(busiest.id)
    assert detail.timeline.topLevelItemCount() == len(entries) > 0
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    apps = {a.id for a in Application.select().where(Application.company == busiest.id)}
    logged = Interaction.select().where(Interaction.application.in_(list(apps))).count()
    assert sum(1 for e in entries if e.kind == "conversation") >= logged
    qtbot.keyClicks(panel.search, busiest.name[:5])
    assert 0 < panel.proxy.rowCount() <= panel.model.rowCount()


def test_company_edits_are_validated(qtbot: QtBot, store: StoreInfo) -> None:
    Company.create(name="Acme")
    other = Company.create(name="Birch")
    panel = CompanyPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.refresh()
    panel.select_company(other.id)
    detail = panel.detail
    detail.name.setText("ACME")
    assert not detail.save()
    assert detail.form.error_text("name") == "Another company already has this name."
    detail.name.setText("Birch & Sons")
    detail.website.setText("birch.example")
    assert detail.save()
    assert Company.get_by_id(other.id).name == "Birch & Sons"
    assert detail.applications.item(0).text() == "No application with this company yet."
