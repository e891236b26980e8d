"""Quirks of real vCard exporters, each reproduced by a small file of our own in samples/."""

from __future__ import annotations

from pathlib import Path

from followup_desktop.db.models import Company, Contact, Profile
from followup_desktop.services.importers.contact_import import import_contacts

SAMPLES = Path(__file__).parent / "samples"


def imported(name: str, **options: object) -> list[Contact]:
    plan, result = import_contacts((SAMPLES / name).read_bytes(), "vcf", name=name, **options)  # type: ignore[arg-type]
    assert result is not None, plan
    return list(Contact.select().order_by(Contact.id))


def previewed(name: str, **options: object):  # type: ignore[no-untyped-def]
    plan, _ = import_contacts(
        (SAMPLES / name).read_bytes(),
        "vcf",
        name=name,
        dry_run=True,
        **options,  # type: ignore[arg-type]
    )
    return plan


def test_1_a_property_name_with_a_space_skips_that_line_only(store: object) -> None:
    plan = previewed("google_talk_space_in_name.vcf")
    jovana = plan.items[0]
    assert jovana.outcome == "new" and plan.items[1].outcome == "new"
    assert "line 6: 'X-GOOGLE TALK;TYPE=WORK:jovana.markovic@gmail.com'" in jovana.reason
    assert "is not a vCard property; skipped" in jovana.reason
    assert "not kept: line 6" in jovana.placement
    contacts = imported("google_talk_space_in_name.vcf")
    assert [c.last_name for c in contacts] == ["Marković", "Ilić"]
    assert contacts[0].email == "jovana.markovic@talentbridge.example.rs"


def test_2_a_soft_break_before_the_next_property_does_not_swallow_it(store: object) -> None:
    (jovan,) = imported("outlook_qp_soft_break_before_property.vcf")
    assert (jovan.first_name, jovan.last_name) == ("Jovan", "Petrović")
    assert jovan.phone == "0995552188"
    assert jovan.email == "jovan.petrovic@example.rs"
    # a real continuation is still joined
    assert jovan.notes == "Zvati posle podne, ne pre 14h. Pitao za Beograd."


def test_3_eight_bit_values_without_charset_are_read_by_evidence(store: object) -> None:
    plan = previewed("outlook_qp_latin2_no_charset.vcf")
    assert plan.items[0].name == "Paweł Iksiński"
    assert any("read as CP1250" in notice for notice in plan.notices)
    (pawel,) = imported("outlook_qp_latin2_no_charset.vcf")
    assert (pawel.first_name, pawel.last_name) == ("Paweł", "Iksiński")
    assert pawel.address == "ul. Piękna 5\n50-001 Wrocław\nPolska"


def test_3_the_chosen_encoding_is_honoured_for_such_values(store: object) -> None:
    for encoding, expected in (
        ("iso-8859-2", "Paweł Iksiński"),
        ("cp1250", "Paweł Iksiński"),
        ("cp1252", "Pawe³ Iksiñski"),
    ):
        plan = previewed("outlook_qp_latin2_no_charset.vcf", encoding=encoding)
        assert plan.items[0].name == expected, encoding


def test_4_one_bad_byte_in_utf8_spoils_only_that_byte(store: object) -> None:
    milos, ana = imported("android_utf8_qp_one_bad_byte.vcf")
    assert (milos.first_name, milos.last_name) == ("Miloš", "Živković")
    assert Company.get_by_id(milos.company_id).name == "Kađerska služba \ufffdČačak"
    assert (ana.first_name, ana.last_name) == ("Ana", "Đorđević")


def test_5_a_colon_in_an_unquoted_parameter_stays_out_of_the_address(store: object) -> None:
    (sabine,) = imported("nextcloud_label_parameter_with_colon.vcf")
    assert sabine.address == "Louisenstraße 84\n61352 Bad Homburg\nGermany"
    assert "^n" not in sabine.address + sabine.notes
    assert "Address label: BHG01:, 61352 Bad Homburg, GERMANY" in sabine.notes


def test_6_numbers_get_no_invented_country(store: object) -> None:
    Profile.update(phone_region="US").execute()
    joerg, anja, jovan, till = imported("xing_numbers_without_country.vcf")
    assert joerg.phone == "034441/ 2 22 67"
    assert anja.phone == "49 631 234 341"
    assert jovan.phone == "0995552188"
    # the address's country reads the number
    assert till.phone == "+49 631 234341"


