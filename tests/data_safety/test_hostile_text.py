"""Hostile text in every field: stored exactly, shown literally, NUL refused with a message."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QImage, Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Contact, Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    save_application,
    save_contact,
)
from followup_desktop.services.validation import ValidationError

MARKUP = '<b>Ann</b><img src=x><a href="http://example.com">click</a>'
RIGHT_TO_LEFT = "שלום עולם — مرحبا بالعالم"
EMOJI = "👩🏽‍💻 Zoë 🚀"
LONG = "Ä" * 20_000
HOSTILE = {"markup": MARKUP, "rtl": RIGHT_TO_LEFT, "emoji": EMOJI, "long": LONG}
#: Fields with a format of their own (checked for a clean refusal instead).
FORMATTED = {
    "email",
    "phone",
    "time_zone",
    "link",
    "preferred_channel",
    "social_handle",
    # A job's coded details: a choice, an amount, a currency code, a list of short tags.
    "work_mode",
    "salary",
    "salary_currency",
    "salary_period",
    "tags",
}


def _text_fields(cls: type) -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(cls)
        if f.type in ("str", str) and f.name not in FORMATTED
    ]


def _stage_id() -> int:
    return int(Stage.select().order_by(Stage.position).first().id)


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_application_fields_store_hostile_text_exactly(store: StoreInfo, kind: str) -> None:
    text = HOSTILE[kind]
    for field in _text_fields(ApplicationInput):
        values = {"company": "Acme", "position": "Clerk", "stage_id": _stage_id(), field: text}
        saved = save_application(ApplicationInput(**values))
        stored = Application.get_by_id(saved.id)
        value = stored.company.name if field == "company" else getattr(stored, field)
        assert value == text, field


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_contact_fields_store_hostile_text_exactly(store: StoreInfo, kind: str) -> None:
    text = HOSTILE[kind]
    for field in _text_fields(ContactInput):
        values: dict[str, object] = {"first_name": "Ann", field: text}
        if field == "client_company":
            values["is_agency"] = True
        saved = save_contact(ContactInput(**values))
        stored = Contact.get_by_id(saved.id)
        if field in ("company", "client_company"):
            value = getattr(stored, field).name
        else:
            value = getattr(stored, field)
        assert value == text, field


def test_nul_is_refused_in_every_field_with_a_message(store: StoreInfo) -> None:
    for field in [*_text_fields(ApplicationInput), "link"]:
        values = {"company": "Acme", "position": "Clerk", "stage_id": _stage_id()}
        values[field] = "before\x00after"
        with pytest.raises(ValidationError) as caught:
            save_application(ApplicationInput(**values))
        assert caught.value.errors.errors.get(field), field
    for field in [f.name for f in dataclasses.fields(ContactInput) if f.type in ("str", str)]:
        values = {"first_name": "Ann", field: "before\x00after"}
        with pytest.raises(ValidationError) as caught:
            save_contact(ContactInput(**values))
        assert caught.value.errors.errors, field
    assert Application.select().count() == 0
    assert Contact.select().count() == 0


@pytest.mark.parametrize("field", ["email", "phone", "time_zone"])
def test_markup_in_formatted_contact_fields_is_refused_cleanly(
    store: StoreInfo, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        save_contact(ContactInput(first_name="Ann", **{field: MARKUP}))
    message = caught.value.errors.errors[field]
    assert message and "\n" not in message


def _rendered_as_markup(text: str) -> bool:
    """True when Qt would interpret ``text`` (AutoText) as rich text and hide the markup."""
    return bool(Qt.mightBeRichText(text)) and "<b>Ann</b>" in text


def test_plain_tooltip_shows_markup_literally() -> None:
    from followup_desktop.ui.plain_text import plain_tooltip

    document = QTextDocument()
    document.setHtml(plain_tooltip(MARKUP + "\nsecond line"))
    assert document.toPlainText() == MARKUP + "\nsecond line"
    assert plain_tooltip("Call Ann at 10") == "Call Ann at 10"


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return bool(model.hasChildren(index))
    except TypeError:  # table and list models keep it private: flat
        return False


def _model_problems(model: QAbstractItemModel, parent: QModelIndex, where: str) -> list[str]:
    problems: list[str] = []
    rows = min(model.rowCount(parent), 300)
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep it private: one column
        columns = 1
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and _rendered_as_markup(tip):
                problems.append(f"{where}: tooltip of row {row} shows markup")
            if column == 0 and _has_children(model, index):
                problems += _model_problems(model, index, where)
    return problems


def markup_problems(root: QWidget) -> list[str]:
    """Every place under ``root`` that would render store text as markup instead of literally."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
            )
            if rich and "<b>Ann</b>" in text:
                problems.append(f"{name}: label shows markup")
        if _rendered_as_markup(widget.toolTip()):
            problems.append(f"{name}: tooltip shows markup")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            problems += _model_problems(widget.model(), QModelIndex(), name)
    return problems


