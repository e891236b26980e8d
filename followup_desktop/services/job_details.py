"""The job on an application: work mode, pay, priority and tags, read from text and written back."""

from __future__ import annotations

import re
from typing import NamedTuple

from followup_desktop.db.reads import read_all

#: Stored work mode → what the user reads.
WORK_MODES: dict[str, str] = {"": "", "onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
#: Stored pay period → how a pay range ends in words.
SALARY_PERIODS: dict[str, str] = {"": "", "year": "a year", "month": "a month", "hour": "an hour"}
#: Priority 0 (not said) to 3, as the card and the table show it.
PRIORITY_LABELS: dict[int, str] = {0: "", 1: "★", 2: "★★", 3: "★★★"}
MAX_PRIORITY = 3
#: Currencies offered first in the form; any three-letter code is accepted.
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY", "SEK", "PLN")
#: Signs written before an amount, and the currency each one means where it is ambiguous.
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN"}
#: Larger than any pay a person writes, small enough for SQLite's integers.
MAX_AMOUNT = 10**12
#: Words for the work mode in postings and other trackers' exports.
_WORK_MODE_WORDS = {
    "onsite": "onsite",
    "on-site": "onsite",
    "on site": "onsite",
    "office": "onsite",
    "in office": "onsite",
    "in-office": "onsite",
    "in person": "onsite",
    "hybrid": "hybrid",
    "remote": "remote",
    "telecommute": "remote",
    "work from home": "remote",
    "wfh": "remote",
    "fully remote": "remote",
}
_PERIOD_WORDS = {
    "year": "year",
    "yr": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
    "pa": "year",
    "p.a.": "year",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "hour": "hour",
    "hr": "hour",
    "hourly": "hour",
    "h": "hour",
}
_AMOUNT = re.compile(r"(\d[\d.,' \u00a0\u202f]*)\s*([kKmM]?)(?![a-zA-Z])")
_CODE = re.compile(r"\b([A-Za-z]{3})\b")


class SalaryRange(NamedTuple):
    minimum: int | None
    maximum: int | None
    currency: str
    period: str


def work_mode_of(text: str) -> str | None:
    """The stored work mode a word means ("Remote", "on site"…); "" for none, None if unknown."""
    word = " ".join(text.strip().lower().replace("_", " ").split())
    if not word:
        return ""
    if word in WORK_MODES:
        return word
    return _WORK_MODE_WORDS.get(word)


def period_of(text: str) -> str | None:
    """The stored pay period a word means ("per year", "hourly"…); "" for none, None if
    unknown."""
    word = text.strip().lower().removeprefix("per ").removeprefix("/").removeprefix("a ")
    word = word.removeprefix("an ").strip()
    if not word:
        return ""
    return _PERIOD_WORDS.get(word) or _PERIOD_WORDS.get(word.rstrip("s"))


def _amount(digits: str, suffix: str) -> int | None:
    text = re.sub(r"[ '\u00a0\u202f]", "", digits).rstrip(".,")
    # "55,000" and "55.000" are thousands; "55.5k" and "55,5k" a fraction of a thousand.
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        value = float("".join(parts))
    elif len(parts) == 2:
        value = float(f"{parts[0]}.{parts[1]}")
    elif len(parts) == 1:
        value = float(parts[0])
    else:
        return None
    value *= {"k": 1_000, "m": 1_000_000}.get(suffix.lower(), 1)
    return round(value)


def parse_salary(text: str) -> SalaryRange:
    """A pay range as people write it: "55000", "50k-70k", "$40-45/hr", "€3.500 per month".

    Raises ValueError with a one-line reason when it is not one.
    """
    clean = text.strip()
    if not clean:
        return SalaryRange(None, None, "", "")
    amounts = [_amount(digits, suffix) for digits, suffix in _AMOUNT.findall(clean)]
    if not amounts or None in amounts or len(amounts) > 2:
        raise ValueError("Write the pay as an amount or a range, such as 50000–60000.")
    values = [a for a in amounts if a is not None]
    if any(value > MAX_AMOUNT for value in values):
        raise ValueError("That amount is too large.")
    currency = ""
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in clean:
            currency = code
            break
    rest = _AMOUNT.sub(" ", clean)
    for code in _CODE.findall(rest):
        if code.lower() not in _PERIOD_WORDS and code.lower() not in ("per", "and", "the"):
            currency = code.upper()
            break
    period = ""
    for word in re.findall(r"[a-zA-Z.]+", rest):
        found = period_of(word)
        if found:
            period = found
            break
    low, high = (values[0], values[-1]) if len(values) == 2 else (values[0], values[0])
    if high < low:
        raise ValueError("The lowest pay comes first, as in 50000–60000.")
    return SalaryRange(low, high, currency, period)


def amount_text(value: int) -> str:
    return f"{value:,}"


def salary_range_text(minimum: int | None, maximum: int | None) -> str:
    """The range as the form shows it: "55,000" or "50,000-70,000"; "" when not set."""
    if minimum is None and maximum is None:
        return ""
    if minimum is None or maximum is None or minimum == maximum:
        return amount_text(minimum if minimum is not None else maximum or 0)
    return f"{amount_text(minimum)}–{amount_text(maximum)}"


def salary_text(minimum: int | None, maximum: int | None, currency: str, period: str) -> str:
    """The pay in words: "50,000-70,000 EUR a year"; "" when not set."""
    amounts = salary_range_text(minimum, maximum)
    if not amounts:
        return ""
    return " ".join(part for part in (amounts, currency, SALARY_PERIODS.get(period, "")) if part)


def parse_tags(text: str) -> list[str]:
    """Tags typed with commas (or semicolons) between them, each once, in the order given."""
    seen: dict[str, str] = {}
    for piece in re.split(r"[,;]", text):
        tag = " ".join(piece.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def tags_text(tags: list[str]) -> str:
    """Tags as stored and shown: ", " between them."""
    return ", ".join(tags)


def with_tag(stored: str, tag: str) -> str:
    """Stored tags with one more (unchanged when it is there already)."""
    return tags_text(parse_tags(f"{stored}, {tag}"))


def location_text(location: str, work_mode: str) -> str:
    """Where the job is, in a few words: "Leeds · Hybrid", "Remote"."""
    mode = WORK_MODES.get(work_mode, "")
    if mode and location:
        return f"{location} · {mode}"
    return location or mode


def known_tags() -> list[str]:
    """Every tag used on an application so far, in alphabetical order without case."""
    found: dict[str, str] = {}
    for (stored,) in read_all("SELECT DISTINCT tags FROM application WHERE tags != ''"):
        for tag in parse_tags(stored):
            found.setdefault(tag.casefold(), tag)
    return sorted(found.values(), key=str.casefold)