def test_6_the_users_own_region_reads_local_numbers(store: object) -> None:
    Profile.update(phone_region="DE").execute()
    joerg, anja, _jovan, _till = imported("xing_numbers_without_country.vcf")
    assert joerg.phone == "+49 34441 22267"
    # the German country code written without its "+"
    assert anja.phone == "+49 631 234341"


def test_7_voice_numbers_first_and_every_label_kept(store: object) -> None:
    (karin,) = imported("outlook_fax_and_pager_first.vcf")
    assert karin.phone == "+46 70 555 10 10" and karin.phone_label == "mobile"
    assert karin.email == "karin.lindqvist@nordhamn.example.se" and karin.email_label == "work"
    lines = karin.notes.splitlines()
    assert "Home e-mail: karin@lindqvist.example.se" in lines
    assert "Other e-mail: k.lindqvist@other.example.se" in lines
    assert "Work phone: +46 8 555 100 10" in lines
    assert "Home phone: +46 8 555 100 11" in lines
    assert "Work fax: +46 8 555 100 99" in lines
    assert "Pager: +46 8 555 100 98" in lines


def test_8_every_address_is_kept(store: object) -> None:
    (erik,) = imported("evolution_two_addresses.vcf")
    assert erik.address == "Drottninggatan 45\n111 21 Stockholm\nSweden"
    assert erik.address_label == "work"
    assert "Home address: Vasagatan 3, 753 20 Uppsala, Sweden" in erik.notes
    assert "Postal address: Box 1234, 111 79 Stockholm, Sweden" in erik.notes


def test_9_details_beyond_the_first_fields_are_stored_or_noted(store: object) -> None:
    plan = previewed("apple_every_kind_of_detail.vcf")
    placement = plan.items[0].placement
    assert "fields: role, company, department, e-mail, phone, birthday, websites" in placement
    assert "nickname" in placement and "not kept: photo" in placement
    maggie, oscar = imported("apple_every_kind_of_detail.vcf")
    assert (maggie.first_name, maggie.last_name) == ("Margaret Ann", "Whitfield")
    assert maggie.department == "People Operations, Talent Acquisition"
    assert maggie.birthday == "1981-06-14"
    assert maggie.websites == (
        "https://cobalt-health.example.com/careers\nhttps://maggie-writes.example.net"
    )
    assert maggie.role == "Head of Talent"
    notes = maggie.notes.splitlines()
    for line in (
        "Name prefix: Dr.",
        "Name suffix: PhD",
        "Nickname: Maggie",
        "Role: Hiring manager for data roles",
        "Spouse: Tom Whitfield",
        "Assistant: Priya Shah",
        "Anniversary: 2012-09-01",
        "IM (skype): maggie.whitfield",
        "IM (AIM): mwhitfield81",
        "Manager: Ruth Okoye",
        "Categories: Recruiters,Boston",
    ):
        assert line in notes, line
    assert oscar.birthday == "--03-02"
    assert "Other organisation: Boston Tech Meetup" in oscar.notes
    assert "Other title: Organiser" in oscar.notes


def test_10_email_only_records_and_organisation_cards(store: object) -> None:
    plan = previewed("android_email_only_and_company_card.vcf")
    nadia, jean, marlow = plan.items
    assert nadia.outcome == "new" and nadia.name == "Nadia El-Amin"
    assert "check it" in nadia.reason
    assert jean.name == "Jean Luc Moreau"
    assert marlow.kind == "company" and marlow.outcome == "new"
    imported("android_email_only_and_company_card.vcf")
    company = Company.get(Company.name == "Marlow Partners")
    assert company.website == "https://marlow-partners.example.co.uk"
    assert company.address == "88 Wood Street\nLondon\nEC2V 7RS\nUnited Kingdom"
    assert "Work phone: +44 20 7946 0321" in company.notes
    people = {c.email: c for c in Contact.select()}
    assert "please check" in people["nadia.elamin@example.com"].notes


def test_10_an_organisation_card_fills_a_known_company(store: object) -> None:
    Company.create(name="Marlow Partners", website="", address="")
    plan = previewed("android_email_only_and_company_card.vcf")
    assert plan.items[2].outcome == "merged"
    imported("android_email_only_and_company_card.vcf")
    (company,) = Company.select().where(Company.name == "Marlow Partners")
    assert company.website == "https://marlow-partners.example.co.uk"
