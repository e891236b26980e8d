"""Contacts as vCard 3.0 (written by vobject), the version every address book still reads.

Fields other address books have no place for (agency flag, client company, preferred channel,
cadence, time zone) travel as X-FOLLOWUP-* properties, so a round trip loses nothing.
"""

from __future__ import annotations

from pathlib import Path

import vobject

from followup_desktop.services.atomic_files import atomic_writer
from followup_desktop.services.exporters.exported_contacts import (
    ExportedContact,
    load_exported_contacts,
)

PRODUCT_ID = "-//Follow-up Desk//Contacts//EN"


def contact_to_vcard(contact: ExportedContact) -> str:
    card = vobject.vCard()
    card.add("prodid").value = PRODUCT_ID
    card.add("n").value = vobject.vcard.Name(family=contact.last_name, given=contact.first_name)
    card.add("fn").value = contact.full_name
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.role:
        card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.phone:
        phone = card.add("tel")
        phone.value = contact.phone
        phone.type_param = "WORK"
    if contact.address:
        address = card.add("adr")
        # One free-text address: kept whole in the street part, as address books show it.
        address.value = vobject.vcard.Address(street=contact.address)
        address.type_param = "WORK"
    if contact.social_handle:
        card.add("x-socialprofile").value = contact.social_handle
    if contact.notes:
        card.add("note").value = contact.notes
    own = {
        "x-followup-agency": "yes" if contact.is_agency else "",
        "x-followup-client-company": contact.client_company,
        "x-followup-channel": contact.preferred_channel,
        "x-followup-keep-in-touch-days": str(contact.keep_in_touch_days or ""),
        "x-followup-time-zone": contact.time_zone,
    }
    for name, value in own.items():
        if value:
            card.add(name).value = value
    return str(card.serialize())


def contacts_to_vcards(contacts: list[ExportedContact]) -> str:
    return "".join(contact_to_vcard(contact) for contact in contacts)


def export_contacts_vcard(target: Path, contact_ids: list[int] | None = None) -> int:
    """Write the contacts to ``target`` atomically; return how many were written."""
    contacts = load_exported_contacts(contact_ids)
    text = contacts_to_vcards(contacts)
    with atomic_writer(Path(target), "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return len(contacts)
