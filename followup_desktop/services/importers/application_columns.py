"""What each column of a spreadsheet of applications means: the fields it can fill, the headers
people and other trackers give them, and the header this app writes when it exports them."""

from __future__ import annotations

from followup_desktop.services.importers.csv_columns import (
    OWN_MARK_HEADER,
    normalized_header,
)
from followup_desktop.services.importers.csv_reader import ColumnVocabulary

#: (key, label) of every field a column can be used as, in the order the preview lists them.
APPLICATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("", "(ignore)"),
    ("company", "Company"),
    ("position", "Position / job title"),
    ("stage", "Stage / status"),
    ("applied_on", "Date applied"),
    ("expected_answer_on", "Answer expected by"),
    ("link", "Link to the posting"),
    ("location", "Location"),
    ("work_mode", "Work mode (on-site, hybrid, remote)"),
    ("salary", "Salary or range"),
    ("salary_min", "Lowest salary"),
    ("salary_max", "Highest salary"),
    ("salary_currency", "Salary currency"),
    ("salary_period", "Salary period"),
    ("priority", "Priority (1-3, or stars)"),
    ("tags", "Tags"),
    ("apply_by", "Deadline to apply"),
    ("contact", "Contact's name"),
    ("contact_email", "Contact's e-mail"),
    ("source", "Source"),
    ("notes", "Notes"),
    ("description", "Job description"),
    ("archived", "Archived (yes/no)"),
)
APPLICATION_FIELD_KEYS = frozenset(key for key, _label in APPLICATION_FIELDS)

#: The header this app writes when it exports applications; read back column for column.
OWN_APPLICATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Company", "company"),
    ("Position", "position"),
    ("Stage", "stage"),
    ("Applied on", "applied_on"),
    ("Answer expected", "expected_answer_on"),
    ("Link", "link"),
    ("Location", "location"),
    ("Work mode", "work_mode"),
    ("Salary from", "salary_min"),
    ("Salary to", "salary_max"),
    ("Currency", "salary_currency"),
    ("Salary period", "salary_period"),
    ("Priority", "priority"),
    ("Tags", "tags"),
    ("Apply by", "apply_by"),
    ("Contact", "contact"),
    ("Contact e-mail", "contact_email"),
    ("Source", "source"),
    ("Notes", "notes"),
    ("Job description", "description"),
    ("Archived", "archived"),
)

#: Headers written by hand in spreadsheets and by other trackers' exports (lower case).
_SYNONYMS: dict[str, str] = {
    **{header.lower(): key for header, key in OWN_APPLICATION_COLUMNS},
    "exported by": "",
    "company": "company",
    "company name": "company",
    "employer": "company",
    "organization": "company",
    "organisation": "company",
    "business": "company",
    "position": "position",
    "title": "position",
    "job title": "position",
    "job position": "position",
    "job": "position",
    "role": "position",
    "role title": "position",
    "job name": "position",
    "status": "stage",
    "stage": "stage",
    "list": "stage",
    "column": "stage",
    "application status": "stage",
    "job status": "stage",
    "pipeline stage": "stage",
    "date applied": "applied_on",
    "applied": "applied_on",
    "applied on": "applied_on",
    "applied date": "applied_on",
    "application date": "applied_on",
    "date of application": "applied_on",
    "date": "applied_on",
    "submitted": "applied_on",
    "date submitted": "applied_on",
    "response expected": "expected_answer_on",
    "expected answer": "expected_answer_on",
    "expected response": "expected_answer_on",
    "follow up date": "expected_answer_on",
    "follow-up date": "expected_answer_on",
    "link": "link",
    "url": "link",
    "job url": "link",
    "job link": "link",
    "posting url": "link",
    "posting link": "link",
    "job posting": "link",
    "job posting url": "link",
    "application link": "link",
    "location": "location",
    "job location": "location",
    "city": "location",
    "place": "location",
    "where": "location",
    "work mode": "work_mode",
    "workplace type": "work_mode",
    "workplace": "work_mode",
    "remote": "work_mode",
    "remote/onsite": "work_mode",
    "on-site/remote": "work_mode",
    "work type": "work_mode",
    "salary": "salary",
    "salary range": "salary",
    "compensation": "salary",
    "pay": "salary",
    "pay range": "salary",
    "expected salary": "salary",
    "min salary": "salary_min",
    "minimum salary": "salary_min",
    "salary min": "salary_min",
    "salary from": "salary_min",
    "max salary": "salary_max",
    "maximum salary": "salary_max",
    "salary max": "salary_max",
    "salary to": "salary_max",
    "currency": "salary_currency",
    "salary currency": "salary_currency",
    "pay period": "salary_period",
    "salary period": "salary_period",
    "salary type": "salary_period",
    "priority": "priority",
    "excitement": "priority",
    "interest": "priority",
    "rating": "priority",
    "stars": "priority",
    "tags": "tags",
    "tag": "tags",
    "labels": "tags",
    "label": "tags",
    "keywords": "tags",
    "deadline": "apply_by",
    "apply by": "apply_by",
    "closing date": "apply_by",
    "application deadline": "apply_by",
    "contact": "contact",
    "contact name": "contact",
    "contact person": "contact",
    "recruiter": "contact",
    "recruiter name": "contact",
    "hiring manager": "contact",
    "contact email": "contact_email",
    "contact e-mail": "contact_email",
    "recruiter email": "contact_email",
    "email": "contact_email",
    "e-mail": "contact_email",
    "source": "source",
    "channel": "source",
    "found via": "source",
    "found on": "source",
    "referral": "source",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
    "comment": "notes",
    "description": "description",
    "job description": "description",
    "archived": "archived",
}


def application_field_for_header(header: str) -> str:
    """The field a column with this header fills by default ("" when unknown)."""
    return _SYNONYMS.get(normalized_header(header), "")


def default_application_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field for every recognised header; a field taken by an earlier column
    is not given to a later one ("Date" after "Date applied"), except notes."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    exact = {application_field_for_header(h) for h in headers if normalized_header(h) != "date"}
    for index, header in enumerate(headers):
        key = application_field_for_header(header)
        if not key or (key in taken and key != "notes"):
            continue
        if normalized_header(header) == "date" and key in exact:
            continue
        mapping[index] = key
        taken.add(key)
    return mapping


def _is_own_application_export(headers: list[str]) -> bool:
    names = {normalized_header(h) for h in headers}
    own = {header.lower() for header, _key in OWN_APPLICATION_COLUMNS}
    return normalized_header(OWN_MARK_HEADER) in names and own <= names


def _recognised_application_export(headers: list[str]) -> str:
    return "Follow-up Desk" if _is_own_application_export(headers) else ""


APPLICATION_COLUMNS = ColumnVocabulary(
    application_field_for_header,
    default_application_mapping,
    _recognised_application_export,
    _is_own_application_export,
)
