"""The import preview: each record becomes new, merged (same e-mail, or same name and company) or
skipped with its reason, before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from followup_desktop.db.models import Company, Contact
from followup_desktop.db.reads import tuple_rows
from followup_desktop.services.contact_queries import CLIENT_COMPANY, select_contacts_with_companies
from followup_desktop.services.importers.contact_record import ContactRecord
from followup_desktop.services.importers.record_cleaning import (
    CleanedCompany,
    CleanedRecord,
    RecordCleaner,
)
from followup_desktop.services.profile import get_profile
from followup_desktop.services.validation import home_region

NEW = "new"
MERGED = "merged"
SKIPPED = "skipped"

#: Fields an import may fill on a contact that already exists (only where they are empty).
MERGE_FIELDS = (
    "role",
    "company",
    "department",
    "email",
    "phone",
    "address",
    "birthday",
    "websites",
    "time_zone",
    "preferred_channel",
    "social_handle",
    "client_company",
    "keep_in_touch_days",
    "uid",
)
#: Set together with the field they describe.
_LABEL_OF = {"email": "email_label", "phone": "phone_label", "address": "address_label"}
#: What the preview calls the app's fields when it says where a record's values go.
FIELD_NAMES = {
    "role": "role",
    "company": "company",
    "department": "department",
    "email": "e-mail",
    "phone": "phone",
    "address": "address",
    "birthday": "birthday",
    "websites": "websites",
    "time_zone": "time zone",
    "social_handle": "social profile",
}
CONTACT, COMPANY = "contact", "company"


@dataclass(slots=True)
class PlannedContact:
    """What the import will do with one record of the file."""

    source: str
    outcome: str
    reason: str
    name: str
    email: str = ""
    company: str = ""
    #: NEW: every field of the contact to create; MERGED: only the fields to change.
    values: dict[str, Any] = field(default_factory=dict)
    #: MERGED into a contact already in the store.
    contact_id: int | None = None
    #: MERGED into a contact this same import creates (index in ``ImportPlan.items``).
    merged_into: int | None = None
    #: CONTACT, or COMPANY for an organisation's own card (``values`` then fill the company).
    kind: str = CONTACT
    #: Where the record's values go and what is not kept: "birthday → birthday; nickname →
    #: notes; not kept: photo".
    placement: str = ""


@dataclass
class ImportPlan:
    source_name: str
    items: list[PlannedContact]
    #: Remarks on the whole file: the export recognised, a character set guessed.
    notices: list[str] = field(default_factory=list)

    def count(self, outcome: str, kind: str = CONTACT) -> int:
        """How many records of ``kind`` (contacts unless told) have this outcome."""
        return sum(1 for item in self.items if item.outcome == outcome and item.kind == kind)

    def summary(self) -> str:
        companies = self.count(NEW, COMPANY) + self.count(MERGED, COMPANY)
        noun = "company from its own card" if companies == 1 else "companies from their own cards"
        extra = f"; {companies} {noun}" if companies else ""
        return (
            f"{self.count(NEW)} new, {self.count(MERGED)} merged, {self.count(SKIPPED)} skipped"
            f"{extra}"
        )

    @property
    def writes_anything(self) -> bool:
        return any(item.outcome in (NEW, MERGED) for item in self.items)


@dataclass
class _Known:
    """A contact the import can merge into: one of the store or one it is about to create."""

    values: dict[str, Any]
    label: str
    contact_id: int | None = None
    item_index: int | None = None


def _name_key(values: dict[str, Any]) -> tuple[str, str, str]:
    return (
        str(values["first_name"]).casefold(),
        str(values["last_name"]).casefold(),
        str(values.get("company") or "").casefold(),
    )


_STORED_FIELDS = (
    "first_name",
    "last_name",
    "role",
    "company",
    "email",
    "phone",
    "address",
    "time_zone",
    "preferred_channel",
    "social_handle",
    "is_agency",
    "client_company",
    "keep_in_touch_days",
    "notes",
    "department",
    "birthday",
    "websites",
    "uid",
)


def _existing_contacts() -> list[_Known]:
    query = select_contacts_with_companies(
        Contact.id,
        Contact.first_name,
        Contact.last_name,
        Contact.role,
        Company.name,
        Contact.email,
        Contact.phone,
        Contact.address,
        Contact.time_zone,
        Contact.preferred_channel,
        Contact.social_handle,
        Contact.is_agency,
        CLIENT_COMPANY.name,
        Contact.keep_in_touch_days,
        Contact.notes,
        Contact.department,
        Contact.birthday,
        Contact.websites,
        Contact.uid,
    )
    known = []
    for contact_id, *stored in tuple_rows(query):
        values = dict(zip(_STORED_FIELDS, stored, strict=True))
        values["company"] = values["company"] or ""
        values["client_company"] = values["client_company"] or ""
        values["is_agency"] = bool(values["is_agency"])
        name = " ".join(x for x in (values["first_name"], values["last_name"]) if x)
        known.append(_Known(values, name, contact_id=contact_id))
    return known


def plan_import(
    records: list[ContactRecord],
    source_name: str = "",
    *,
    phone_region: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    notices: list[str] | None = None,
) -> ImportPlan:
    """Decide, record by record, what importing would do; reads the store, writes nothing."""
    region = home_region(phone_region if phone_region is not None else get_profile().phone_region)
    companies = _existing_companies()
    by_email: dict[str, _Known] = {}
    by_name: dict[tuple[str, str, str], _Known] = {}
    for known in _existing_contacts():
        if known.values["email"]:
            by_email.setdefault(str(known.values["email"]).casefold(), known)
        by_name.setdefault(_name_key(known.values), known)
    items: list[PlannedContact] = []
    cleaner = RecordCleaner(region)
    for number, record in enumerate(records):
        if progress is not None and number % 500 == 0:
            progress(number, len(records))
        cleaned = cleaner.clean(record)
        if isinstance(cleaned, str):
            item = PlannedContact(record.source, SKIPPED, cleaned, _label(record))
            item.placement = _placement(record, {})
            items.append(item)
            continue
        if isinstance(cleaned, CleanedCompany):
            items.append(_planned_company(record, cleaned, companies))
            continue
        values = cleaned.values
        match, why = _find_match(cleaned, by_email, by_name)
        if match is None:
            item = _planned(record.source, NEW, "; ".join(cleaned.warnings), values)
            item.placement = _placement(record, values)
            # Later records of the file merge into this very dict, so it is created complete.
            known = _Known(item.values, record.source, item_index=len(items))
            for email in cleaned.emails:
                by_email.setdefault(email.casefold(), known)
            by_name.setdefault(_name_key(values), known)
            items.append(item)
            continue
        changes = _merge_changes(match.values, values)
        where = f"{match.label} in this file" if match.item_index is not None else match.label
        if not changes:
            item = _planned(
                record.source, SKIPPED, f"already known as {where} ({why}), nothing new", values
            )
            item.placement = _placement(record, values)
            items.append(item)
            continue
        match.values.update(changes)
        # What the merge added (an e-mail, a company) must find this contact for later records.
        for email in cleaned.emails:
            by_email.setdefault(email.casefold(), match)
        by_name.setdefault(_name_key(match.values), match)
        reason = "; ".join(
            [f"{why}: adds {', '.join(_labels(changes))} to {where}", *cleaned.warnings]
        )
        item = _planned(record.source, MERGED, reason, values)
        item.placement = _placement(record, changes)
        item.values = changes
        item.contact_id = match.contact_id
        item.merged_into = match.item_index
        items.append(item)
    if progress is not None:
        progress(len(records), len(records))
    return ImportPlan(source_name, items, list(notices or []))


def _existing_companies() -> dict[str, tuple[int, str, str]]:
    """Company name (case-folded) → (id, website, address) of the companies in the store."""
    rows = tuple_rows(Company.select(Company.id, Company.name, Company.website, Company.address))
    return {str(name).casefold(): (cid, website, address) for cid, name, website, address in rows}


def _planned_company(
    record: ContactRecord, cleaned: CleanedCompany, known: dict[str, tuple[int, str, str]]
) -> PlannedContact:
    """An organisation's card creates its company, or fills its empty website and address."""
    values = {
        "name": cleaned.name,
        "website": cleaned.website,
        "address": cleaned.address,
        "notes": cleaned.notes,
    }
    found = known.get(cleaned.name.casefold())
    item = PlannedContact(record.source, NEW, "", cleaned.name, company=cleaned.name, kind=COMPANY)
    item.placement = "the organisation's card → company" + (
        f"; not kept: {', '.join(record.not_kept)}" if record.not_kept else ""
    )
    warnings = list(cleaned.warnings)
    if found is None:
        item.values = values
        item.reason = "; ".join(["an organisation's card: a new company", *warnings])
        known[cleaned.name.casefold()] = (-1, cleaned.website, cleaned.address)
        return item
    company_id, website, address = found
    changes = {
        key: values[key]
        for key, old in (("website", website), ("address", address))
        if values[key] and not old
    }
    if not changes:
        item.outcome = SKIPPED
        item.reason = f"the company {cleaned.name} is already known, nothing new"
        return item
    item.outcome = MERGED
    item.contact_id = company_id if company_id > 0 else None
    item.values = changes
    item.reason = "; ".join(
        [f"an organisation's card: adds {' and '.join(changes)} to {cleaned.name}", *warnings]
    )
    return item


