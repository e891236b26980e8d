"""Letter templates with visible slots, filled from the store; missing data is reported.

A template is plain text. ``{slot_name}`` is a slot, filled from the profile, the application,
the contact or the last logged conversation. A part in square brackets, ``[like {this}]``, is
optional: it is kept only when every slot inside it has data, so a template can mention a concern
without printing an empty one. A slot that stays unfilled is kept as ``{slot_name}`` in the draft
(the editor highlights it and printing refuses it), never printed raw.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from followup_desktop.db.models import Application, Company, Contact, Interaction, Profile
from followup_desktop.resources import resource_path
from followup_desktop.services.atomic_files import atomic_write_text
from followup_desktop.services.profile import get_profile

SLOT = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
TEMPLATE_SUFFIX = ".txt"

#: Every slot a template may use, with what it is filled from (shown in the editor).
SLOT_HELP: dict[str, str] = {
    "first_name": "the contact's first name",
    "full_name": "the contact's full name",
    "greeting_name": "the contact's first name, or the company's hiring team",
    "contact_role": "the contact's role",
    "company": "the company of the application",
    "client_company": "the agency's client company",
    "position": "the position applied for",
    "applied_date": "when you applied",
    "meeting_kind": "the last conversation: interview, call, meeting…",
    "meeting_date": "the day of the last conversation",
    "topic": "what you talked about in the last conversation",
    "open_question": "an open question from the last conversation",
    "concern": "a concern raised in the last conversation",
    "my_name": "your name",
    "my_email": "your e-mail",
    "my_phone": "your phone number",
    "my_qualifications": "your qualifications",
}

_MEETING_WORDS = {
    "interview": "interview",
    "call": "call",
    "meeting": "meeting",
    "conversation": "conversation",
    "email": "e-mail exchange",
    "note": "note",
    "offer": "conversation",
    "rejection": "message",
}
#: Kinds of log entries that count as a conversation to refer back to.
CONVERSATION_KINDS = (
    "interview",
    "conversation",
    "call",
    "meeting",
    "offer",
    "rejection",
    "email",
    "note",
)
#: Kinds that are a real talk, preferred over a later e-mail or note when filling slots.
_TALK_KINDS = ("interview", "conversation", "call", "meeting")


@dataclass(frozen=True)
class Template:
    """A template as stored: its key (file name), title, subject line and body."""

    key: str
    title: str
    subject: str
    body: str
    builtin: bool = True


@dataclass(frozen=True)
class FilledTemplate:
    subject: str
    body: str
    #: Slots that had no data, in order of first use; they stay visible in the draft.
    missing: list[str] = field(default_factory=list)


def parse_template(key: str, text: str, *, builtin: bool = True) -> Template:
    """Read the ``Title:`` and ``Subject:`` header lines, then a blank line, then the body."""
    title, subject = key.replace("_", " ").capitalize(), ""
    lines = text.replace("\r\n", "\n").split("\n")
    body_start = 0
    for index, line in enumerate(lines):
        if not line.strip():
            body_start = index + 1
            break
        name, sep, value = line.partition(":")
        if not sep or name.strip().lower() not in ("title", "subject"):
            body_start = 0
            title, subject = key.replace("_", " ").capitalize(), ""
            break
        if name.strip().lower() == "title":
            title = value.strip()
        else:
            subject = value.strip()
    body = "\n".join(lines[body_start:]).strip("\n")
    return Template(key, title, subject, body, builtin)


def template_text(template: Template) -> str:
    """The file text of a template (the inverse of ``parse_template``)."""
    return f"Title: {template.title}\nSubject: {template.subject}\n\n{template.body}\n"


def load_templates(*folders: Path) -> list[Template]:
    """Templates from the built-in folder and the user's folder; a user's file wins on its key."""
    found: dict[str, Template] = {}
    for number, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            found[path.stem] = parse_template(path.stem, text, builtin=number == 0)
    return list(found.values())


def builtin_templates_folder() -> Path:
    return resource_path("templates")


def user_templates_folder(data_root: Path) -> Path:
    """Where the user's own templates live, inside the data folder (backed up with it)."""
    return data_root / "templates"


def template_key(title: str) -> str:
    """The file name (without suffix) of a template with this title."""
    return re.sub(r"[^a-z0-9]+", "_", title.strip().lower()).strip("_") or "my_template"


def save_user_template(
    data_root: Path, *, title: str, subject: str, body: str, current: Template | None = None
) -> Template:
    """Keep a text with its {slots} as one of the user's templates; raises OSError.

    Saving under the title of ``current`` (the template the text came from) updates that one.
    """
    title = title.strip()
    key = current.key if current is not None and current.title == title else template_key(title)
    template = Template(key, title, subject.strip(), body, False)
    atomic_write_text(
        user_templates_folder(data_root) / f"{key}{TEMPLATE_SUFFIX}", template_text(template)
    )
    return template


def all_templates(data_root: Path | None = None) -> list[Template]:
    folders = [builtin_templates_folder()]
    if data_root is not None:
        folders.append(user_templates_folder(data_root))
    return load_templates(*folders)


#: Which template suits which follow-up reason.
TEMPLATE_FOR_REASON = {
    "thank_you": "thank_you",
    "status_check": "status_check",
    "rejection_reply": "rejection_reply",
    "keep_in_touch": "keep_in_touch",
}


