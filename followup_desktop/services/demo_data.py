"""A realistic, deterministic demo dataset so a newcomer sees a living app."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from followup_desktop.db.contact_search_index import contacts_indexed_in_bulk
from followup_desktop.db.models import (
    RANK_GAP,
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Letter,
    Profile,
    Stage,
    database,
)
from followup_desktop.db.seed import PROFILE_ID
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import mark_demo_data
from followup_desktop.services.store_contents import store_is_empty
from followup_desktop.services.workdays import WorkCalendar

_BATCH = 500

_COMPANY_STEMS = (
    "Northwind",
    "Bluebird",
    "Harbor",
    "Juniper",
    "Lumen",
    "Maple",
    "Orbit",
    "Pinecrest",
    "Quarry",
    "Riverstone",
    "Summit",
    "Tidewater",
    "Vantage",
    "Willow",
    "Copperleaf",
    "Evergreen",
    "Foxglove",
    "Granite",
    "Hollis",
    "Ironwood",
    "Keystone",
    "Lakeside",
    "Meridian",
    "Oakridge",
)
_COMPANY_TAILS = (
    "Analytics",
    "Health",
    "Logistics",
    "Software",
    "Foods",
    "Energy",
    "Labs",
    "Media",
    "Partners",
    "Robotics",
    "Studios",
    "Systems",
    "Bank",
    "Insurance",
    "Retail",
    "Learning",
)
_AGENCIES = ("Brightpath Recruiting", "TalentBridge Staffing", "Keel & Co. Search")
_POSITIONS = (
    "Data Analyst",
    "Senior Data Analyst",
    "Product Manager",
    "UX Designer",
    "Backend Developer",
    "Frontend Developer",
    "QA Engineer",
    "Project Coordinator",
    "Marketing Specialist",
    "Customer Success Manager",
    "Operations Analyst",
    "Technical Writer",
    "Business Analyst",
    "Office Manager",
    "Financial Analyst",
    "IT Support Specialist",
    "HR Generalist",
    "Supply Chain Planner",
    "Content Strategist",
    "DevOps Engineer",
)
_FIRST = (
    "Amelia",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Keisha",
    "Luca",
    "Maya",
    "Noah",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Sam",
    "Tomasz",
    "Uma",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
)
_LAST = (
    "Adams",
    "Berg",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ibrahim",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Moreau",
    "Nakamura",
    "O'Brien",
    "Patel",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Walsh",
    "Yilmaz",
    "Zhang",
)
_ROLES = (
    "Recruiter",
    "Talent Acquisition Partner",
    "HR Manager",
    "Hiring Manager",
    "HR Business Partner",
    "Technical Recruiter",
    "Head of People",
)
_TIME_ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "")
_STREETS = ("Market St", "Elm Ave", "Harbor Rd", "King St", "Lake Blvd", "Mill Lane", "Park Row")
_CITIES = (
    ("Springfield, IL 62701", "America/Chicago"),
    ("Portland, OR 97205", "America/Los_Angeles"),
    ("Boston, MA 02110", "America/New_York"),
    ("Austin, TX 78701", "America/Chicago"),
)
_TOPICS = (
    "the team's move to a new reporting stack",
    "how the role supports the spring product launch",
    "the onboarding plan for the first ninety days",
    "the team's mentoring programme",
    "the migration of customer data to the new platform",
    "the plans to open a second office",
)
_CONCERNS = (
    "whether I have enough experience with SQL at scale",
    "my notice period of four weeks",
    "the gap in my CV during 2024",
    "",
    "",
)
_QUESTIONS = (
    "When will the second round be scheduled?",
    "Is the role open to a hybrid schedule?",
    "",
    "",
)

# Share of applications per stage kind; the board then looks like a real search in progress.
_STAGE_WEIGHTS = {
    "wishlist": 14,
    "applied": 38,
    "interview": 16,
    "offer": 4,
    "accepted": 1,
    "rejected": 20,
    "withdrawn": 7,
}


@dataclass(frozen=True)
class DemoSize:
    applications: int = 40
    contacts: int = 30
    #: Extra follow-ups and interactions beyond the ones each application gets, for load tests.
    extra_follow_ups: int = 0
    extra_interactions: int = 0


class StoreNotEmptyError(Exception):
    """The demo refuses to mix with a user's own data."""