def test_markup_detector_catches_rich_text(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    rich = QLabel(MARKUP, holder)
    rich.setTextFormat(Qt.TextFormat.AutoText)
    plain = QLabel(MARKUP, holder)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    plain.setToolTip(MARKUP)
    assert len(markup_problems(holder)) == 2  # the AutoText label and the raw tooltip
    document = QTextDocument()
    document.setHtml(f"<qt>{MARKUP}</qt>")
    assert "<b>" not in document.toPlainText()  # what hiding markup looks like


def test_window_shows_hostile_names_literally(
    store: StoreInfo, data_location: DataLocation, qtbot: QtBot
) -> None:
    from followup_desktop.db.models import FollowUp
    from followup_desktop.services.interactions import log_interaction
    from followup_desktop.ui.area_specs import AREA_KEYS
    from followup_desktop.ui.main_window import MainWindow

    contact = save_contact(
        ContactInput(first_name=MARKUP, last_name=RIGHT_TO_LEFT, role=EMOJI, company=MARKUP)
    )
    application = save_application(
        ApplicationInput(
            company=MARKUP,
            position=MARKUP,
            stage_id=_stage_id(),
            contact_id=contact.id,
            notes=LONG,
            applied_on=dt.date.today() - dt.timedelta(days=30),
        )
    )
    log_interaction(
        application_id=application.id,
        contact_id=contact.id,
        company_id=None,
        occurred_at=dt.datetime.now() - dt.timedelta(days=2),
        channel="call",
        direction="inbound",
        kind="interview",
        summary=MARKUP,
        concerns=MARKUP,
    )
    FollowUp.create(
        application=application, contact=contact, due_on=dt.date.today(), outcome=MARKUP
    )
    from followup_desktop.services.stages import rename_stage

    rename_stage(_stage_id(), "<b>Ann</b> stage")
    window = MainWindow(data_location)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    problems: list[str] = []
    for key in AREA_KEYS:
        window.show_area(key)
        QApplication.processEvents()  # the area's first paint and the reads it makes
        problems += markup_problems(window)
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def test_pdf_shows_markup_literally(tmp_path: Path) -> None:
    """A note to a contact named with markup prints the characters, not formatting."""
    import subprocess
    import sys

    from pypdf import PdfReader

    from data_safety.fault_tools import REPO, child_env
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.db.models import Company, FollowUp, Letter

    location = DataLocation(tmp_path / "data").ensure()
    open_store(location.database)
    try:
        from followup_desktop.db.models import Profile
        from followup_desktop.db.seed import PROFILE_ID

        Profile.update(full_name="Kim <u>Lee</u>", address="2 Side St\nTown").where(
            Profile.id == PROFILE_ID
        ).execute()
        company = Company.create(name="<i>Evil</i> & Co", address="<b>1 Main St</b>\nTown")
        contact = Contact.create(first_name="<b>Ann</b>", last_name="Lee", company=company)
        application = Application.create(
            company=company, position="Clerk", stage=_stage_id(), contact=contact
        )
        follow_up = FollowUp.create(
            application=application,
            contact=contact,
            due_on=dt.date.today(),
            channel="note",
            reason="thank_you",
        )
        letter = Letter.create(
            follow_up=follow_up,
            application=application,
            contact=contact,
            channel="note",
            body="Dear <b>Ann</b>,\n\nThanks for <img src=x> the talk.\n\nKim",
        )
    finally:
        close_store()
    out = tmp_path / "note.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_desktop",
            "--data-dir",
            str(location.root),
            "export",
            "pdf",
            "--letter",
            str(letter.id),
            str(out),
        ],
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    compact = "".join(text.split())
    assert "Dear<b>Ann</b>" in compact
    assert "<imgsrc=x>" in compact
    assert "<b>1MainSt</b>" in compact and "Kim<u>Lee</u>" in compact  # the envelope


# --- A direction override in a name stays in the name (issue 15, point 10) ---------------------

RLO = "\u202e"
OVERRIDE_NAME = RLO + "Evil"
SECOND_LINE = "✎ Handwritten note · today"


def _follow_up_for(first: str, last: str, position: str, company: str = "Acme") -> int:
    from followup_desktop.db.models import FollowUp

    contact = save_contact(ContactInput(first_name=first, last_name=last, company=company))
    application = save_application(
        ApplicationInput(
            company=company, position=position, stage_id=_stage_id(), contact_id=contact.id
        )
    )
    follow_up = FollowUp.create(
        application=application,
        contact=contact,
        due_on=dt.date.today(),
        channel="note",
        reason="thank_you",
    )
    return int(follow_up.id)