def _placement(record: ContactRecord, values: dict[str, Any]) -> str:
    """Where the record's values go: the fields filled, what went to the notes, what not kept."""
    filled = [FIELD_NAMES[key] for key in FIELD_NAMES if values.get(key)]
    parts = [f"fields: {', '.join(filled)}"] if filled else []
    to_notes = [
        entry.removesuffix(" → notes") for entry in record.placed if entry.endswith("→ notes")
    ]
    if len(record.phones) > 1:
        to_notes.append("other phones")
    if len(record.emails) > 1:
        to_notes.append("other e-mails")
    if len(record.addresses) > 1:
        to_notes.append("other addresses")
    if to_notes:
        parts.append(f"to notes: {', '.join(to_notes)}")
    if record.not_kept:
        parts.append(f"not kept: {', '.join(record.not_kept)}")
    return "; ".join(parts)


def _planned(source: str, outcome: str, reason: str, values: dict[str, Any]) -> PlannedContact:
    name = " ".join(x for x in (values["first_name"], values["last_name"]) if x)
    return PlannedContact(
        source, outcome, reason, name, str(values["email"]), str(values["company"]), dict(values)
    )


def _label(record: ContactRecord) -> str:
    first, last = record.name_parts()
    return " ".join(x for x in (first, last) if x) or (record.emails[0] if record.emails else "")


