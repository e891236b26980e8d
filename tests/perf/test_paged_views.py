"""Views read only what they show: the Today panel's pages and the composer's lazy pickers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Company, Contact, FollowUp
from followup_desktop.services.follow_up_queries import due_counts, due_page
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.today_panel import PAGE_SIZE, FollowUpIdRole, MoreRole, TodayPanel
from followup_desktop.ui.widgets.lazy_choice_box import LazyChoiceBox

OVERDUE = PAGE_SIZE * 2 + 5
TODAY = 3


def _plan(store: StoreInfo) -> dict[str, list[int]]:
    """OVERDUE late and TODAY due follow-ups, plus done and future ones that must not count."""
    today = dt.date.today()
    company = Company.create(name="Acme")
    contact = Contact.create(first_name="Ada", last_name="Byron", company=company)
    ids: dict[str, list[int]] = {"overdue": [], "today": []}
    for n in range(OVERDUE):
        due = today - dt.timedelta(days=1 + n % 30)
        ids["overdue"].append(FollowUp.create(contact=contact, due_on=due).id)
    for _ in range(TODAY):
        ids["today"].append(FollowUp.create(contact=contact, due_on=today).id)
    FollowUp.create(contact=contact, due_on=today - dt.timedelta(days=3), state="done")
    FollowUp.create(contact=contact, due_on=today + dt.timedelta(days=2))
    return ids


def test_due_counts_and_pages_cover_every_due_follow_up_once(store: StoreInfo) -> None:
    ids = _plan(store)
    today = dt.date.today()
    assert due_counts(today) == (OVERDUE, TODAY)
    seen: list[int] = []
    offset = 0
    while page := due_page(today, overdue=True, limit=PAGE_SIZE, offset=offset):
        assert len(page) <= PAGE_SIZE
        assert [row.due_on for row in page] == sorted(row.due_on for row in page)
        seen += [row.id for row in page]
        offset += len(page)
    assert sorted(seen) == sorted(ids["overdue"]) and len(seen) == len(set(seen))
    assert {row.id for row in due_page(today, overdue=False, limit=PAGE_SIZE)} == set(ids["today"])


def test_due_counts_on_an_empty_store(store: StoreInfo) -> None:
    assert due_counts(dt.date.today()) == (0, 0)


def _shown_ids(panel: TodayPanel) -> list[int]:
    items = (panel.list.item(i) for i in range(panel.list.count()))
    return [int(item.data(FollowUpIdRole)) for item in items if item.data(FollowUpIdRole)]


def _more_items(panel: TodayPanel) -> list[int]:
    return [i for i in range(panel.list.count()) if panel.list.item(i).data(MoreRole) is not None]


def test_today_panel_shows_a_page_then_more_on_request(store: StoreInfo, qtbot: QtBot) -> None:
    ids = _plan(store)
    panel = TodayPanel(AppEvents())
    qtbot.addWidget(panel)
    assert f"{OVERDUE} overdue · {TODAY} due today" in panel.summary.text()
    assert panel.list.item(0).text() == f"Overdue ({OVERDUE})"
    assert len(_shown_ids(panel)) == PAGE_SIZE + TODAY  # not every overdue one
    assert (
        panel.list.item(_more_items(panel)[0])
        .text()
        .startswith(f"Show more ({OVERDUE - PAGE_SIZE} not shown)")
    )
    while _more_items(panel):
        panel.list.itemActivated.emit(panel.list.item(_more_items(panel)[0]))
    shown = _shown_ids(panel)
    assert sorted(shown) == sorted(ids["overdue"] + ids["today"])
    # Overdue rows all come before the "Today" header, today's after it.
    header = next(i for i in range(panel.list.count()) if panel.list.item(i).text() == "Today (3)")
    assert set(_shown_ids(panel)[: header - 1]) == set(ids["overdue"])


def test_today_panel_activation_opens_the_follow_up(store: StoreInfo, qtbot: QtBot) -> None:
    _plan(store)
    events = AppEvents()
    panel = TodayPanel(events)
    qtbot.addWidget(panel)
    row = next(i for i in range(panel.list.count()) if panel.list.item(i).data(FollowUpIdRole))
    with qtbot.waitSignal(events.compose_follow_up_requested) as blocker:
        panel.list.itemActivated.emit(panel.list.item(row))
    assert blocker.args == [_shown_ids(panel)[0]]


def test_lazy_choice_box_reads_its_list_only_when_opened(qtbot: QtBot) -> None:
    loads: list[int] = []
    choices = [(f"Name {n}", n) for n in range(1, 501)]

    def load() -> list[tuple[str, object]]:
        loads.append(1)
        return list(choices)

    def label_of(value: object) -> str | None:
        return f"Name {value}" if int(str(value)) <= 500 else None

    box = LazyChoiceBox(load, label_of, "—")
    qtbot.addWidget(box)
    box.select_value(42)
    assert (box.count(), box.currentText(), box.currentData()) == (2, "Name 42", 42)
    box.select_value(999)  # gone: back to "none", nothing added
    assert box.currentData() is None and box.count() == 2
    box.select_value(42)
    box.reset()
    assert loads == [] and box.currentData() == 42
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert loads == [1] and box.count() == 501
    assert box.currentData() == 43  # the key moved on from the kept choice
    box.reset()
    assert box.count() == 2 and box.currentData() == 43
    box.showPopup()
    box.hidePopup()
    assert loads == [1, 1] and box.count() == 501 and box.currentData() == 43


def test_composer_pickers_stay_unread_until_opened(demo_store: StoreInfo, qtbot: QtBot) -> None:
    from followup_desktop.services.follow_up_queries import follow_up_row
    from followup_desktop.services.picker_choices import follow_up_label
    from followup_desktop.ui.composer.area import ComposerArea

    composer = ComposerArea(AppEvents())
    qtbot.addWidget(composer)
    assert not composer.contact_picker.loaded and composer.contact_picker.count() == 1
    assert not composer.follow_up_picker.loaded
    assert not composer.application_picker.loaded
    follow_up = (
        FollowUp.select()
        .where(FollowUp.contact.is_null(False) & FollowUp.application.is_null(False))
        .first()
    )
    composer.open_follow_up(follow_up.id)
    row = follow_up_row(follow_up.id)
    assert row is not None
    assert composer.follow_up_picker.currentText() == follow_up_label(row)
    assert composer.contact_picker.currentData() == follow_up.contact_id
    assert row.contact and composer.contact_picker.currentText().startswith(row.contact)
    if follow_up.application_id is not None:
        assert composer.application_picker.currentData() == follow_up.application_id
        assert row.position and row.position in composer.application_picker.currentText()
    composer.application_picker.showPopup()
    composer.application_picker.hidePopup()
    assert composer.application_picker.loaded and composer.application_picker.count() > 1
    composer.contact_picker.showPopup()
    composer.contact_picker.hidePopup()
    assert composer.contact_picker.count() == Contact.select().count() + 1
    assert composer.contact_picker.currentData() == follow_up.contact_id


def test_due_counts_follow_every_writer(store: StoreInfo) -> None:
    import sqlite3

    _plan(store)
    today = dt.date.today()
    assert due_counts(today) == (OVERDUE, TODAY)
    FollowUp.create(due_on=today)  # the app writes
    assert due_counts(today) == (OVERDUE, TODAY + 1)
    other = sqlite3.connect(store.path)  # another connection (a second process) writes
    other.execute("UPDATE follow_up SET state = 'done' WHERE id = (SELECT MIN(id) FROM follow_up)")
    other.commit()
    other.close()
    assert due_counts(today) == (OVERDUE - 1, TODAY + 1)