def test_composed_strings_keep_an_override_to_the_name(store: StoreInfo) -> None:
    """Every sentence of the app that holds a name closes what the name opened."""
    from data_safety.bidi_tools import leaks_into
    from followup_desktop.services.board import cards_by_ids
    from followup_desktop.services.contact_queries import ContactListQuery, contact_page
    from followup_desktop.services.follow_up_queries import follow_up_row
    from followup_desktop.services.timeline import contact_timeline
    from followup_desktop.ui.calendar.day_model import row_text
    from followup_desktop.ui.contacts.contact_list_model import COMPANY, _display, _tooltip
    from followup_desktop.ui.pipeline.card_model import card_description
    from followup_desktop.ui.widgets.contact_picker import _label

    today = dt.date.today()
    follow_up_id = _follow_up_for(OVERRIDE_NAME, "Override", RLO + "Analyst", RLO + "Acme")
    row = follow_up_row(follow_up_id)
    assert row is not None and row.application_id is not None
    assert leaks_into(row.title() + "\n" + SECOND_LINE, SECOND_LINE) == []
    assert leaks_into(row.title(), " · ") == []
    assert leaks_into(row_text(row, today), "✎ Handwritten note · ") == []

    card = cards_by_ids([row.application_id])[0]
    description = card_description(card, today)
    for app_text in (" at ", "\nContact: ", "\nNo contact with ", "\nNext follow-up: "):
        assert leaks_into(description, app_text) == [], app_text

    agent = save_contact(
        ContactInput(
            first_name="Ann",
            role=RLO + "Recruiter",
            company=RLO + "Acme",
            is_agency=True,
            client_company=RLO + "Client",
        )
    )
    listed = next(r for r in contact_page(ContactListQuery(), 0, 10, 1.0) if r.id == agent.id)
    assert leaks_into(_display(listed, COMPANY, today), " (for ") == []
    assert leaks_into(_display(listed, COMPANY, today) + ")", ")") == []
    assert leaks_into(_tooltip(listed, COMPANY, today) or "", "") == []
    assert leaks_into(_label(OVERRIDE_NAME, RLO + "Acme", "ann@example.com"), " · ") == []

    contact_id = int(Contact.get(Contact.last_name == "Override").id)
    entry = contact_timeline(contact_id)[0]
    assert leaks_into(entry.application_label, " at ") == []


def test_contact_heading_and_company_lists_keep_an_override_to_the_name(
    store: StoreInfo, qtbot: QtBot
) -> None:
    from data_safety.bidi_tools import leaks_into
    from followup_desktop.ui.contacts.company_panel import CompanyDetail
    from followup_desktop.ui.contacts.contact_detail import ContactDetailPanel
    from followup_desktop.ui.events import AppEvents

    _follow_up_for(OVERRIDE_NAME, "Override", RLO + "Analyst", RLO + "Acme")
    agent = save_contact(
        ContactInput(
            first_name="Ann",
            role=RLO + "Recruiter",
            company=RLO + "Acme",
            is_agency=True,
            client_company="Client",
        )
    )
    panel = ContactDetailPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.show_contact(agent.id)
    subtitle = panel.subtitle.text()
    assert leaks_into(subtitle, " at ") == []
    assert leaks_into(subtitle, " · agency recruiter for ") == []

    detail = CompanyDetail(AppEvents())
    qtbot.addWidget(detail)
    detail.show_company(int(Contact.get_by_id(agent.id).company_id))
    for names in (detail.applications, detail.people):
        for number in range(names.count()):
            text = names.item(number).text()
            tail = " — " if " — " in text else ", " if ", " in text else ""
            assert leaks_into(text, tail) == [], text


def _lowest_inked_row(image: QImage) -> int:
    """The lowest pixel row of ``image`` that holds anything but the background."""
    background = image.pixel(image.width() - 1, image.height() - 1)
    for y in range(image.height() - 1, -1, -1):
        if any(image.pixel(x, y) != background for x in range(image.width())):
            return y
    return image.height() - 1


def _row_image(panel_list: QAbstractItemView, item: object, half: int) -> object:
    """One line of a two-line row of the Today list, as painted (0: first, 1: second).

    The second line is cut upwards from the row's lowest ink: a name drawn partly by a
    fallback font can make the first line, and so the row, a pixel or two taller, and the
    view centres the two lines in the row.
    """
    rect = panel_list.visualItemRect(item)  # type: ignore[attr-defined]
    row = panel_list.viewport().grab(rect).toImage()
    height = panel_list.fontMetrics().height()
    top = _lowest_inked_row(row) + 1 - height if half else 0
    return row.copy(0, top, row.width(), height)


