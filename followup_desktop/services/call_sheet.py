"""What the call sheet shows: who to call, the pitch, last time's talk, and when to call."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from followup_desktop.db.values import stored_datetime
from followup_desktop.services.call_window import (
    CallTimeCheck,
    CallWindow,
    check_call_time,
    contact_zone,
    follow_up_windows,
)
from followup_desktop.services.follow_up_details import FollowUpDetails, follow_up_details
from followup_desktop.services.interactions import KIND_LABELS, last_interaction
from followup_desktop.services.profile import get_profile
from followup_desktop.services.user_text import LINE_LIMIT, breakable, isolated, shortened

#: Characters of a name or another short value the sheet shows and the pitch says: beyond
#: that it is not a name anyone says. What was said last time gets a line's worth.
_NAME_LIMIT = 200

#: ADVICE §3, said our way: what to have ready and what to do on the call.
CALL_CHECKLIST = (
    "A quiet room, the phone charged, this sheet and the job posting in front of you",
    "Say your name and the position you applied for first",
    "Ask whether it is a good moment to talk",
    "Give your phone number and e-mail so they can reach you",
    "Sound interested: say what draws you to the role",
    "Thank them for their time before you hang up",
)


class CallSheetError(Exception):
    """There is no call sheet for this follow-up; the message says why in one line."""


@dataclass(frozen=True)
class LastConversation:
    when: dt.datetime
    kind: str
    summary: str
    open_questions: str
    concerns: str

    def heading(self) -> str:
        label = KIND_LABELS.get(self.kind, self.kind.capitalize())
        return f"{label} on {self.when:%A %d %B %Y}"


@dataclass(frozen=True)
class CallSheet:
    details: FollowUpDetails
    pitch: str
    last: LastConversation | None
    windows: list[CallWindow]
    time_check: CallTimeCheck
    your_name: str
    your_phone: str
    your_email: str
    checklist: tuple[str, ...] = field(default=CALL_CHECKLIST)

    @property
    def tel_link(self) -> str:
        """A ``tel:`` link with only the characters a dialler keeps."""
        digits = re.sub(r"[^0-9+*#]", "", self.details.phone[:_NAME_LIMIT])
        return f"tel:{digits}" if digits else ""

    @property
    def zone_name(self) -> str:
        return self.details.time_zone if contact_zone(self.details.time_zone) else ""


def default_pitch(
    details: FollowUpDetails, full_name: str, qualifications: str, template: str
) -> str:
    """The profile's pitch with {name}, {position}, {company}, {contact} filled in, or one made
    from the name and qualifications when the profile has none."""
    # Names said on the phone: isolated, and cut where they stop being names.
    values = {
        key: isolated(shortened(value, _NAME_LIMIT))
        for key, value in {
            "name": full_name or "(your name)",
            "position": details.position or "the role",
            "company": details.employer or "your company",
            "contact": details.contact_first_name or details.contact_name or "",
        }.items()
    }
    if template.strip():
        return re.sub(
            r"\{(name|position|company|contact)\}", lambda m: values[m.group(1)], template.strip()
        )
    greeting = f"Hello {values['contact']}, " if values["contact"] else "Hello, "
    lines = [
        f"{greeting}this is {values['name']}.",
        f"I applied for the {values['position']} position at {values['company']} "
        "and wanted to follow up on my application.",
    ]
    if qualifications.strip():
        lines.append(f"I bring {qualifications.strip().rstrip('.')}.")
    lines.append("I am still very interested in the role. Is there anything else you need from me?")
    return " ".join(lines)


def build_call_sheet(
    follow_up_id: int, now: dt.datetime | None = None, user_zone: dt.tzinfo | None = None
) -> CallSheet:
    """Gather the sheet for a follow-up (any channel: a note can become a call)."""
    details = follow_up_details(follow_up_id)
    if details is None:
        raise CallSheetError("That follow-up no longer exists.")
    profile = get_profile()
    previous = last_interaction(
        application_id=details.application_id, contact_id=details.contact_id
    )
    last = None
    if previous is not None:
        last = LastConversation(
            stored_datetime(previous.occurred_at),
            previous.kind,
            previous.summary,
            previous.open_questions,
            previous.concerns,
        )
    zone = contact_zone(details.time_zone)
    moment = now or dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return CallSheet(
        details=details,
        pitch=default_pitch(details, profile.full_name, profile.qualifications, profile.pitch),
        last=last,
        windows=follow_up_windows(details.due_on, zone, details.window_start, details.window_end),
        time_check=check_call_time(
            moment,
            zone,
            breakable(isolated(shortened(details.contact_first_name or details.who, _NAME_LIMIT))),
            user_zone,
        ),
        your_name=profile.full_name,
        your_phone=profile.phone,
        your_email=profile.email,
    )


def _name(text: str) -> str:
    """A short value escaped for the sheet, cut at ``_NAME_LIMIT`` (Qt lays it out whole,
    several times over in a wrapped label) and wrappable however it was typed."""
    return html.escape(breakable(shortened(text, _NAME_LIMIT)))


def _said(text: str) -> str:
    """What was typed about a conversation, escaped, at most a line's worth, wrappable."""
    return html.escape(breakable(shortened(text, LINE_LIMIT)))


