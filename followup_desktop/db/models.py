"""Peewee models of the store: profile, companies, contacts, stages, applications and their log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

#: Bound to a real SqliteDatabase by ``db.connection.open_store``; nothing connects at import.
database = pw.DatabaseProxy()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(pw.Model):
    # Peewee adds these at run time; declared so type checkers know them.
    id: int

    class Meta:
        database = database
        legacy_table_names = False


class Profile(BaseModel):
    """The user: contact block for letters, pitch, and the settings the follow-up rules use."""

    full_name = pw.TextField(default="")
    email = pw.TextField(default="")
    phone = pw.TextField(default="")
    address = pw.TextField(default="")
    qualifications = pw.TextField(default="")
    pitch = pw.TextField(default="")
    #: ISO 3166 region used to read phone numbers written without a country code.
    phone_region = pw.CharField(default="US", max_length=2)
    #: ISO weekdays (1 = Monday) that count as working days, e.g. "12345".
    working_days = pw.CharField(default="12345", max_length=7)
    #: Days off (holidays) as ISO dates separated by commas.
    days_off = pw.TextField(default="")
    answer_wait_days = pw.IntegerField(default=10)
    thank_you_delay_days = pw.IntegerField(default=1)
    keep_in_touch_days = pw.IntegerField(default=90)
    reminder_time = pw.CharField(default="09:00", max_length=5)
    note_font = pw.TextField(default="")
    note_ink = pw.CharField(default="ballpoint-blue", max_length=32)
    note_card_size = pw.CharField(default="A6", max_length=32)
    updated_at = pw.DateTimeField(default=_now)


class Setting(BaseModel):
    """Small named values (JSON text) that need no column of their own."""

    id: None  # type: ignore[assignment]  # keyed by name instead

    key = pw.CharField(primary_key=True, max_length=100)
    value = pw.TextField(default="")


class Company(BaseModel):
    """An employer or an agency."""

    name = pw.TextField()
    website = pw.TextField(default="")
    address = pw.TextField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("name",), False),)


class Contact(BaseModel):
    """A recruiter, HR person or interviewer; agency recruiters name their client company."""

    company_id: int | None
    client_company_id: int | None

    first_name = pw.TextField(default="")
    last_name = pw.TextField(default="")
    role = pw.TextField(default="")
    company = pw.ForeignKeyField(Company, null=True, backref="contacts", on_delete="SET NULL")
    is_agency = pw.BooleanField(default=False)
    client_company = pw.ForeignKeyField(
        Company, null=True, backref="agency_contacts", on_delete="SET NULL"
    )
    email = pw.TextField(default="")
    phone = pw.TextField(default="")
    address = pw.TextField(default="")
    time_zone = pw.TextField(default="")
    preferred_channel = pw.CharField(default="", max_length=16)
    social_handle = pw.TextField(default="")
    department = pw.TextField(default="")
    #: ISO date "YYYY-MM-DD", or "--MM-DD" when the year is not known; empty when unknown.
    birthday = pw.TextField(default="")
    #: Web addresses, one a line.
    websites = pw.TextField(default="")
    #: What the address book called the main number, e-mail and address ("cell", "work"…).
    phone_label = pw.TextField(default="")
    email_label = pw.TextField(default="")
    address_label = pw.TextField(default="")
    #: The address book's id of this person (vCard UID); empty: one is made from the store's id.
    uid = pw.TextField(default="")
    #: Keep-in-touch cadence in days; empty when the contact is not on a cadence.
    keep_in_touch_days = pw.IntegerField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("last_name", "first_name"), False),)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class Stage(BaseModel):
    """A pipeline column; closed stages end an application (accepted, rejected, withdrawn)."""

    name = pw.TextField(unique=True)
    position = pw.IntegerField()
    is_closed = pw.BooleanField(default=False)
    is_hidden = pw.BooleanField(default=False)
    #: What the stage means to the follow-up rules, kept when the user renames it.
    kind = pw.CharField(default="", max_length=16)


#: Distance between neighbouring card ranks after a renumbering: ten halvings fit in a gap, so
#: moving a card writes one row until a gap runs out.
RANK_GAP = 1024


class Application(BaseModel):
    """One job applied for (or wished for), placed in a stage at a rank."""

    company_id: int
    stage_id: int
    contact_id: int | None

    company = pw.ForeignKeyField(Company, backref="applications", on_delete="RESTRICT")
    position = pw.TextField()
    stage = pw.ForeignKeyField(Stage, backref="applications", on_delete="RESTRICT")
    #: Order within the stage, gapped so that a move usually rewrites one row.
    rank = pw.IntegerField(default=0)
    contact = pw.ForeignKeyField(Contact, null=True, backref="applications", on_delete="SET NULL")
    applied_on = pw.DateField(null=True)
    expected_answer_on = pw.DateField(null=True)
    source = pw.TextField(default="")
    link = pw.TextField(default="")
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)
    location = pw.TextField(default="")
    #: "onsite", "hybrid", "remote" or "" (not said).
    work_mode = pw.CharField(default="", max_length=8)
    #: The pay range in whole units of ``salary_currency`` per ``salary_period``.
    salary_min = pw.IntegerField(null=True)
    salary_max = pw.IntegerField(null=True)
    #: ISO 4217 code ("EUR"), or "" when not said.
    salary_currency = pw.CharField(default="", max_length=3)
    #: "year", "month", "hour" or "".
    salary_period = pw.CharField(default="", max_length=8)
    #: How much the user wants this job: 0 not said, 1 to 3.
    priority = pw.IntegerField(default=0)
    #: Free tags, ", " between them.
    tags = pw.TextField(default="")
    #: The last day to apply.
    apply_by = pw.DateField(null=True)
    #: The job posting's text as pasted (postings vanish once filled).
    description = pw.TextField(default="")

    class Meta:
        indexes = ((("stage", "archived", "rank"), False),)


class ApplicationContact(BaseModel):
    """Further people involved in an application besides its main contact."""

    application_id: int
    contact_id: int

    application = pw.ForeignKeyField(Application, backref="people", on_delete="CASCADE")
    contact = pw.ForeignKeyField(Contact, backref="application_links", on_delete="CASCADE")
    role = pw.TextField(default="")

    class Meta:
        indexes = ((("application", "contact"), True),)


class Interaction(BaseModel):
    """One logged conversation or event: a call, e-mail, note, interview, rejection, offer…"""

    application_id: int | None
    contact_id: int | None
    company_id: int | None

    application = pw.ForeignKeyField(
        Application, null=True, backref="interactions", on_delete="CASCADE"
    )
    contact = pw.ForeignKeyField(Contact, null=True, backref="interactions", on_delete="SET NULL")
    company = pw.ForeignKeyField(Company, null=True, backref="interactions", on_delete="CASCADE")
    occurred_at = pw.DateTimeField(default=_now)
    channel = pw.CharField(default="email", max_length=16)
    direction = pw.CharField(default="outbound", max_length=8)
    kind = pw.CharField(default="email", max_length=16)
    summary = pw.TextField(default="")
    open_questions = pw.TextField(default="")
    concerns = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = (
            (("company", "occurred_at"), False),
            (("contact", "occurred_at"), False),
            (("application", "occurred_at"), False),
        )


class FollowUp(BaseModel):
    """A planned step: who to reach, when, by which channel, and why."""

    application_id: int | None
    contact_id: int | None

    application = pw.ForeignKeyField(
        Application, null=True, backref="follow_ups", on_delete="CASCADE"
    )
    contact = pw.ForeignKeyField(Contact, null=True, backref="follow_ups", on_delete="SET NULL")
    due_on = pw.DateField()
    #: Optional time window on the due day, "HH:MM".
    window_start = pw.CharField(default="", max_length=5)
    window_end = pw.CharField(default="", max_length=5)
    channel = pw.CharField(default="email", max_length=8)
    reason = pw.CharField(default="manual", max_length=16)
    state = pw.CharField(default="planned", max_length=8)
    outcome = pw.TextField(default="")
    #: Set by the rules so planning twice finds the same follow-up; empty for manual ones.
    rule_key = pw.TextField(null=True, unique=True)
    #: True once the user rescheduled, skipped or completed it: rules never overwrite it then.
    user_changed = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=_now)
    completed_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = (
            (("due_on", "state"), False),
            (("application", "state", "due_on"), False),
        )


class Letter(BaseModel):
    """A draft or sent text, with the note layout options used to print it."""

    follow_up_id: int | None
    application_id: int | None
    contact_id: int | None

    follow_up = pw.ForeignKeyField(FollowUp, null=True, backref="letters", on_delete="SET NULL")
    application = pw.ForeignKeyField(
        Application, null=True, backref="letters", on_delete="SET NULL"
    )
    contact = pw.ForeignKeyField(Contact, null=True, backref="letters", on_delete="SET NULL")
    template = pw.TextField(default="")
    channel = pw.CharField(default="note", max_length=8)
    subject = pw.TextField(default="")
    body = pw.TextField(default="")
    card_size = pw.CharField(default="A6", max_length=32)
    folded = pw.BooleanField(default=False)
    landscape = pw.BooleanField(default=False)
    font = pw.TextField(default="")
    ink = pw.CharField(default="ballpoint-blue", max_length=32)
    neatness = pw.FloatField(default=0.5)
    seed = pw.IntegerField(default=1)
    state = pw.CharField(default="draft", max_length=8)
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)
    sent_at = pw.DateTimeField(null=True)


class Document(BaseModel):
    """A file attached to an application; the file itself is kept once per content."""

    application_id: int

    application = pw.ForeignKeyField(Application, backref="documents", on_delete="CASCADE")
    #: "resume", "cover_letter", "offer" or "other".
    kind = pw.CharField(default="other", max_length=16)
    #: The file's name when it was attached (what the user recognises it by).
    name = pw.TextField()
    #: SHA-256 of the content, in hex: the stored file's name.
    content_hash = pw.CharField(max_length=64, index=True)
    #: The name's extension (".pdf"), kept on the stored file so the system opens it right.
    suffix = pw.CharField(default="", max_length=16)
    size = pw.IntegerField()
    attached_at = pw.DateTimeField(default=_now)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Profile,
    Setting,
    Company,
    Contact,
    Stage,
    Application,
    ApplicationContact,
    Interaction,
    FollowUp,
    Letter,
    Document,
)


def id_column(model: type[BaseModel]) -> Any:
    """The id column as a query expression (the models type ``id`` as the int it holds)."""
    return model._meta.primary_key