def test_today_row_paints_the_apps_words_in_order_after_an_override(
    store: StoreInfo, qtbot: QtBot
) -> None:
    """The second line of a row for someone named with U+202E paints exactly like the
    second line of anyone else's row ("✎ Handwritten note · today", not reversed)."""
    from followup_desktop.ui.events import AppEvents
    from followup_desktop.ui.today_panel import FollowUpIdRole, TodayPanel

    _follow_up_for("Aaron", "Current", "Analyst")  # the row selected and under the pointer
    hostile = _follow_up_for(OVERRIDE_NAME, "Override", "Analyst")
    plain = _follow_up_for("Plain", "Person", "Analyst")
    panel = TodayPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    qtbot.waitExposed(panel)
    items = {
        panel.list.item(n).data(FollowUpIdRole): panel.list.item(n)
        for n in range(panel.list.count())
    }
    assert SECOND_LINE in items[hostile].text()
    QApplication.processEvents()
    hostile_line = _row_image(panel.list, items[hostile], 1)
    plain_line = _row_image(panel.list, items[plain], 1)
    assert hostile_line == plain_line, "the app's own words must not be reversed"
    assert _row_image(panel.list, items[hostile], 0) != _row_image(panel.list, items[plain], 0)


# --- A 10,000-character name elides, whole in the tooltip (issue 15, point 11) ------------------

TEN_THOUSAND = "Maximilian" * 1000
TEN_THOUSAND_SPACED = ("Wordy " * 1667)[:10_000]


def _tooltip_text(tooltip: str) -> str:
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_today_panel_keeps_wrapping_and_elides_a_long_name(store: StoreInfo, qtbot: QtBot) -> None:
    from followup_desktop.ui.events import AppEvents
    from followup_desktop.ui.today_panel import FollowUpIdRole, TodayPanel

    unbroken = _follow_up_for(TEN_THOUSAND, "Long", "Clerk")
    spaced = _follow_up_for(TEN_THOUSAND_SPACED, "Spaces", "Engineer")
    usual = _follow_up_for("Olga", "Castillo", "Customer Success Manager")
    panel = TodayPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.resize(260, 700)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    view = panel.list
    assert view.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert not view.horizontalScrollBar().isVisible()
    line = view.fontMetrics().height()
    items = {view.item(n).data(FollowUpIdRole): view.item(n) for n in range(view.count())}
    for follow_up_id in (unbroken, spaced, usual):
        rect = view.visualItemRect(items[follow_up_id])
        assert rect.width() <= view.viewport().width()
        assert rect.height() <= 4 * line + 8, "three lines of name at most, then the channel"
    assert view.visualItemRect(items[usual]).height() >= 3 * line, "a usual title still wraps"
    assert TEN_THOUSAND in _tooltip_text(items[unbroken].toolTip())
    assert TEN_THOUSAND_SPACED in _tooltip_text(items[spaced].toolTip())


def test_lists_elide_a_long_name_and_show_it_whole_in_the_tooltip(
    store: StoreInfo, data_location: DataLocation, qtbot: QtBot
) -> None:
    """The board, the calendar's day list and the contact list: never wider than their
    view, the name whole in the tooltip."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from followup_desktop.ui.calendar.follow_up_list import FollowUpList
    from followup_desktop.ui.contacts.contacts_area import ContactsArea
    from followup_desktop.ui.events import AppEvents
    from followup_desktop.ui.pipeline.card_model import StageColumnModel

    _follow_up_for(TEN_THOUSAND, "Long", "Clerk")
    today = dt.date.today()
    cards = StageColumnModel(_stage_id())
    cards.reload(1)
    assert TEN_THOUSAND in _tooltip_text(cards.data(cards.index(0), Qt.ItemDataRole.ToolTipRole))

    day = FollowUpList()
    qtbot.addWidget(day)
    day.resize(300, 200)
    day.show()
    day.show_day(today, today)
    assert day.horizontalScrollBar().maximum() == 0
    tip = day.model().data(day.model().index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert TEN_THOUSAND in _tooltip_text(tip)

    save_contact(ContactInput(first_name="Al"))
    area = ContactsArea(AppEvents())
    qtbot.addWidget(area)
    area.resize(1024, 640)
    area.show()
    qtbot.waitExposed(area)
    table = area.list_panel.findChild(QAbstractItemView)
    assert table is not None

    def hover(row: int) -> str:
        where = table.visualRect(table.model().index(row, 0)).center()
        event = QHelpEvent(QEvent.Type.ToolTip, where, table.viewport().mapToGlobal(where))
        QApplication.sendEvent(table.viewport(), event)
        return _tooltip_text(QToolTip.text()) if QToolTip.isVisible() else ""

    assert table.model().index(0, 0).data() == "Al"
    assert hover(0) == "", "a name that fits gets no tooltip"
    assert table.visualRect(table.model().index(1, 0)).width() < 1000
    assert TEN_THOUSAND in hover(1)
    QToolTip.hideText()