def _batched(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(model: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Bulk insert with one prepared statement: peewee's insert_many builds SQL per row."""
    batch_iter = _batched(rows)
    first = next(batch_iter, None)
    if first is None:
        return
    fields = [model._meta.fields[name] for name in first[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = database.connection().cursor()
    for batch in (first, *batch_iter):
        cursor.executemany(
            sql, [tuple(field.db_value(row[field.name]) for field in fields) for row in batch]
        )


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def fill_demo_data(
    size: DemoSize | None = None,
    *,
    seed: int = 7,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill an empty store with demo data in one transaction; return counts per table.

    The same seed and the same ``today`` always give the same rows.
    """
    size = size or DemoSize()
    today = today or dt.date.today()
    rng = random.Random(seed)
    if not store_is_empty():
        raise StoreNotEmptyError(
            "The store already holds data; the demo only fills an empty store."
        )
    stages = {stage.kind: stage for stage in Stage.select()}
    steps = 5
    with database.atomic("IMMEDIATE"):
        _fill_profile()
        mark_demo_data(True)
        company_ids = _make_companies(rng, max(4, size.applications // 3 + 3))
        agency_ids = company_ids[: len(_AGENCIES)]
        employer_ids = company_ids[len(_AGENCIES) :]
        _report(progress, 1, steps)
        contact_rows = list(_contact_rows(rng, size.contacts, employer_ids, agency_ids, today))
        with contacts_indexed_in_bulk():
            _insert(Contact, contact_rows)
        contact_ids = [row.id for row in Contact.select(Contact.id).order_by(Contact.id)]
        contacts_by_company: dict[int, list[int]] = {}
        for contact_id, row in zip(contact_ids, contact_rows, strict=True):
            key = row["client_company"] or row["company"]
            contacts_by_company.setdefault(key, []).append(contact_id)
        _report(progress, 2, steps)
        counts = _make_applications(
            rng, size, today, stages, employer_ids, contacts_by_company, contact_ids
        )
        _report(progress, 4, steps)
        _make_extra_log(rng, size, today, contact_ids)
        counts["follow_ups"] += size.extra_follow_ups if contact_ids else 0
        counts["interactions"] += size.extra_interactions if contact_ids else 0
    _report(progress, steps, steps)
    counts.update(companies=len(company_ids), contacts=len(contact_ids))
    return counts


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _fill_profile() -> None:
    Profile.update(
        full_name="Jordan Rivera",
        email="jordan.rivera@example.com",
        phone="+1 415 555 0142",
        address="Jordan Rivera\n1180 Alder Street, Apt 4\nSpringfield, IL 62704",
        qualifications=(
            "six years of data analysis in retail and logistics, SQL, Python and Tableau"
        ),
        pitch=(
            "Hello, this is Jordan Rivera. I applied for the {position} role and wanted to check "
            "in. I bring six years of data analysis in retail and logistics."
        ),
    ).where(Profile.id == PROFILE_ID).execute()


def _work_calendar() -> WorkCalendar:
    profile = get_profile()
    return WorkCalendar.from_settings(profile.working_days, profile.days_off)


def _make_companies(rng: random.Random, count: int) -> list[int]:
    names = list(_AGENCIES)
    seen = set(names)
    while len(names) < count:
        name = f"{rng.choice(_COMPANY_STEMS)} {rng.choice(_COMPANY_TAILS)}"
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    rows = []
    for index, name in enumerate(names):
        city, _zone = _CITIES[index % len(_CITIES)]
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:24]
        rows.append(
            {
                "name": name,
                "website": f"https://www.{slug}.example",
                "address": f"{100 + index * 7} {rng.choice(_STREETS)}\n{city}",
                "notes": "",
                "created_at": dt.datetime(2026, 1, 5, 9, 0),
            }
        )
    _insert(Company, rows)
    return [row.id for row in Company.select(Company.id).order_by(Company.id)]


def _contact_rows(
    rng: random.Random,
    count: int,
    employer_ids: list[int],
    agency_ids: list[int],
    today: dt.date,
) -> Iterator[dict[str, Any]]:
    for index in range(count):
        first = rng.choice(_FIRST)
        last = rng.choice(_LAST)
        is_agency = index % 7 == 3
        company = rng.choice(agency_ids) if is_agency else employer_ids[index % len(employer_ids)]
        client = employer_ids[(index * 3) % len(employer_ids)] if is_agency else None
        slug = f"{first}.{last}".lower().replace("'", "")
        zone = _TIME_ZONES[index % len(_TIME_ZONES)]
        created = today - dt.timedelta(days=rng.randint(20, 200))
        yield {
            "first_name": first,
            "last_name": last,
            "role": "Agency Recruiter" if is_agency else rng.choice(_ROLES),
            "company": company,
            "is_agency": is_agency,
            "client_company": client,
            "email": f"{slug}{index}@example.com",
            "phone": f"+1 312 555 {1000 + index % 9000:04d}",
            "address": "",
            "time_zone": zone,
            "preferred_channel": ("call", "email", "note")[index % 3],
            "social_handle": "",
            "keep_in_touch_days": None,
            "notes": "",
            "created_at": _at(created, 9),
            "updated_at": _at(created, 9),
        }


def _pick_stage_kind(rng: random.Random) -> str:
    kinds = list(_STAGE_WEIGHTS)
    return rng.choices(kinds, weights=[_STAGE_WEIGHTS[k] for k in kinds])[0]


def _make_applications(
    rng: random.Random,
    size: DemoSize,
    today: dt.date,
    stages: dict[str, Stage],
    employer_ids: list[int],
    contacts_by_company: dict[int, list[int]],
    contact_ids: list[int],
) -> dict[str, int]:
    rank_by_stage: dict[int, int] = {}
    app_rows: list[dict[str, Any]] = []
    plans: list[tuple[str, dt.date, int, int | None]] = []  # kind, applied, company, contact
    for index in range(size.applications):
        # Make sure every stage has something, then follow the weights.
        kind = list(_STAGE_WEIGHTS)[index] if index < len(_STAGE_WEIGHTS) else _pick_stage_kind(rng)
        stage = stages.get(kind) or next(iter(stages.values()))
        company = employer_ids[rng.randrange(len(employer_ids))]
        candidates = contacts_by_company.get(company) or []
        contact = (
            rng.choice(candidates)
            if candidates
            else (rng.choice(contact_ids) if contact_ids and rng.random() < 0.5 else None)
        )
        applied = today - dt.timedelta(days=rng.randint(3, 60))
        rank_by_stage[stage.id] = rank_by_stage.get(stage.id, 0) + RANK_GAP
        app_rows.append(
            {
                "company": company,
                "position": rng.choice(_POSITIONS),
                "stage": stage.id,
                "rank": rank_by_stage[stage.id],
                "contact": contact,
                "applied_on": None if kind == "wishlist" else applied,
                "expected_answer_on": None
                if kind == "wishlist"
                else applied + dt.timedelta(days=14),
                "source": rng.choice(("Company site", "Referral", "Job board", "Recruiter")),
                "link": "",
                "notes": "",
                "archived": False,
                "created_at": _at(applied, 10),
                "updated_at": _at(applied, 10),
                **_job_details(index),
            }
        )
        plans.append((kind, applied, company, contact))
    _insert(Application, app_rows)
    app_ids = [row.id for row in Application.select(Application.id).order_by(Application.id)]
    interactions: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    thank_you_targets: list[tuple[int, int | None, dt.date, int]] = []
    for app_id, (kind, applied, company, contact) in zip(app_ids, plans, strict=True):
        _log_for_application(
            rng, today, app_id, kind, applied, company, contact, interactions, follow_ups
        )
        if kind == "interview" and len(thank_you_targets) < 3:
            thank_you_targets.append((app_id, contact, applied, company))
    _insert(Interaction, interactions)
    working = _work_calendar()
    for row in follow_ups:  # planned on working days, as the rules plan
        row["due_on"] = working.on_or_after(row["due_on"])
    _insert(FollowUp, follow_ups)
    _make_letters(thank_you_targets)
    return {
        "applications": len(app_ids),
        "interactions": len(interactions),
        "follow_ups": len(follow_ups),
    }


_DEMO_PLACES = ("Leeds", "Manchester", "London", "Bristol", "Glasgow", "")
_DEMO_TAGS = ("fintech", "payroll", "public sector", "python", "part-time", "startup")


def _job_details(index: int) -> dict[str, Any]:
    """Where the job is, its pay, priority and tags; from a generator of its own so the rest of
    the demo stays as it was."""
    rng = random.Random(index * 7919 + 1)
    low = rng.randrange(28, 70) * 1000 if rng.random() < 0.6 else None
    return {
        "location": rng.choice(_DEMO_PLACES),
        "work_mode": rng.choice(("onsite", "hybrid", "remote", "")),
        "salary_min": low,
        "salary_max": None if low is None else low + 8000,
        "salary_currency": "" if low is None else "GBP",
        "salary_period": "" if low is None else "year",
        "priority": rng.choice((0, 0, 1, 2, 3)),
        "tags": ", ".join(rng.sample(_DEMO_TAGS, rng.choice((0, 0, 1, 2)))),
    }


def _log_for_application(
    rng: random.Random,
    today: dt.date,
    app_id: int,
    kind: str,
    applied: dt.date,
    company: int,
    contact: int | None,
    interactions: list[dict[str, Any]],
    follow_ups: list[dict[str, Any]],
) -> None:
    def log(
        day: dt.date,
        entry_kind: str,
        channel: str,
        direction: str,
        summary: str,
        hour: int | None = None,
    ) -> None:
        at = _at(day, hour) if hour is not None else None
        interactions.append(
            {
                "application": app_id,
                "contact": contact,
                "company": company,
                "occurred_at": at or _at(day, rng.randint(9, 16), rng.choice((0, 15, 30, 45))),
                "channel": channel,
                "direction": direction,
                "kind": entry_kind,
                "summary": summary,
                "open_questions": rng.choice(_QUESTIONS) if entry_kind == "interview" else "",
                "concerns": rng.choice(_CONCERNS) if entry_kind == "interview" else "",
                "created_at": _at(day, 18),
            }
        )

    def plan(due: dt.date, channel: str, reason: str, state: str = "planned") -> None:
        follow_ups.append(
            {
                "application": app_id,
                "contact": contact,
                "due_on": due,
                "window_start": "09:30" if channel == "call" else "",
                "window_end": "11:30" if channel == "call" else "",
                "channel": channel,
                "reason": reason,
                "state": state,
                "outcome": "Left a voicemail; they will call back." if state == "done" else "",
                "rule_key": None,
                "user_changed": False,
                "created_at": _at(applied, 12),
                "completed_at": _at(due, 11) if state == "done" else None,
            }
        )

    if kind == "wishlist":
        if rng.random() < 0.3:
            plan(today + dt.timedelta(days=rng.randint(1, 10)), "email", "manual")
        return
    log(applied, "applied", "email", "outbound", "Sent application with CV and cover letter.")
    if kind == "applied" and applied <= today - dt.timedelta(days=9):
        _checked_in(app_id, applied, today, plan, log)
    if kind == "applied":
        # A mix of overdue, due today and upcoming status checks.
        offset = rng.choice((-4, -2, -1, 0, 0, 1, 2, 3, 5, 8))
        plan(today + dt.timedelta(days=offset), rng.choice(("call", "email")), "status_check")
        return
    interview_day = min(applied + dt.timedelta(days=rng.randint(5, 14)), today)
    if (interview_day - applied).days >= 10:
        # Checked in before the invitation came: the interview is the company's answer.
        _checked_in(app_id, applied, today, plan, log, may_reply=False)
    topic = rng.choice(_TOPICS)
    log(
        interview_day,
        "interview",
        "meeting",
        "inbound",
        f"First interview; we talked about {topic}.",
    )
    if kind == "interview":
        thank_you_due = interview_day + dt.timedelta(days=1)
        if thank_you_due < today - dt.timedelta(days=2):
            plan(thank_you_due, "note", "thank_you", state="done")
            plan(today + dt.timedelta(days=rng.randint(-1, 6)), "call", "status_check")
        else:
            plan(thank_you_due, rng.choice(("note", "email")), "thank_you")
    elif kind == "offer":
        log(interview_day + dt.timedelta(days=3), "offer", "call", "inbound", "Verbal offer.")
        plan(today + dt.timedelta(days=rng.randint(0, 3)), "call", "manual")
    elif kind == "rejected":
        log(
            interview_day + dt.timedelta(days=2),
            "rejection",
            "email",
            "inbound",
            "Thanked me, but chose another candidate.",
        )
        plan(today + dt.timedelta(days=rng.randint(-3, 4)), "email", "rejection_reply")
        if contact is not None:
            plan(today + dt.timedelta(days=rng.randint(30, 90)), "email", "keep_in_touch")
    elif kind == "accepted":
        log(interview_day + dt.timedelta(days=4), "offer", "call", "inbound", "Offer accepted.")


#: How often a company answered a status check, by channel: the demo's story for Insights is
#: that a call or a handwritten note is answered more often than one more e-mail.
_REPLY_CHANCE = {"call": 0.6, "note": 0.55, "email": 0.2}


def _checked_in(
    app_id: int,
    applied: dt.date,
    today: dt.date,
    plan: Callable[..., None],
    log: Callable[..., None],
    *,
    may_reply: bool = True,
) -> None:
    """A status check done about a week after applying, answered or not by the company."""
    # Its own generator, seeded by the application: the rest of the demo stays as it was.
    story = random.Random(app_id)
    channel = story.choice(("call", "email", "note"))
    checked = applied + dt.timedelta(days=story.randint(6, 8))
    plan(checked, channel, "status_check", state="done")
    reply = checked + dt.timedelta(days=story.randint(1, 6))
    if may_reply and story.random() < _REPLY_CHANCE[channel] and reply <= today:
        summary = "Thanked me for checking in; still deciding."
        log(reply, "email", "email", "inbound", summary, hour=story.randint(9, 16))


def _make_letters(targets: list[tuple[int, int | None, dt.date, int]]) -> None:
    profile = get_profile()
    for app_id, contact_id, _applied, _company in targets:
        app = Application.get_by_id(app_id)
        contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
        follow_up = (
            FollowUp.select()
            .where((FollowUp.application == app_id) & (FollowUp.reason == "thank_you"))
            .first()
        )
        greeting = f"Dear {contact.first_name}," if contact else "Hello,"
        body = (
            f"{greeting}\n\nThank you for your time during my interview for the {app.position} "
            f"role at {app.company.name}. I enjoyed hearing about the team and I am excited "
            "about the chance to contribute.\n\nI hope to hear from you soon.\n\n"
            f"Warm regards,\n{profile.full_name}"
        )
        Letter.create(
            follow_up=follow_up,
            application=app_id,
            contact=contact_id,
            template="thank_you",
            channel="note",
            subject=f"Thank you: {app.position}",
            body=body,
            seed=app_id,
        )


def _make_extra_log(
    rng: random.Random, size: DemoSize, today: dt.date, contact_ids: list[int]
) -> None:
    if not contact_ids or not (size.extra_follow_ups or size.extra_interactions):
        return
    app_ids = [row.id for row in Application.select(Application.id)]
    working = _work_calendar()

    def interaction_rows() -> Iterator[dict[str, Any]]:
        for _ in range(size.extra_interactions):
            day = today - dt.timedelta(days=rng.randint(1, 700))
            yield {
                "application": rng.choice(app_ids) if app_ids else None,
                "contact": rng.choice(contact_ids),
                "company": None,
                "occurred_at": _at(day, rng.randint(9, 17)),
                "channel": rng.choice(("call", "email", "note", "meeting")),
                "direction": rng.choice(("inbound", "outbound")),
                "kind": rng.choice(("call", "email", "note")),
                "summary": "Checked in about open roles.",
                "open_questions": "",
                "concerns": "",
                "created_at": _at(day, 18),
            }

    def follow_up_rows() -> Iterator[dict[str, Any]]:
        for _ in range(size.extra_follow_ups):
            due = working.on_or_after(today + dt.timedelta(days=rng.randint(-400, 400)))
            state = (
                "planned" if due >= today or rng.random() < 0.1 else rng.choice(("done", "skipped"))
            )
            yield {
                "application": rng.choice(app_ids) if app_ids else None,
                "contact": rng.choice(contact_ids),
                "due_on": due,
                "window_start": "",
                "window_end": "",
                "channel": rng.choice(("call", "email", "note")),
                "reason": rng.choice(("status_check", "keep_in_touch", "manual")),
                "state": state,
                "outcome": "",
                "rule_key": None,
                "user_changed": False,
                "created_at": _at(today, 8),
                "completed_at": None,
            }

    _insert(Interaction, interaction_rows())
    _insert(FollowUp, follow_up_rows())
