"""Bring a spreadsheet of applications in: read it, match its stages, companies and contacts to
the stored ones, preview, then write every row in one transaction or none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from followup_desktop.db.models import Stage, database
from followup_desktop.db.reads import read_all
from followup_desktop.services.importers.application_columns import (
    APPLICATION_COLUMNS,
    APPLICATION_FIELDS,
)
from followup_desktop.services.importers.application_rows import (
    ApplicationRow,
    day_first_for,
    parse_day,
    parse_priority,
    parse_yes_no,
    priority_scale,
    read_application_rows,
)
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.csv_reader import CsvLayout, inspect_csv
from followup_desktop.services.importers.text_decoding import decode_import_bytes
from followup_desktop.services.job_details import period_of, work_mode_of
from followup_desktop.services.planning import replan_scope
from followup_desktop.services.profile import get_profile
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    application_problems,
    save_application,
)
from followup_desktop.services.rule_facts import expand_scope
from followup_desktop.services.search_text import fold_for_search
from followup_desktop.services.validation import ValidationError
from followup_desktop.services.wording import counted

#: Words trackers use for a status, by the kind of stage they mean.
_STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "wishlist": ("wishlist", "wish list", "saved", "bookmarked", "interested", "to apply"),
    "applied": ("applied", "applying", "submitted", "application sent", "sent"),
    "interview": ("interview", "interviewing", "interviews", "phone screen", "screening"),
    "offer": ("offer", "offered", "offer received", "negotiating"),
    "accepted": ("accepted", "hired", "offer accepted"),
    "rejected": ("rejected", "declined", "not selected", "no offer", "denied"),
    "withdrawn": ("withdrawn", "withdrew", "not interested", "archived"),
}
_DATE_FIELDS = ("applied_on", "expected_answer_on", "apply_by")
#: Where a refused value of an application is in the file, in the words of its field.
_FIELD_LABELS = dict(APPLICATION_FIELDS) | {
    "new_contact_email": "Contact's e-mail",
    "new_contact_phone": "Contact's phone",
}


@dataclass
class PlannedApplication:
    """One row as it will be stored, or the reason it cannot be."""

    line: int
    data: ApplicationInput
    stage_name: str = ""
    archived: bool = False
    company_known: bool = False
    #: "known contact", "new contact" or "".
    contact_outcome: str = ""
    problem: str = ""


@dataclass
class ApplicationImportPlan:
    items: list[PlannedApplication] = field(default_factory=list)
    #: Status values that name none of the user's stages, with how many rows carry each.
    unknown_stages: dict[str, int] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """Each refused row as "line N: reason", in file order."""
        return [f"line {item.line}: {item.problem}" for item in self.items if item.problem]

    def summary(self) -> str:
        companies = {
            fold_for_search(i.data.company.strip())
            for i in self.items
            if not i.company_known and not i.problem
        }
        contacts = {
            fold_for_search(i.data.new_contact.first_name + " " + i.data.new_contact.last_name)
            for i in self.items
            if i.data.new_contact is not None and not i.problem
        }
        parts = [counted(len(self.items), "application")]
        if companies:
            parts.append(counted(len(companies), "new company"))
        if contacts:
            parts.append(counted(len(contacts), "new contact"))
        return ", ".join(parts)


@dataclass
class ApplicationSource:
    """A decoded spreadsheet and its column mapping (which the user may change)."""

    name: str
    text: str
    encoding: str
    layout: CsvLayout


def open_application_source(
    data: bytes, name: str = "", encoding: str | None = None
) -> ApplicationSource:
    decoded = decode_import_bytes(data, encoding)
    return ApplicationSource(
        name, decoded.text, decoded.encoding, inspect_csv(decoded.text, APPLICATION_COLUMNS)
    )


def choose_application_columns(source: ApplicationSource, choices: dict[str, str]) -> None:
    """Override the proposed mapping: header (any case) → field key, "" to ignore."""
    source.layout.choose(choices, [key for key, _label in APPLICATION_FIELDS if key])


def stage_choices_by_name(choices: dict[str, str]) -> dict[str, int]:
    """``--stage`` pairs (status in the file → one of the user's stages, by name) as stage ids;
    raise ImportFormatError for a stage the user does not have."""
    stages = {fold_for_search(name): int(stage_id) for stage_id, name in _stages()}
    chosen: dict[str, int] = {}
    for status, stage_name in choices.items():
        stage_id = stages.get(fold_for_search(stage_name.strip()))
        if stage_id is None:
            names = ", ".join(name for _id, name in _stages())
            raise ImportFormatError(f"there is no stage {stage_name!r}; yours are: {names}")
        chosen[fold_for_search(status.strip())] = stage_id
    return chosen


def _stages() -> list[tuple[int, str]]:
    return [(int(s.id), s.name) for s in Stage.select().order_by(Stage.position, Stage.id)]


def _stage_finder(chosen: dict[str, int]) -> Callable[[str], tuple[int, str] | None]:
    """Status text → (stage id, stage name): the user's choice, a stage of that name, or the
    first stage of the kind the word means."""
    stages = list(Stage.select().order_by(Stage.position, Stage.id))
    names = {int(s.id): s.name for s in stages}
    by_name = {fold_for_search(s.name): int(s.id) for s in stages}
    by_kind: dict[str, int] = {}
    for stage in stages:
        by_kind.setdefault(stage.kind, int(stage.id))
    by_word = {
        word: by_kind[kind]
        for kind, words in _STAGE_WORDS.items()
        if kind in by_kind
        for word in words
    }

    def find(status: str) -> tuple[int, str] | None:
        key = fold_for_search(" ".join(status.split()))
        stage_id = chosen.get(key) or by_name.get(key) or by_word.get(key)
        return None if stage_id is None else (stage_id, names[stage_id])

    return find


def _default_stage(applied: bool) -> tuple[int, str]:
    """Where a row without a status goes: applied when it has a date applied, else the
    wishlist (or the first stage)."""
    stages = list(Stage.select().order_by(Stage.position, Stage.id))
    wanted = "applied" if applied else "wishlist"
    stage = next((s for s in stages if s.kind == wanted), stages[0])
    return int(stage.id), stage.name


class _KnownPeople:
    """The stored companies and contacts, found by folded name (and contacts by e-mail)."""

    def __init__(self) -> None:
        self.companies: dict[str, str] = {
            fold_for_search(name): name for (name,) in read_all("SELECT name FROM company")
        }
        self.by_email: dict[str, int] = {}
        self.by_name: dict[str, list[tuple[int, str]]] = {}
        rows = read_all(
            "SELECT ct.id, ct.first_name, ct.last_name, ct.email, COALESCE(c.name, '') "
            "FROM contact ct LEFT JOIN company c ON c.id = ct.company_id ORDER BY ct.id"
        )
        for contact_id, first, last, email, company in rows:
            if email:
                self.by_email.setdefault(email.strip().lower(), int(contact_id))
            name = fold_for_search(" ".join(f"{first} {last}".split()))
            self.by_name.setdefault(name, []).append((int(contact_id), fold_for_search(company)))

    def company(self, name: str) -> tuple[str, bool]:
        """The stored spelling of this company and True, or the name as given and False."""
        key = fold_for_search(" ".join(name.split()))
        if key in self.companies:
            return self.companies[key], True
        self.companies[key] = " ".join(name.split())
        return self.companies[key], False

    def contact(self, name: str, email: str, company: str) -> int | None:
        if email and email.strip().lower() in self.by_email:
            return self.by_email[email.strip().lower()]
        found = self.by_name.get(fold_for_search(" ".join(name.split())), [])
        if not found:
            return None
        at_company = [cid for cid, where in found if where == fold_for_search(company)]
        return (at_company or [found[0][0]])[0]


def plan_application_import(
    rows: list[ApplicationRow], stage_choices: dict[str, int] | None = None
) -> ApplicationImportPlan:
    """What each row becomes; rows that cannot be stored carry a one-line reason. Reads only."""
    plan = ApplicationImportPlan()
    find_stage = _stage_finder(stage_choices or {})
    region = get_profile().phone_region
    day_first = {
        key: day_first_for([v for row in rows for v in row.cells.get(key, [])], region)
        for key in _DATE_FIELDS
    }
    scale = priority_scale([v for row in rows for v in row.cells.get("priority", [])])
    known = _KnownPeople()
    companies_seen: set[str] = set()
    for row in rows:
        item = _planned(row, find_stage, day_first, scale, known, plan)
        if not item.company_known:
            key = fold_for_search(item.data.company.strip())
            item.company_known = key in companies_seen
            companies_seen.add(key)
        plan.items.append(item)
    return plan


def _planned(
    row: ApplicationRow,
    find_stage: Callable[[str], tuple[int, str] | None],
    day_first: dict[str, bool],
    scale: int,
    known: _KnownPeople,
    plan: ApplicationImportPlan,
) -> PlannedApplication:
    company, company_known = known.company(row.first("company"))
    data = ApplicationInput(
        company=company,
        position=row.first("position"),
        stage_id=0,
        source=row.first("source"),
        link=row.first("link"),
        notes=row.joined("notes"),
        location=row.first("location"),
        salary_currency=row.first("salary_currency"),
        tags=row.joined("tags", ", "),
        description=row.joined("description", "\n\n"),
    )
    item = PlannedApplication(row.line, data, company_known=company_known)
    try:
        _read_values(row, data, day_first, scale, item)
    except ValueError as error:
        item.problem = str(error)
    status = row.first("stage")
    found = find_stage(status) if status else _default_stage(data.applied_on is not None)
    if found is None:
        plan.unknown_stages[status] = plan.unknown_stages.get(status, 0) + 1
        item.problem = item.problem or (
            f'the stage "{status}" is not one of yours; choose which of your stages it means'
        )
    else:
        data.stage_id, item.stage_name = found
    _match_contact(row, data, known, item)
    if not item.problem and data.stage_id:
        errors = application_problems(data).errors
        if errors:
            name, reason = next(iter(errors.items()))
            item.problem = f"{_FIELD_LABELS.get(name, name)}: {reason}"
    return item


def _read_values(
    row: ApplicationRow,
    data: ApplicationInput,
    day_first: dict[str, bool],
    scale: int,
    item: PlannedApplication,
) -> None:
    """The cells that are not text as values; ValueError names the field of a refused one."""
    for key in _DATE_FIELDS:
        try:
            setattr(data, key, parse_day(row.first(key), day_first=day_first[key]))
        except ValueError as error:
            raise ValueError(f"{_FIELD_LABELS[key]}: {error}") from None
    mode = work_mode_of(row.first("work_mode"))
    if mode is None:
        raise ValueError(f'Work mode: "{row.first("work_mode")}" is not on-site, hybrid or remote')
    data.work_mode = mode
    period = period_of(row.first("salary_period"))
    if period is None:
        raise ValueError(
            f'Salary period: "{row.first("salary_period")}" is not year, month or hour'
        )
    data.salary_period = period
    low, high = row.first("salary_min"), row.first("salary_max")
    data.salary = f"{low} - {high}" if low and high else (low or high or row.first("salary"))
    try:
        data.priority = parse_priority(row.first("priority"), scale)
    except ValueError as error:
        raise ValueError(f"Priority: {error}") from None
    try:
        item.archived = parse_yes_no(row.first("archived"))
    except ValueError as error:
        raise ValueError(f"Archived: {error}") from None


def _match_contact(
    row: ApplicationRow, data: ApplicationInput, known: _KnownPeople, item: PlannedApplication
) -> None:
    name, email = row.first("contact"), row.first("contact_email")
    if not (name or email):
        return
    contact_id = known.contact(name, email, data.company)
    if contact_id is not None:
        data.contact_id = contact_id
        item.contact_outcome = "known contact"
        return
    words = (name or email.split("@")[0]).split()
    first, last = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else (" ".join(words), "")
    data.new_contact = ContactInput(first_name=first, last_name=last, email=email)
    item.contact_outcome = "new contact"


def _new_contact_key(data: ApplicationInput) -> str:
    person = data.new_contact
    assert person is not None
    return fold_for_search(f"{person.first_name} {person.last_name}|{person.email.lower()}")


class ApplicationImportCancelledError(Exception):
    """The user stopped the import; the transaction was rolled back, nothing was written."""


def apply_application_import(
    plan: ApplicationImportPlan,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Store every planned application in one transaction (with its company, new contact and
    planned follow-ups); return how many. Raise ImportFormatError naming the first refused row
    (or ApplicationImportCancelledError when ``should_cancel`` says so), having written
    nothing."""
    problems = plan.problems()
    if problems:
        more = f" (and {counted(len(problems) - 1, 'other row')})" if len(problems) > 1 else ""
        raise ImportFormatError(problems[0] + more)
    #: A person new to the store named on several rows is created once.
    created: dict[str, int] = {}
    stored: list[int] = []
    total = len(plan.items)
    with database.atomic("IMMEDIATE"):
        for done, item in enumerate(plan.items):
            if should_cancel is not None and should_cancel():
                raise ApplicationImportCancelledError(
                    "The import was stopped; nothing was written."
                )
            if progress is not None and done % 25 == 0:
                progress(done, total)
            data = item.data
            if data.new_contact is not None and _new_contact_key(data) in created:
                data = replace(data, contact_id=created[_new_contact_key(data)], new_contact=None)
            try:
                app = save_application(data, plan=False)
            except ValidationError as error:
                name, reason = next(iter(error.errors.errors.items()))
                raise ImportFormatError(
                    f"line {item.line}: {_FIELD_LABELS.get(name, name)}: {reason}"
                ) from error
            if data.new_contact is not None and app.contact_id is not None:
                created[_new_contact_key(data)] = int(app.contact_id)
            if item.archived:
                app.archived = True
                app.save()
            stored.append(int(app.id))
        # The follow-up rules over everything imported at once, in the same transaction.
        apps, contacts = expand_scope(stored, sorted(set(created.values())))
        replan_scope(apps, contacts)
    return len(plan.items)


def import_applications(
    data: bytes,
    *,
    name: str = "",
    encoding: str | None = None,
    columns: dict[str, str] | None = None,
    stages: dict[str, str] | None = None,
    dry_run: bool = False,
) -> tuple[ApplicationImportPlan, int | None]:
    """Read, plan and (unless ``dry_run``) store: the plan, and how many were stored."""
    source = open_application_source(data, name, encoding)
    choose_application_columns(source, columns or {})
    rows = read_application_rows(source.text, source.layout)
    plan = plan_application_import(rows, stage_choices_by_name(stages or {}))
    if dry_run:
        return plan, None
    return plan, apply_application_import(plan)