def _find_match(
    cleaned: CleanedRecord,
    by_email: dict[str, _Known],
    by_name: dict[tuple[str, str, str], _Known],
) -> tuple[_Known | None, str]:
    for email in cleaned.emails:
        found = by_email.get(email.casefold())
        if found is not None:
            return found, "same e-mail"
    found = by_name.get(_name_key(cleaned.values))
    if found is not None:
        known_email = str(found.values.get("email") or "").casefold()
        if cleaned.emails and known_email and known_email not in cleaned.emails:
            # Two different addresses: two people who share a name at one company.
            return None, ""
        return found, "same name and company"
    return None, ""


_FIELD_LABELS = {
    "role": "role",
    "company": "company",
    "department": "department",
    "birthday": "birthday",
    "websites": "websites",
    "uid": "address-book id",
    "email_label": "e-mail label",
    "phone_label": "phone label",
    "address_label": "address label",
    "email": "e-mail",
    "phone": "phone",
    "address": "address",
    "time_zone": "time zone",
    "preferred_channel": "channel",
    "social_handle": "social profile",
    "client_company": "client company",
    "keep_in_touch_days": "cadence",
    "is_agency": "agency flag",
    "notes": "notes",
}


def _labels(changes: dict[str, Any]) -> list[str]:
    return [_FIELD_LABELS.get(key, key) for key in changes if not key.endswith("_label")]


def _merge_changes(current: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """Fill what the known contact lacks; never overwrite. Differing e-mails and phones and new
    notes are appended to its notes so nothing from the file is lost."""
    changes: dict[str, Any] = {}
    extra_notes: list[str] = []
    for key in MERGE_FIELDS:
        new = incoming.get(key)
        if new in (None, ""):
            continue
        old = current.get(key)
        if old in (None, ""):
            changes[key] = new
            if key in _LABEL_OF and incoming.get(_LABEL_OF[key]):
                changes[_LABEL_OF[key]] = incoming[_LABEL_OF[key]]
        elif key == "email" and str(old).casefold() != str(new).casefold():
            extra_notes.append(f"Other e-mail: {new}")
        elif key == "phone" and old != new:
            extra_notes.append(f"Other phone: {new}")
    if incoming.get("is_agency") and not current.get("is_agency"):
        changes["is_agency"] = True
    old_notes = str(current.get("notes") or "")
    incoming_notes = [line for line in str(incoming.get("notes") or "").split("\n") if line]
    added = _new_note_lines(old_notes, [*incoming_notes, *extra_notes])
    if added:
        changes["notes"] = "\n".join(x for x in (old_notes, *added) if x)
    return changes


def _new_note_lines(old_notes: str, lines: list[str]) -> list[str]:
    seen = set(old_notes.split("\n"))
    added = []
    for line in lines:
        if line not in seen:
            seen.add(line)
            added.append(line)
    return added
