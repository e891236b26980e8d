"""Fields of a megabyte on one line show at once everywhere and are kept whole (issue 15, point 9).

A contact whose note was one 1 MB line froze the window at full CPU for minutes when selected:
Qt laid the line out whole, quadratically so where it had to break inside a word. Line edits
also cut stored text at 32,767 characters, and a save wrote the cut text back.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from data_safety.fault_tools import REPO, child_env
from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.models import Application, Contact, FollowUp, Interaction, Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.companies import CompanyInput, save_company
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    save_application,
    save_contact,
)

#: One line of a mebibyte, with no space to break at (the hardest case for Qt).
MEGABYTE = "A" * 1_048_576
#: Showing anything must take at most 100 ms; a loaded shared machine gets three times that
#: (the best of three tries of each view counts).
BUDGET_MS = 300
#: Long enough for the whole round on a slow machine; the frozen views took minutes.
CHILD_TIMEOUT = 120
CHILD = Path(__file__).with_name("huge_text_child.py")


def _stage_id() -> int:
    return int(Stage.select().order_by(Stage.position).first().id)


def _fill(location: DataLocation) -> None:
    """Ordinary records beside ones with a megabyte in each text field, all due today."""
    import datetime as dt

    open_store(location.database)
    try:
        save_contact(ContactInput(first_name="Olga", last_name="Ordinary", company="Ordinary Ltd"))
        huge = {
            "Note": {"notes": MEGABYTE},
            "Address": {"address": MEGABYTE},
            "Name": {"first_name": MEGABYTE},
            "Company": {"company": "Huge " + MEGABYTE, "role": MEGABYTE},
            "Everything": {
                "first_name": MEGABYTE,
                "role": MEGABYTE,
                "company": "Huge " + MEGABYTE,
                "is_agency": True,
                "client_company": "Huger " + MEGABYTE,
                "address": MEGABYTE,
                "notes": MEGABYTE,
                "social_handle": MEGABYTE,
            },
        }
        for last_name, fields in huge.items():
            values: dict[str, object] = {"first_name": "Nora", "last_name": last_name, **fields}
            save_contact(ContactInput(**values))  # type: ignore[arg-type]
        everything = Contact.get(Contact.last_name == "Everything")
        # Values a form would refuse can still be stored (older versions, imports).
        Contact.update(email=MEGABYTE, phone=MEGABYTE, time_zone=MEGABYTE).where(
            Contact.id == everything.id
        ).execute()
        talkative = save_contact(ContactInput(first_name="Tia", last_name="Talkative"))
        application = save_application(
            ApplicationInput(
                company="Huge " + MEGABYTE,
                position=MEGABYTE,
                stage_id=_stage_id(),
                contact_id=everything.id,
                source="huge",
                link="https://example.com/" + MEGABYTE,
                notes=MEGABYTE,
            )
        )
        Interaction.create(
            application=application,
            contact=talkative,
            occurred_at=dt.datetime.now(),
            channel="call",
            kind="call",
            summary=MEGABYTE,
            open_questions=MEGABYTE,
            concerns=MEGABYTE,
        )
        for contact, channel in ((everything, "note"), (talkative, "note"), (everything, "call")):
            FollowUp.create(
                application=application,
                contact=contact,
                due_on=dt.date.today(),
                channel=channel,
                outcome=MEGABYTE,
            )
        company_id = int(Contact.get_by_id(everything.id).company_id)
        save_company(
            CompanyInput(
                name="Huge " + MEGABYTE,
                website="https://example.com/" + MEGABYTE,
                address=MEGABYTE,
                notes=MEGABYTE,
            ),
            company_id,
        )
    finally:
        close_store()


def test_every_view_shows_megabyte_fields_at_once(data_location: DataLocation) -> None:
    """The real window, each view in turn, timed from the user's action to the painted
    window in the window thread's own time (the app's background work may run meanwhile):
    the contact detail (each field a megabyte, and all of them at once), its history,
    the company panel, the Today panel, the board, the calendar's day list and week, the
    application's detail and the call sheet."""
    _fill(data_location)
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, str(CHILD), str(data_location.root)],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode() if isinstance(expired.stdout, bytes) else expired.stdout
        shown = [line for line in (output or "").splitlines() if line.startswith("SHOWN")]
        raise AssertionError(
            f"the window froze: after {time.monotonic() - started:.0f} s only {shown}"
        ) from None
    assert done.returncode == 0, done.stderr[-3000:]
    times = {
        line.split()[1]: float(line.split()[2])
        for line in done.stdout.splitlines()
        if line.startswith("SHOWN")
    }
    assert "DONE" in done.stdout
    assert len(times) == 13, times
    slow = {name: ms for name, ms in times.items() if ms > BUDGET_MS}
    assert slow == {}, f"over {BUDGET_MS} ms: {slow} (all: {times})"


