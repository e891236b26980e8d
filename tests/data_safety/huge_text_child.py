"""The real window, offscreen, showing records whose text fields hold a megabyte each.

Started as ``python huge_text_child.py DATA_DIR`` on a store ``test_huge_text`` filled. Each
view is shown on ordinary records first; then the records with huge fields are shown the way a
user reaches them (a contact picked in the list, the panels refreshed after a change, an
application or a call sheet opened), and the time until the window is painted is printed as
``SHOWN name best-ms ms ms ms``. A view that freezes never prints its line: the test's time
limit catches it.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from followup_desktop.db.connection import open_store
from followup_desktop.db.models import Application, Company, Contact, FollowUp
from followup_desktop.paths import DataLocation
from followup_desktop.ui.app import create_application
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.contacts.contact_detail import DETAILS_TAB, HISTORY_TAB
from followup_desktop.ui.contacts.contacts_area import COMPANIES_TAB, PEOPLE_TAB, ContactsArea
from followup_desktop.ui.follow_ups.call_sheet_dialog import CallSheetDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog

#: Each view is shown this many times from the same starting point; the quickest counts (a
#: shared machine pauses now and then, a frozen view is slow every time).
ROUNDS = 3


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def painted(widget: QWidget) -> None:
    QApplication.processEvents()
    widget.grab()


def measure(
    name: str, window: QWidget, before: Callable[[], object], action: Callable[[], object]
) -> None:
    """Time ``action`` until the window is painted, ``ROUNDS`` times, each after ``before``."""
    times = []
    for _round in range(ROUNDS):
        before()
        painted(window)
        # The window thread's own time: what the view costs, not what other programs or the
        # app's own background work (the store's scan, the month read ahead) take meanwhile.
        started = time.thread_time()
        action()
        painted(window)
        times.append((time.thread_time() - started) * 1000)
    say(f"SHOWN {name} {min(times):.1f} " + " ".join(f"{t:.1f}" for t in times))


def contact_id(last_name: str) -> int:
    return int(Contact.get(Contact.last_name == last_name).id)


def main() -> int:
    app = create_application()
    location = DataLocation(Path(sys.argv[1]))
    open_store(location.database)
    window = MainWindow(location)
    window.resize(1280, 800)
    window.show()
    painted(window)
    events = window.events

    contacts = window.show_area("contacts")
    assert isinstance(contacts, ContactsArea)
    people = contacts.list_panel

    def pick(last_name: str) -> Callable[[], object]:
        return lambda: people.select_contact(contact_id(last_name))

    for last_name in ("Note", "Address", "Name", "Company", "Everything"):
        measure(f"contact-{last_name.lower()}", window, pick("Ordinary"), pick(last_name))
    contacts.detail.tabs.setCurrentIndex(HISTORY_TAB)
    measure("contact-history", window, pick("Ordinary"), pick("Talkative"))
    contacts.detail.tabs.setCurrentIndex(DETAILS_TAB)

    contacts.tabs.setCurrentIndex(COMPANIES_TAB)
    companies = contacts.companies
    ordinary = int(Company.get(Company.name == "Ordinary Ltd").id)
    huge = int(Company.get(Company.name.startswith("Huge")).id)
    measure(
        "company",
        window,
        lambda: companies.select_company(ordinary),
        lambda: companies.select_company(huge),
    )
    contacts.tabs.setCurrentIndex(PEOPLE_TAB)

    measure("today-panel", window, lambda: None, events.follow_ups_changed.emit)
    board = window.show_area("pipeline")
    assert isinstance(board, PipelineBoard)
    # Painted cards are kept: paint them afresh each time.
    measure("board", window, board.card_pictures.cards.clear, events.applications_changed.emit)
    calendar = window.show_area("calendar")
    assert isinstance(calendar, CalendarArea)
    today = dt.date.today()
    measure(
        "calendar-day",
        window,
        lambda: calendar.select_day(today + dt.timedelta(days=40)),
        lambda: calendar.select_day(today),
    )
    measure("calendar-week", window, lambda: calendar.set_mode(0), lambda: calendar.set_mode(1))

    opened: list[QWidget] = []

    def close_opened() -> None:
        while opened:
            opened.pop().close()

    def open_dialog(dialog: QWidget) -> None:
        opened.append(dialog)
        dialog.show()
        painted(dialog)

    application = int(Application.get(Application.source == "huge").id)
    measure(
        "application",
        window,
        close_opened,
        lambda: open_dialog(ApplicationDetailDialog(window, application, events)),
    )
    call = int(FollowUp.get(FollowUp.channel == "call").id)
    measure(
        "call-sheet",
        window,
        close_opened,
        lambda: open_dialog(CallSheetDialog(call, events, window)),
    )
    close_opened()
    say("DONE")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
