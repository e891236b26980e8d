"""Load what the follow-up rules read from the store, for everything or for one change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from followup_desktop.db.models import (
    Application,
    Contact,
    Interaction,
    Profile,
    Stage,
    id_column,
)
from followup_desktop.db.reads import query_rows, tuple_rows
from followup_desktop.db.values import stored_date_or_none, stored_datetime
from followup_desktop.services.profile import get_profile
from followup_desktop.services.rules import (
    ApplicationFacts,
    ContactFacts,
    Facts,
    InteractionFacts,
    RuleSettings,
)
from followup_desktop.services.workdays import WorkCalendar

#: SQLite limits the number of bound values per statement; scopes are cut into chunks.
_CHUNK = 500


def rule_settings(today: dt.date | None = None, profile: Profile | None = None) -> RuleSettings:
    """The rule settings from the profile, for ``today`` (default: the real today)."""
    profile = profile or get_profile()
    return RuleSettings(
        calendar=WorkCalendar.from_settings(profile.working_days, profile.days_off),
        today=today or dt.date.today(),
        answer_wait_days=max(0, int(profile.answer_wait_days)),
        thank_you_delay_days=max(0, int(profile.thank_you_delay_days)),
        keep_in_touch_days=max(0, int(profile.keep_in_touch_days)),
    )


def id_chunks(ids: Collection[int]) -> list[list[int]]:
    """The ids sorted and cut into chunks small enough to bind in one statement."""
    items = sorted(ids)
    return [items[start : start + _CHUNK] for start in range(0, len(items), _CHUNK)]


def _application_query() -> Any:
    return Application.select(
        Application.id,
        Application.company,
        Application.contact,
        Stage.kind,
        Stage.is_closed,
        Application.archived,
        Application.applied_on,
        Application.expected_answer_on,
        Application.updated_at,
    ).join(Stage, on=(Application.stage == Stage.id))


def _applications(rows: Any) -> list[ApplicationFacts]:
    return [
        ApplicationFacts(
            id=app_id,
            company_id=company_id,
            contact_id=contact_id,
            stage_kind=kind or "",
            stage_closed=bool(closed),
            archived=bool(archived),
            applied_on=stored_date_or_none(applied),
            expected_answer_on=stored_date_or_none(expected),
            updated_on=stored_date_or_none(updated) or dt.date.today(),
        )
        for app_id, company_id, contact_id, kind, closed, archived, applied, expected, updated in (
            query_rows(rows)
        )
    ]


def _interaction_query() -> Any:
    return Interaction.select(
        Interaction.id,
        Interaction.application,
        Interaction.contact,
        Interaction.company,
        Interaction.occurred_at,
        Interaction.channel,
        Interaction.direction,
        Interaction.kind,
    )


def _interactions(rows: Any) -> list[InteractionFacts]:
    return [
        InteractionFacts(
            item_id,
            app_id,
            contact_id,
            company_id,
            stored_datetime(occurred),
            channel,
            direction,
            kind,
        )
        for item_id, app_id, contact_id, company_id, occurred, channel, direction, kind in (
            query_rows(rows)
        )
    ]


def _contact_query() -> Any:
    return Contact.select(
        Contact.id,
        Contact.preferred_channel,
        Contact.keep_in_touch_days,
        Contact.email,
        Contact.phone,
        Contact.created_at,
    )


def _contacts(rows: Any) -> dict[int, ContactFacts]:
    return {
        contact_id: ContactFacts(
            id=contact_id,
            preferred_channel=channel or "",
            keep_in_touch_days=cadence,
            has_email=bool(email),
            has_phone=bool(phone),
            created_on=stored_date_or_none(created) or dt.date(2000, 1, 1),
        )
        for contact_id, channel, cadence, email, phone, created in query_rows(rows)
    }


def load_all_facts() -> Facts:
    """Facts for every application and contact in the store."""
    contacts = _contacts(_contact_query())
    return Facts(
        applications=_applications(_application_query().order_by(Application.id)),
        interactions=_interactions(_interaction_query().order_by(Interaction.id)),
        contacts=contacts,
        contact_ids=sorted(contacts),
    )


def expand_scope(
    application_ids: Collection[int], contact_ids: Collection[int]
) -> tuple[set[int], set[int]]:
    """Everything one change can affect: the applications' contacts, and the contacts'
    applications (their channel or cadence changes those plans too)."""
    apps = set(application_ids)
    contacts = set(contact_ids)
    for chunk in id_chunks(apps):
        rows = Application.select(Application.contact).where(id_column(Application).in_(chunk))
        contacts.update(cid for (cid,) in tuple_rows(rows) if cid is not None)
        log = Interaction.select(Interaction.contact).where(
            Interaction.application.in_(chunk) & Interaction.contact.is_null(False)
        )
        contacts.update(cid for (cid,) in tuple_rows(log))
    # A contact's keep-in-touch depends on all their applications (a rejection in any of them).
    for chunk in id_chunks(contacts):
        rows = Application.select(Application.id).where(Application.contact.in_(chunk))
        apps.update(app_id for (app_id,) in tuple_rows(rows))
        log = Interaction.select(Interaction.application).where(
            Interaction.contact.in_(chunk) & Interaction.application.is_null(False)
        )
        apps.update(app_id for (app_id,) in tuple_rows(log))
    return apps, contacts


def load_scoped_facts(application_ids: Collection[int], contact_ids: Collection[int]) -> Facts:
    """Facts for these applications and contacts (already expanded with ``expand_scope``)."""
    applications: list[ApplicationFacts] = []
    company_ids: set[int] = set()
    interactions: dict[int, InteractionFacts] = {}
    for chunk in id_chunks(application_ids):
        found = _applications(_application_query().where(id_column(Application).in_(chunk)))
        applications.extend(found)
        company_ids.update(app.company_id for app in found)
        for item in _interactions(_interaction_query().where(Interaction.application.in_(chunk))):
            interactions[item.id] = item
    for chunk in id_chunks(company_ids):
        query = _interaction_query().where(
            Interaction.company.in_(chunk) & Interaction.application.is_null(True)
        )
        for item in _interactions(query):
            interactions[item.id] = item
    contacts: dict[int, ContactFacts] = {}
    needed_contacts = set(contact_ids) | {
        app.contact_id for app in applications if app.contact_id is not None
    }
    needed_contacts |= {i.contact_id for i in interactions.values() if i.contact_id is not None}
    for chunk in id_chunks(needed_contacts):
        contacts.update(_contacts(_contact_query().where(id_column(Contact).in_(chunk))))
    for chunk in id_chunks(contact_ids):
        for item in _interactions(_interaction_query().where(Interaction.contact.in_(chunk))):
            interactions[item.id] = item
    return Facts(
        applications=sorted(applications, key=lambda app: app.id),
        interactions=sorted(interactions.values(), key=lambda item: item.id),
        contacts=contacts,
        contact_ids=sorted(cid for cid in contact_ids if cid in contacts),
    )
