"""Fuzzing both importers: any bytes either import or fail with a clear error, writing nothing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_desktop.db.models import Company, Contact, database
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.importers.contact_record import ImportFormatError

FUZZ = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def _no_fsync(store: object) -> None:
    # Hundreds of small commits: durability is not what these tests are about.
    database.execute_sql("PRAGMA synchronous=OFF")


def snapshot() -> tuple[int, int, Any]:
    return (
        Contact.select().count(),
        Company.select().count(),
        Contact.select(Contact.id).order_by(Contact.id.desc()).scalar(),
    )


def import_or_refuse(data: bytes, kind: str) -> None:
    before = snapshot()
    try:
        plan, result = import_contacts(data, kind, name="fuzz")
    except ImportFormatError as error:
        message = str(error)
        assert message and "\n" not in message
        assert snapshot() == before
        return
    assert result is not None
    counted = result.created + result.merged + result.skipped + result.company_cards
    assert counted == len(plan.items)
    assert snapshot()[0] == before[0] + result.created
    # Start the next example from an empty store so each one stays quick.
    Contact.delete().execute()
    Company.delete().execute()


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FF), max_size=16
)
_PROPERTY_NAMES = st.sampled_from(
    [
        "N",
        "FN",
        "EMAIL",
        "TEL",
        "ADR",
        "ORG",
        "TITLE",
        "NOTE",
        "TZ",
        "URL",
        "LABEL",
        "PHOTO",
        "X-SOCIALPROFILE",
        "X-FOLLOWUP-AGENCY",
        "X-FOLLOWUP-KEEP-IN-TOUCH-DAYS",
        "X-ABShowAs",
        "item1.EMAIL",
        "VERSION",
        "BEGIN",
        "END",
        "x-odd_name",
    ]
)
_PARAMS = st.sampled_from(
    [
        "",
        ";TYPE=pref",
        ";PREF=1",
        ";ENCODING=QUOTED-PRINTABLE",
        ";CHARSET=ISO-8859-1",
        ";ENCODING=QUOTED-PRINTABLE;CHARSET=bogus",
        ";ENCODING=b",
        ";VALUE=uri",
        ";WORK;VOICE",
        ';TYPE="a,b"',
        ';X="unclosed',
    ]
)
_VALUES = st.one_of(
    _TEXT,
    st.sampled_from(
        [
            "VCARD",
            "=C3=BC=",
            "tel:+1-555-0100;ext=2",
            "a@b.co",
            ";;;;",
            "\\n\\,\\;",
            "America/Chicago",
            "yes",
            "-5",
            "x@",
            "=\r\n",
            "COMPANY",
        ]
    ),
)
_VCARD_LINE = st.one_of(
    st.builds(lambda n, p, v: f"{n}{p}:{v}", _PROPERTY_NAMES, _PARAMS, _VALUES),
    st.sampled_from(
        [
            "BEGIN:VCARD",
            "END:VCARD",
            "VERSION:2.1",
            "VERSION:4.0",
            " folded",
            "",
            "\t",
            "=",
            "no colon here",
        ]
    ),
)
_VCARD_TEXT = st.lists(_VCARD_LINE, max_size=14).map(
    lambda lines: "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"])
)
_HEADERS = st.sampled_from(
    [
        "First Name",
        "Last Name",
        "Email Address",
        "E-mail 1 - Value",
        "Company",
        "Phone",
        "Business Phone",
        "Notes",
        "URL",
        "Connected On",
        "Name",
        "Agency",
        "Keep in touch (days)",
        "Time zone",
        "Preferred channel",
        "Street",
        "Junk",
        "",
    ]
)
_CELL = st.one_of(
    _TEXT, st.sampled_from(['"', '""', "'=1+1", "a ::: b", "x@y.org", "+44 20 7946 0958", ","])
)


@st.composite
def _csv_text(draw: st.DrawFn) -> str:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    preamble = draw(st.lists(_TEXT, max_size=2))
    header = draw(st.lists(_HEADERS, min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(_CELL, max_size=7), max_size=5))
    lines = [*preamble, delimiter.join(header)]
    lines += [delimiter.join(row) for row in rows]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@FUZZ
@given(data=st.binary(max_size=1500))
def test_vcard_importer_with_arbitrary_bytes(store: object, data: bytes) -> None:
    import_or_refuse(data, "vcf")


@FUZZ
@given(text=_VCARD_TEXT, encoding=_ENCODINGS)
def test_vcard_importer_with_structured_garbage(store: object, text: str, encoding: str) -> None:
    import_or_refuse(_encode(text, encoding), "vcf")


@FUZZ
@given(data=st.binary(max_size=1500))
def test_csv_importer_with_arbitrary_bytes(store: object, data: bytes) -> None:
    import_or_refuse(data, "csv")


@FUZZ
@given(text=_csv_text(), encoding=_ENCODINGS)
def test_csv_importer_with_structured_garbage(store: object, text: str, encoding: str) -> None:
    import_or_refuse(_encode(text, encoding), "csv")