def facts_html(sheet: CallSheet) -> str:
    """Who and what: role, phone (a ``tel:`` link), company or agency and client, position."""
    d = sheet.details
    e = _name
    facts = []
    if d.role:
        facts.append(("Role", e(d.role)))
    if d.phone:
        link = sheet.tel_link
        phone = e(d.phone)
        facts.append(("Phone", f'<a href="{html.escape(link)}">{phone}</a>' if link else phone))
    else:
        facts.append(("Phone", "<i>no number yet: add one to the contact</i>"))
    if d.is_agency and d.contact_company:
        facts.append(("Agency", e(d.contact_company)))
        if d.client_company or d.company:
            facts.append(("Client company", e(d.company or d.client_company)))
    elif d.employer:
        facts.append(("Company", e(d.employer)))
    if d.position:
        facts.append(("Position", e(d.position)))
    facts.append(("Why", e(f"{d.reason_label}, due {d.due_on:%A %d %B %Y}")))
    if sheet.zone_name:
        facts.append(("Their time zone", e(sheet.zone_name)))
    return _table(facts)


def when_html(sheet: CallSheet, user_zone: dt.tzinfo | None = None) -> str:
    """The suggested windows on the due day, both clocks when they differ."""
    d = sheet.details
    e = html.escape
    if not sheet.windows:
        return f"<p>{d.due_on:%A} is not a working day for them; pick a weekday.</p>"
    described = [e(w.describe(user_zone, theirs=bool(sheet.zone_name))) for w in sheet.windows]
    return f"<p>On {d.due_on:%A %d %B}: " + " or ".join(described) + "</p>"


def last_html(sheet: CallSheet) -> str:
    """What was said last time, with the open questions and concerns to clear up."""
    e = _said
    if sheet.last is None:
        return "<p>No conversation logged yet.</p>"
    last = sheet.last
    rows = [("When", e(last.heading()))]
    if last.summary:
        rows.append(("What was said", e(last.summary)))
    if last.open_questions:
        rows.append(("Open questions", e(last.open_questions)))
    if last.concerns:
        rows.append(("Concerns to clear up", e(last.concerns)))
    return _table(rows)


def render_call_sheet_html(
    sheet: CallSheet, pitch: str | None = None, user_zone: dt.tzinfo | None = None
) -> str:
    """The whole sheet as simple HTML: the printed page (and any other full rendering)."""
    e = html.escape
    text = sheet.pitch if pitch is None else pitch
    mine = ", ".join(x for x in (sheet.your_phone, sheet.your_email) if x)
    parts = [
        f"<h2>Call {_name(sheet.details.who)}</h2>",
        facts_html(sheet),
        "<h3>When to call</h3>",
        when_html(sheet, user_zone),
        f"<p><i>{e(sheet.time_check.message)}</i></p>",
        "<h3>What to say</h3>",
        "<p>" + e(text).replace("\n", "<br>") + "</p>",
    ]
    if mine:
        parts.append(f"<p>Your contact details to give: {e(mine)}</p>")
    parts += ["<h3>Last time</h3>", last_html(sheet), "<h3>Checklist</h3>"]
    parts.extend(f"<p>&#9744; {e(item)}</p>" for item in sheet.checklist)
    parts.append("<h3>Notes during the call</h3>")
    parts.extend("<p>" + "_" * 70 + "</p>" for _ in range(5))
    return "\n".join(parts)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td style="padding-right:12px"><b>{label}</b></td><td>{value}</td></tr>'
        for label, value in rows
    )
    return f"<table>{cells}</table>"
