"""CSV files of real address books (points 11 to 13): each export's columns recognised and
named in the preview, labels and second addresses kept, apostrophes stripped only from the
app's own export, addresses from their parts laid out in their country's postal format."""

from __future__ import annotations

from pathlib import Path

from followup_desktop.db.models import Company, Contact
from followup_desktop.services.exporters.csv_writer import export_contacts_csv
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.records import ContactInput, save_contact

SAMPLES = Path(__file__).parent / "samples"


def imported(name: str) -> tuple[list[str], list[Contact]]:
    plan, result = import_contacts((SAMPLES / name).read_bytes(), "csv", name=name)
    assert result is not None, plan
    return plan.notices, list(Contact.select().order_by(Contact.id))


def test_11_thunderbird_columns(store: object) -> None:
    notices, (henrike,) = imported("thunderbird_en.csv")
    assert "Recognised the columns of a Thunderbird export." in notices
    assert (henrike.first_name, henrike.last_name) == ("Henrike", "Vogt")
    assert henrike.email == "h.vogt@lindenhof-personal.example.de"
    assert henrike.phone == "+49 30 55504410" and henrike.phone_label == "work"
    assert henrike.role == "Senior Recruiterin"
    assert Company.get_by_id(henrike.company_id).name == "Lindenhof Personal GmbH"
    assert henrike.department == "Tech Hiring"
    assert henrike.address == "Torstraße 101\nAufgang B\n10119 Berlin\nGermany"
    assert henrike.address_label == "work"
    assert henrike.websites == "https://lindenhof-personal.example.de"
    assert henrike.birthday == "1984-07-23"
    notes = henrike.notes.splitlines()
    assert "Other e-mail: henrike.vogt@posteo.example.de" in notes
    assert "Mobile phone: +49 170 5550441" in notes
    assert "Fax: +49 30 55504499" in notes
    assert "Nickname: Rike" in notes and "Rückruf am Dienstag" in notes


def test_11_google_websites_and_second_formatted_address(store: object) -> None:
    notices, (ingrid,) = imported("google_contacts_current.csv")
    assert "Recognised the columns of a Google Contacts export." in notices
    assert ingrid.email == "ingrid.sjoberg@fjalltalent.example.se" and ingrid.email_label == "work"
    # the work fax comes first in the file; the mobile is the number to call
    assert ingrid.phone == "+46 70 555 20 20" and ingrid.phone_label == "mobile"
    assert ingrid.department == "Engineering" and ingrid.birthday == "1990-02-11"
    assert ingrid.websites == "https://fjalltalent.example.se\nhttps://ingrid-writes.example.se"
    # point 13: the parts laid out as Swedish post expects, not "Stockholm, 111 57"
    assert ingrid.address == "Sveavägen 12\n111 57 Stockholm\nSweden"
    notes = ingrid.notes.splitlines()
    assert "Home address: Odengatan 5, 113 22 Stockholm, Sweden" in notes
    assert "Work fax: +46 8 555 200 99" in notes
    assert "Home e-mail: ingrid@sjoberg.example.se" in notes


def test_11_google_legacy_columns(store: object) -> None:
    notices, (tomasz,) = imported("google_contacts_legacy.csv")
    assert "Recognised the columns of a Google Contacts (legacy) export." in notices
    assert (tomasz.first_name, tomasz.last_name) == ("Tomasz", "Wrona")
    assert tomasz.email == "tomasz.wrona@wislarekrutacja.example.pl"
    assert tomasz.email_label == "work"
    assert tomasz.phone == "+48 22 555 30 30"
    assert tomasz.role == "Headhunter" and tomasz.department == "IT"
    assert Company.get_by_id(tomasz.company_id).name == "Wisła Rekrutacja"
    assert tomasz.address == "ul. Marszałkowska 84\n00-514 Warszawa\nPoland"
    assert tomasz.websites == "https://wislarekrutacja.example.pl/tomasz"


def test_11_apple_icloud_columns(store: object) -> None:
    notices, (dana,) = imported("icloud_contacts.csv")
    assert "Recognised the columns of a Apple Contacts / iCloud export." in notices
    assert dana.email == "dana.okoro@harbourline.example.com" and dana.email_label == "work"
    assert dana.phone == "+1 617-555-0100" and dana.phone_label == "work"
    assert dana.role == "Recruitment Lead" and dana.department == "Recruiting"
    assert dana.address == "200 Atlantic Ave\nFloor 4\nBoston, MA 02110\nUnited States"
    assert "Mobile phone: +1 617-555-0190" in dana.notes


def test_11_linkedin_and_outlook_are_named(store: object) -> None:
    linkedin = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\n"
    plan, _ = import_contacts(linkedin, "csv", dry_run=True)
    assert "Recognised the columns of a LinkedIn connections export." in plan.notices
    outlook = b'"First Name","Last Name","Job Title","E-mail Address"\nJo,W,HR,jo@x.example.com\n'
    plan, _ = import_contacts(outlook, "csv", dry_run=True)
    assert "Recognised the columns of a Outlook export." in plan.notices
    plan, _ = import_contacts(b"Name,Mail\nAnn,ann@x.example.com\n", "csv", dry_run=True)
    assert plan.notices == ["The columns match no known export; check what each column is used as."]


OTHERS = "First Name,Last Name,Phone,Notes\nAl,'=Smith,'+1 312 555 0100,'@x\n"


def test_12_apostrophes_stay_in_other_files(store: object) -> None:
    plan, _ = import_contacts(OTHERS.encode(), "csv")
    (al,) = Contact.select()
    assert al.last_name == "'=Smith"
    assert al.notes == "'@x"
    assert not any("apostrophe" in notice for notice in plan.notices)


def test_12_the_apps_own_export_is_marked_and_unescaped(store: object, tmp_path: Path) -> None:
    save_contact(ContactInput(first_name="=Eq", last_name="-Minus", role="@role", notes="+plus"))
    target = tmp_path / "out.csv"
    export_contacts_csv(target)
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith(",Exported by")
    Contact.delete().execute()
    plan, _ = import_contacts(target.read_bytes(), "csv")
    assert any("apostrophe" in notice for notice in plan.notices)
    (back,) = Contact.select()
    assert (back.first_name, back.last_name, back.role, back.notes) == (
        "=Eq",
        "-Minus",
        "@role",
        "+plus",
    )
