"""A vCard from each further exporter imports with the right name, e-mail, phone, company,
title and address (Windows Contacts, Highrise, FullContact, Thunderbird's CardBook)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_desktop.db.models import Company, Contact, Profile
from followup_desktop.services.importers.contact_import import import_contacts

SAMPLES = Path(__file__).parent / "samples"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "windows_contacts_2_1.vcf",
            (
                "Sigrid",
                "Haugen",
                "sigrid.haugen@fjordline.example.no",
                "+47 22 55 50 10",
                "Fjordline Rekruttering",
                "Rekrutteringsleder",
                "Karl Johans gate 12\n0154 Oslo\nNorway",
            ),
        ),
        (
            "highrise_3_0.vcf",
            (
                "Kofi",
                "Mensah",
                "kofi@goldcoast.example.com",
                "+1 404-555-0175",
                "Goldcoast Talent",
                "Account Manager",
                "55 Peachtree St NE\nAtlanta, GA 30303\nUnited States",
            ),
        ),
        (
            "fullcontact_3_0.vcf",
            (
                "Yui",
                "Tanaka",
                "yui.tanaka@sakura-careers.example.jp",
                "+81 90-5555-0123",
                "Sakura Careers",
                "Senior Recruiter",
                "〒100-0005\nTokyo\n1-1 Marunouchi\nChiyoda-ku\nJapan",
            ),
        ),
        (
            "cardbook_4_0.vcf",
            (
                "Lucie",
                "Dvořáková",
                "lucie.dvorakova@vltavahr.example.cz",
                "+420 222 555 010",
                "Vltava HR s.r.o.",
                "HR Business Partner",
                "Národní 10\n110 00 Praha\nCzech Republic",
            ),
        ),
    ],
)
def test_each_exporters_card(store: object, name: str, expected: tuple[str, ...]) -> None:
    Profile.update(phone_region="US").execute()
    _plan, result = import_contacts((SAMPLES / name).read_bytes(), "vcf", name=name)
    assert result is not None and result.created == 1
    (contact,) = Contact.select()
    company = Company.get_by_id(contact.company_id).name
    got = (
        contact.first_name,
        contact.last_name,
        contact.email,
        contact.phone,
        company,
        contact.role,
        contact.address,
    )
    assert got == expected
