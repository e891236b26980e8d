"""Exported vCards others can read: a stable UID and a REV, the source's TYPE labels, lines
folded at 75 octets; read back by a second parser (vobject) and by khard where installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import vobject

from followup_desktop.db.models import Company, Contact
from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.records import ContactInput, save_contact

SAMPLES = Path(__file__).parent / "samples"
LONG_NOTE = "Встреча на ярмарке вакансий в Белграде; перезвонить после собеседования. " * 3


WITH_UID = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:4c1b2a3d-7e6f-4a5b-9c8d-1e2f3a4b5c6d\r\n"
    "N:Brandt;Ilse;;;\r\nFN:Ilse Brandt\r\nitem1.TEL:+49 30 5550 1234\r\n"
    "item1.X-ABLabel:assistant\r\nEND:VCARD\r\n"
)


def many_contacts(count: int) -> None:
    for index in range(count):
        save_contact(
            ContactInput(
                first_name=f"Jovana {index}",
                last_name="Marković",
                email=f"jovana.{index}@example.rs",
                notes=LONG_NOTE if index == 0 else "",
            )
        )


def exported(tmp_path: Path) -> bytes:
    target = tmp_path / "contacts.vcf"
    export_contacts_vcard(target)
    return target.read_bytes()


def test_every_card_has_a_stable_uid_and_a_revision(store: object, tmp_path: Path) -> None:
    many_contacts(5)
    first = exported(tmp_path)
    cards = list(vobject.readComponents(first.decode("utf-8")))
    uids = [card.uid.value for card in cards]
    assert len(set(uids)) == 5 and all(uids)
    assert all(card.rev.value.endswith("Z") for card in cards)
    # the same contacts exported again: the same UIDs
    again = [card.uid.value for card in vobject.readComponents(exported(tmp_path).decode())]
    assert again == uids


def test_lines_are_folded_at_75_octets_and_unfold_to_the_value(
    store: object, tmp_path: Path
) -> None:
    many_contacts(1)
    data = exported(tmp_path)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # never folded inside a character
    (card,) = vobject.readComponents(data.decode("utf-8"))
    assert card.note.value == Contact.get().notes


def test_the_sources_type_labels_and_new_fields_are_kept(store: object, tmp_path: Path) -> None:
    import_contacts((SAMPLES / "outlook_fax_and_pager_first.vcf").read_bytes(), "vcf")
    import_contacts((SAMPLES / "apple_every_kind_of_detail.vcf").read_bytes(), "vcf")
    import_contacts(WITH_UID.encode("utf-8"), "vcf")
    data = exported(tmp_path).decode("utf-8")
    cards = {card.fn.value: card for card in vobject.readComponents(data)}
    karin = cards["Karin Lindqvist"]
    assert karin.tel.params["TYPE"] == ["CELL"]
    assert karin.email.params["TYPE"] == ["INTERNET", "WORK"]
    maggie = next(card for name, card in cards.items() if "Whitfield" in name)
    assert maggie.org.value == ["Cobalt Health", "People Operations, Talent Acquisition"]
    assert maggie.bday.value == "1981-06-14"
    assert [u.value for u in maggie.contents["url"]] == [
        "https://cobalt-health.example.com/careers",
        "https://maggie-writes.example.net",
    ]
    # the address book's own UID is the one written back, with its custom label
    assert cards["Ilse Brandt"].uid.value == "urn:uuid:4c1b2a3d-7e6f-4a5b-9c8d-1e2f3a4b5c6d"
    assert "TYPE" not in cards["Ilse Brandt"].tel.params
    assert "X-ABLabel:assistant" in data
    before = sorted(_values(c) for c in Contact.select())
    Contact.delete().execute()
    Company.delete().execute()
    import_contacts(data.encode("utf-8"), "vcf")
    assert sorted(_values(c) for c in Contact.select()) == before
    # the contacts keep the identity they were exported with
    assert {c.uid for c in Contact.select()} == {card.uid.value for card in cards.values()}


def _values(contact: Contact) -> tuple[object, ...]:
    return (
        contact.first_name,
        contact.last_name,
        contact.department,
        contact.birthday,
        contact.websites,
        contact.phone,
        contact.phone_label,
        contact.email_label,
        contact.address_label,
    )


def _khard() -> str | None:
    found = shutil.which("khard") or str(Path(sys.executable).with_name("khard"))
    return found if Path(found).exists() else None


@pytest.mark.skipif(_khard() is None, reason="khard is not installed")
def test_khard_lists_every_exported_card(store: object, tmp_path: Path) -> None:
    many_contacts(47)
    data = exported(tmp_path).decode("utf-8")
    book = tmp_path / "book"
    book.mkdir()
    # khard reads an address book folder of one card a file (a vdir).
    for number, card in enumerate(data.split("BEGIN:VCARD")[1:]):
        (book / f"{number}.vcf").write_text("BEGIN:VCARD" + card, encoding="utf-8", newline="")
    config = tmp_path / "khard.conf"
    config.write_text(f"[addressbooks]\n[[export]]\npath = {book}\n", encoding="utf-8")
    khard = _khard()
    assert khard is not None
    listed = subprocess.run(
        [khard, "-c", str(config), "list", "--parsable"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "no UID" not in listed.stderr
    assert len(listed.stdout.splitlines()) == 47