def slots_in(text: str) -> list[str]:
    """The slot names used in ``text``, each once, in order."""
    seen: list[str] = []
    for name in SLOT.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def unfilled_slots(text: str) -> list[str]:
    """Slots still written as ``{name}`` in a draft: a draft with any is not ready to print."""
    return [name for name in slots_in(text) if name in SLOT_HELP]


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """Fill the slots of ``text``; return the text and the slots with no value.

    Optional parts whose slots lack data are dropped with the space before them.
    """
    missing: list[str] = []

    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not SLOT.search(inner):
            return match.group(0)  # brackets the writer typed, not an optional part
        if all(values.get(name, "").strip() for name in SLOT.findall(inner)):
            return inner
        return "\x00"

    text = _OPTIONAL.sub(optional, text)
    text = re.sub(r"[ \t]*\x00", "", text)

    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, "").strip()
        if value:
            return value
        if name not in missing:
            missing.append(name)
        return match.group(0)

    return SLOT.sub(slot, text), missing


def fill_template(
    template: Template, values: Mapping[str, str], *, channel: str = "note"
) -> FilledTemplate:
    """Fill a template for a channel: an e-mail ends with the sender's contact lines.

    (A letter page prints them in its sender block, a card offers its own contact line.)
    """
    subject, missing_subject = fill(template.subject, values)
    body, missing_body = fill(template.body, values)
    if channel == "email":
        contact = [values[name] for name in ("my_email", "my_phone") if values.get(name)]
        if contact and not all(line in body for line in contact):
            body = body.rstrip("\n") + "\n" + "\n".join(contact)
    missing = missing_body + [name for name in missing_subject if name not in missing_body]
    return FilledTemplate(subject, body, missing)


# --- where the values come from ----------------------------------------------------------


def format_day(day: dt.date) -> str:
    """A day as a letter says it: "Tuesday, 3 March"."""
    return f"{day:%A}, {day.day} {day:%B}"


def topic_from_summary(summary: str) -> str:
    """The subject of a logged conversation, from its summary.

    "First interview; we talked about the launch." gives "the launch". A summary without an
    "about" is used whole, without its final full stop.
    """
    text = " ".join(summary.split())
    for line in summary.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() in ("topic", "topics"):
            return value.strip().rstrip(".")
    lowered = text.lower()
    marker = lowered.rfind(" about ")
    if marker >= 0:
        return text[marker + len(" about ") :].strip().rstrip(".")
    return text.rstrip(".")


def first_item(text: str) -> str:
    """The first of several questions or concerns written one a line."""
    for line in text.splitlines():
        line = line.strip().lstrip("-•* ").strip()
        if line:
            return line
    return ""


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def last_conversation(application_id: int | None, contact_id: int | None) -> Interaction | None:
    """The latest logged conversation with this application or contact."""
    condition = None
    if application_id is not None:
        condition = Interaction.application == application_id
    if contact_id is not None:
        by_contact = Interaction.contact == contact_id
        condition = by_contact if condition is None else (condition | by_contact)
    if condition is None:
        return None
    query = (
        Interaction.select()
        .where(
            condition & Interaction.kind.in_(CONVERSATION_KINDS) & (Interaction.kind != "applied")
        )
        .order_by(Interaction.occurred_at.desc(), pw.SQL("id DESC"))
    )
    # A conversation (interview, call, meeting) says more than a sent e-mail or note.
    entries = list(query.limit(20))
    for entry in entries:
        if entry.kind in _TALK_KINDS:
            return entry
    return entries[0] if entries else None


def slot_values(
    *,
    profile: Profile | None = None,
    application: Application | None = None,
    contact: Contact | None = None,
    conversation: Interaction | None = None,
) -> dict[str, str]:
    """The value of every slot that has data; slots without data are absent."""
    values: dict[str, str] = {}

    def put(name: str, value: object) -> None:
        text = str(value or "").strip()
        if text:
            values[name] = text

    if profile is not None:
        put("my_name", profile.full_name)
        put("my_email", profile.email)
        put("my_phone", profile.phone)
        put("my_qualifications", profile.qualifications)
    company: Company | None = None
    if application is not None:
        company = application.company
        put("position", application.position)
        put("company", company.name if company else "")
        if application.applied_on:
            put("applied_date", format_day(application.applied_on))
    if contact is not None:
        put("first_name", contact.first_name)
        put("full_name", contact.full_name)
        put("contact_role", contact.role)
        if contact.is_agency and contact.client_company is not None:
            put("client_company", contact.client_company.name)
        if "company" not in values and contact.company is not None:
            put("company", contact.company.name)
    greeting = values.get("first_name") or (
        f"{values['company']} hiring team" if "company" in values else ""
    )
    put("greeting_name", greeting)
    if conversation is not None:
        put("meeting_kind", _MEETING_WORDS.get(conversation.kind, "conversation"))
        occurred = conversation.occurred_at
        if isinstance(occurred, dt.datetime):
            put("meeting_date", format_day(occurred.date()))
        put("topic", _lower_first(topic_from_summary(conversation.summary)))
        put("open_question", first_item(conversation.open_questions).rstrip("?"))
        put("concern", _lower_first(first_item(conversation.concerns)))
    return values


def values_for(application_id: int | None, contact_id: int | None) -> dict[str, str]:
    """Slot values for a letter about this application to this contact, read from the store."""
    application = (
        Application.get_or_none(Application.id == application_id) if application_id else None
    )
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    if contact is None and application is not None and application.contact_id:
        contact = Contact.get_or_none(Contact.id == application.contact_id)
    return slot_values(
        profile=get_profile(),
        application=application,
        contact=contact,
        conversation=last_conversation(
            application.id if application else None, contact.id if contact else None
        ),
    )