def _notice(form_layout_owner: object, name: str) -> QLabel:
    found = form_layout_owner.findChild(QLabel, f"notice_{name}")  # type: ignore[attr-defined]
    assert isinstance(found, QLabel)
    return found


def test_a_value_longer_than_a_line_edit_holds_is_saved_whole(
    store: StoreInfo, qtbot: QtBot
) -> None:
    """Qt's line edit keeps 32,767 characters; editing another field and saving wrote the cut
    name back."""
    from followup_desktop.ui.contacts.contact_detail import ContactDetailPanel
    from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
    from followup_desktop.ui.events import AppEvents

    long_name = "N" * 40_000
    person = save_contact(ContactInput(first_name=long_name, role="Recruiter"))
    panel = ContactDetailPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.resize(480, 700)
    panel.show()
    panel.show_contact(person.id)
    panel.form.role.selectAll()
    qtbot.keyClicks(panel.form.role, "Director")
    assert panel.save()
    assert Contact.get_by_id(person.id).first_name == long_name
    assert Contact.get_by_id(person.id).role == "Director"
    assert panel.form.first_name.isReadOnly(), "shown shortened"
    assert _notice(panel, "first_name").isVisibleTo(panel)
    assert "40,000 characters" in _notice(panel, "first_name").text()

    application = save_application(
        ApplicationInput(
            company="C" * 40_000, position="P" * 40_000, stage_id=_stage_id(), source="S" * 40_000
        )
    )
    dialog = ApplicationDialog(application_id=application.id)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("Called back on Monday.")
    dialog.accept()
    stored = Application.get_by_id(application.id)
    assert (len(stored.company.name), len(stored.position), len(stored.source)) == (
        40_000,
        40_000,
        40_000,
    )
    assert stored.notes == "Called back on Monday."


def test_a_shortened_note_can_be_edited_whole(store: StoreInfo, qtbot: QtBot) -> None:
    from followup_desktop.ui.contacts.contact_detail import ContactDetailPanel
    from followup_desktop.ui.events import AppEvents

    person = save_contact(ContactInput(first_name="Nora", notes=MEGABYTE))
    panel = ContactDetailPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.resize(480, 700)
    panel.show()
    started = time.perf_counter()
    panel.show_contact(person.id)
    panel.grab()
    assert time.perf_counter() - started < BUDGET_MS / 1000
    notes = panel.form.notes
    assert notes.isReadOnly() and notes.toPlainText() == MEGABYTE
    notice = _notice(panel, "notes")
    assert notice.isVisibleTo(panel) and "1,048,576 characters" in notice.text()
    assert not panel.is_dirty()
    notice.linkActivated.emit("edit-whole")
    assert not notice.isVisibleTo(panel)
    assert not notes.isReadOnly() and notes.toPlainText() == MEGABYTE
    assert not panel.is_dirty(), "showing the whole note changes nothing"
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, "!")
    qtbot.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    panel.save()
    assert Contact.get_by_id(person.id).notes == MEGABYTE + "!"


def test_a_call_sheet_for_a_stored_time_zone_of_a_megabyte(store: StoreInfo) -> None:
    """Forms refuse unknown zones, but any value can be stored (an import, an older version):
    looking a megabyte up as a zone file raised "File name too long"."""
    import datetime as dt

    from followup_desktop.services.call_sheet import build_call_sheet, facts_html

    person = save_contact(ContactInput(first_name="Zed", phone="+44 20 7946 0958"))
    Contact.update(time_zone=MEGABYTE).where(Contact.id == person.id).execute()
    application = save_application(
        ApplicationInput(company="Acme", position="Clerk", stage_id=_stage_id())
    )
    follow_up = FollowUp.create(
        application=application, contact=person, due_on=dt.date.today(), channel="call"
    )
    sheet = build_call_sheet(int(follow_up.id))
    assert sheet.zone_name == ""
    assert "Their time zone" not in facts_html(sheet)
