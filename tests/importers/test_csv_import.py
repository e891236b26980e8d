"""CSV import: LinkedIn's preamble, Google and Outlook headers, encodings, broken rows."""

from __future__ import annotations

import pytest

from followup_desktop.db.models import Contact
from followup_desktop.services.importers.contact_import import (
    import_contacts,
    open_import_source,
    read_records,
)
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.postal_format import format_address

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. Only members who allow it share their address, see the privacy settings."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Aisha,Bello,https://www.linkedin.com/in/aishabello,,Meridian Bank,Talent Partner,"
    "14 Feb 2024\n"
    'Lars,Nygaard,https://www.linkedin.com/in/lnygaard,lars@oakridge.no,"Oakridge, AS",'
    "Recruiter,02 Jan 2023\n"
)

GOOGLE = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,Organization Name,"
    "Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,"
    "E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted\n"
    "Rosa,Maria,Alvarez,,,Vantage Media,People Partner,Great chat,* myContacts,Work,"
    "rosa@vantage.example.com ::: rosa.alvarez@vantage.example.com,,,Mobile,+1 206 555 0111,"
    'Work,"1 Pike St\nSeattle, WA 98101"\n'
)

OUTLOOK = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business City","Business State","Business Postal Code",'
    '"Business Country/Region","Home Street","Home Phone","Business Phone","Mobile Phone",'
    '"E-mail Address","E-mail Type","Notes"\n'
    '"Ms.","Jo","","Whitfield","","Lakeside Insurance","HR","HR Manager","5 Shore Rd",'
    '"Portland","ME","04101","United States","9 Elm Ave","+1 207 555 0100","+1 207 555 0155",'
    '"","jo.whitfield@lakeside.example.com","SMTP","Spoke at career fair"\n'
)


def read(text: str | bytes, encoding: str | None = None):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8") if isinstance(text, str) else text
    source = open_import_source(data, "csv", "test.csv", encoding)
    return source, read_records(source)


def test_linkedin_preamble_is_skipped_and_columns_recognised() -> None:
    source, records = read(LINKEDIN)
    assert source.layout is not None
    assert source.layout.export_name == "LinkedIn connections"
    assert source.layout.header_line == 4
    aisha, lars = records
    assert (aisha.first_name, aisha.last_name, aisha.company) == ("Aisha", "Bello", "Meridian Bank")
    assert aisha.role == "Talent Partner"
    assert aisha.emails == []
    assert aisha.social_handle == "https://www.linkedin.com/in/aishabello"
    assert aisha.notes == ["Connected On: 14 Feb 2024"]
    assert aisha.source == "line 5"
    assert lars.company == "Oakridge, AS"


def test_google_contacts_multiple_values_and_formatted_address() -> None:
    source, (rosa,) = read(GOOGLE)
    assert source.layout is not None and source.layout.export_name == "Google Contacts"
    assert rosa.first_name == "Rosa Maria"
    assert rosa.emails == ["rosa@vantage.example.com", "rosa.alvarez@vantage.example.com"]
    assert rosa.role == "People Partner"
    assert rosa.addresses[0].text == "1 Pike St\nSeattle, WA 98101"
    assert rosa.addresses[0].label == "work"
    assert rosa.notes[0] == "Great chat"


def test_outlook_business_phone_first_title_is_not_the_role() -> None:
    source, (jo,) = read(OUTLOOK)
    assert source.layout is not None and source.layout.export_name == "Outlook"
    assert jo.role == "HR Manager"
    assert jo.phones[0] == "+1 207 555 0155"  # business before home
    work, home = jo.addresses
    assert format_address(work) == "5 Shore Rd\nPortland, ME 04101\nUnited States"
    assert (work.label, home.label, home.street) == ("work", "home", "9 Elm Ave")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_with_and_without_bom(encoding: str) -> None:
    text = "First Name,Last Name,Company\r\nJosé,Müller-Lüdenscheidt,Café Größe\r\n"
    source, (record,) = read(text.encode(encoding))
    assert (record.first_name, record.last_name, record.company) == (
        "José",
        "Müller-Lüdenscheidt",
        "Café Größe",
    )
    assert source.layout is not None and source.layout.headers[0] == "First Name"


def test_utf16_without_bom_and_explicit_encoding() -> None:
    text = "Name;E-mail\nZoë Kraus;zoe@example.org\n"
    _source, (record,) = read(text.encode("utf-16-le"))
    assert record.full_name == "Zoë Kraus" and record.emails == ["zoe@example.org"]
    _source, (record,) = read(text.encode("cp1252"), encoding="latin-1")
    assert record.full_name == "Zoë Kraus"


def test_wrong_explicit_encoding_is_a_clear_error() -> None:
    with pytest.raises(ImportFormatError, match=r"line 2: the file is not in utf-8"):
        read("Name\nZoë\n".encode("cp1252"), encoding="utf-8")
    with pytest.raises(ImportFormatError, match="unknown text encoding"):
        read("Name\n", encoding="klingon")


def test_semicolon_and_tab_delimiters() -> None:
    _s, (one,) = read("Vorname;Nachname;First Name;Last Name\n;;Ida;Berg\n")
    assert (one.first_name, one.last_name) == ("Ida", "Berg")
    _s, (two,) = read("first name\tlast name\temail\nOla\tNordmann\tola@example.no\n")
    assert two.emails == ["ola@example.no"]


def test_row_with_too_many_values_names_its_line(store: object) -> None:
    text = "First Name,Last Name\nA,B\nC,D\nE,F,G,H\nI,J\n"
    with pytest.raises(ImportFormatError, match=r"^line 4: 4 values, but the header on line 1"):
        import_contacts(text.encode(), "csv")
    assert Contact.select().count() == 0


def test_unclosed_quote_halfway_writes_nothing(store: object) -> None:
    rows = "".join(f"Person{i},Surname{i}\n" for i in range(50))
    text = "First Name,Last Name\n" + rows + 'Broken,"unterminated\n' + rows
    with pytest.raises(ImportFormatError, match=r"line 52: this row cannot be read as CSV"):
        import_contacts(text.encode(), "csv")
    assert Contact.select().count() == 0


def test_no_name_or_email_column_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="no column of the header on line 1"):
        read("Colour,Size\nred,3\n")


def test_empty_file_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="the file is empty"):
        read("\n\n")


def test_binary_file_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="NUL character"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_apostrophes_are_kept_in_files_the_app_did_not_write() -> None:
    """Point 12: "'=Smith" in someone else's file is what they typed."""
    _s, (record,) = read("First Name,Last Name,Phone,Notes\nAl,'=Smith,'+1 312 555 0100,'@x\n")
    assert record.last_name == "'=Smith"
    assert record.phones == ["'+1 312 555 0100"]
    assert record.notes == ["'@x"]


def test_mapping_can_be_changed_before_reading() -> None:
    source = open_import_source(b"Who,Where\nAnn Lee,Acme\n", "csv")
    assert source.layout is not None
    source.layout.mapping = {0: "full_name", 1: "company"}
    (record,) = read_records(source)
    assert record.name_parts() == ("Ann", "Lee") and record.company == "Acme"
