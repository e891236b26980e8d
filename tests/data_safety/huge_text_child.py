"""The real window, offscreen, showing records whose text fields hold a megabyte each.

Started as ``python huge_text_child.py DATA_DIR`` on a store ``test_huge_text`` filled. Each
view is first shown on ordinary records; then the records with huge fields are shown the way a
user reaches them (a contact picked in the list, the panels refreshed after a change, an
application opened), and the time until the window is painted is printed as ``SHOWN name ms``.
A view that freezes never prints its line: the test's time limit catches it.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from followup_desktop.db.connection import open_store
from followup_desktop.db.models import Application, Company, Contact
from followup_desktop.paths import DataLocation
from followup_desktop.ui.app import create_application
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.contacts.contact_detail import DETAILS_TAB, HISTORY_TAB
from followup_desktop.ui.contacts.contacts_area import COMPANIES_TAB, PEOPLE_TAB, ContactsArea
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline import card_delegate
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def painted(window: QWidget) -> None:
    QApplication.processEvents()
    window.grab()


def measure(name: str, window: QWidget, action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    painted(window)
    say(f"SHOWN {name} {(time.perf_counter() - started) * 1000:.1f}")


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
    people.select_contact(contact_id("Ordinary"))
    painted(window)
    for last_name in ("Note", "Address", "Name", "Company", "Everything"):
        measure(
            f"contact-{last_name.lower()}",
            window,
            lambda n=last_name: people.select_contact(contact_id(n)),
        )
        people.select_contact(contact_id("Ordinary"))
        painted(window)
    contacts.detail.tabs.setCurrentIndex(HISTORY_TAB)
    painted(window)
    measure("contact-history", window, lambda: people.select_contact(contact_id("Talkative")))
    contacts.detail.tabs.setCurrentIndex(DETAILS_TAB)

    contacts.tabs.setCurrentIndex(COMPANIES_TAB)
    companies = contacts.companies
    companies.select_company(int(Company.get(Company.name == "Ordinary Ltd").id))
    painted(window)
    huge_company = int(Company.get(Company.name.startswith("Huge")).id)
    measure("company", window, lambda: companies.select_company(huge_company))
    contacts.tabs.setCurrentIndex(PEOPLE_TAB)

    measure("today-panel", window, events.follow_ups_changed.emit)
    window.show_area("pipeline")
    painted(window)
    card_delegate._CARDS.clear()  # painted cards are kept: paint them afresh
    measure("board", window, events.applications_changed.emit)
    calendar = window.show_area("calendar")
    assert isinstance(calendar, CalendarArea)
    today = dt.date.today()
    calendar.select_day(today + dt.timedelta(days=40))
    painted(window)
    measure("calendar-day", window, lambda: calendar.select_day(today))
    measure("calendar-week", window, lambda: calendar.set_mode(1))

    huge_application = int(Application.get(Application.source == "huge").id)

    def open_application() -> None:
        dialog = ApplicationDetailDialog(window, huge_application, events)
        dialog.show()
        painted(dialog)

    measure("application", window, open_application)
    say("DONE")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
