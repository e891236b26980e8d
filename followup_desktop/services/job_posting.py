"""A saved job posting page read for its schema.org JobPosting data (JSON-LD or microdata, as
job boards publish it for search engines), as the fields of a new application.

Read with the standard library's HTML parser rather than a structured-data library: extruct,
the usual one, brings fourteen packages (lxml, rdflib, pyRdfa3, html5lib, mf2py with requests)
for RDFa and microformats this app does not need, and its RDFa reader can fetch vocabularies
over the network, which the app never does. Only two syntaxes and one type are read here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from followup_desktop.services.job_details import amount_text
from followup_desktop.services.records import ApplicationInput

#: Elements that never have an end tag.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
#: Where a microdata property's value is an attribute rather than the element's text.
_VALUE_ATTRIBUTES = {
    "meta": "content",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "object": "data",
    "time": "datetime",
    "data": "value",
    "meter": "value",
}
#: Elements after which the text of a description starts a new line.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
)
_PERIODS = {"YEAR": "year", "MONTH": "month", "HOUR": "hour", "ANNUAL": "year", "YEARLY": "year"}


@dataclass
class PostingFields:
    """What a posting says of the job, as the application form takes it."""

    company: str = ""
    position: str = ""
    location: str = ""
    work_mode: str = ""
    salary: str = ""
    salary_currency: str = ""
    salary_period: str = ""
    description: str = ""
    link: str = ""
    apply_by: dt.date | None = None


@dataclass
class _Item:
    types: list[str]
    properties: dict[str, list[Any]] = field(default_factory=dict)


class _PageReader(HTMLParser):
    """Collects the JSON-LD scripts and the microdata items of a page in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.items: list[_Item] = []
        self._script: list[str] | None = None
        #: Open elements: (tag, the item it opened or None, the property its text fills).
        self._open: list[tuple[str, _Item | None, tuple[_Item, str] | None]] = []
        self._texts: dict[int, list[str]] = {}

    def _current_item(self) -> _Item | None:
        for _tag, item, _prop in reversed(self._open):
            if item is not None:
                return item
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._script = []
            return
        parent = self._current_item()
        names = values.get("itemprop", "").split()
        item: _Item | None = None
        if "itemscope" in values:
            item = _Item(values.get("itemtype", "").split())
            if names and parent is not None:
                for name in names:
                    parent.properties.setdefault(name, []).append(item)
            else:
                self.items.append(item)
        text_target: tuple[_Item, str] | None = None
        if names and item is None and parent is not None:
            attribute = _VALUE_ATTRIBUTES.get(tag)
            if attribute is not None and attribute in values:
                for name in names:
                    parent.properties.setdefault(name, []).append(values[attribute])
            else:
                text_target = (parent, " ".join(names))
        if tag in _BLOCKS:
            self._break_texts()
        if tag in _VOID:
            return
        self._open.append((tag, item, text_target))
        if text_target is not None:
            self._texts[len(self._open) - 1] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
            return
        if tag in _BLOCKS:
            self._break_texts()
        # Close up to the matching element (pages leave some open: <p>, <li>).
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                while len(self._open) > depth:
                    self._close_top()
                return

    def _break_texts(self) -> None:
        for texts in self._texts.values():
            texts.append("\n")

    def _close_top(self) -> None:
        depth = len(self._open) - 1
        _tag, _item, target = self._open.pop()
        texts = self._texts.pop(depth, None)
        if target is not None and texts is not None:
            parent, names = target
            lines = (" ".join(line.split()) for line in "".join(texts).split("\n"))
            text = "\n".join(line for line in lines if line)
            for name in names.split():
                parent.properties.setdefault(name, []).append(text)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        for texts in self._texts.values():
            texts.append(data)


class _TextReader(HTMLParser):
    """A description's HTML as plain text: paragraphs and list items on lines of their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))


def html_as_text(html: str) -> str:
    """Markup as plain text; text without markup is kept as it is."""
    if "<" not in html:
        return html.strip()
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    lines = [" ".join(line.split()) for line in "".join(reader.parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _is_posting(types: Any) -> bool:
    names = types if isinstance(types, list) else [types]
    return any(str(name).rsplit("/", 1)[-1] == "JobPosting" for name in names)


def _json_postings(value: Any) -> list[dict[str, Any]]:
    """Every JobPosting object in a JSON-LD document (lists and @graph included)."""
    if isinstance(value, list):
        return [found for entry in value for found in _json_postings(entry)]
    if not isinstance(value, dict):
        return []
    if _is_posting(value.get("@type")):
        return [value]
    return _json_postings(value.get("@graph", []))


def _item_as_json(item: _Item) -> dict[str, Any]:
    """A microdata item in the shape JSON-LD gives it, so one reader serves both."""
    result: dict[str, Any] = {"@type": [t.rsplit("/", 1)[-1] for t in item.types]}
    for name, values in item.properties.items():
        shown = [_item_as_json(v) if isinstance(v, _Item) else v for v in values]
        result[name] = shown[0] if len(shown) == 1 else shown
    return result


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any, *keys: str) -> str:
    """A text value, or the first of ``keys`` of an object (a name of a thing)."""
    value = _first(value)
    if isinstance(value, dict):
        for key in keys or ("name",):
            found = _text(value.get(key))
            if found:
                return found
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _place(value: Any) -> str:
    """ "Leeds, England, GB" from a Place (or a list of them: the first)."""
    place = _first(value)
    if not isinstance(place, dict):
        return _text(place)
    address = place.get("address", place)
    if not isinstance(address, dict):
        return _text(address)
    parts = [
        _text(address.get(key), "name")
        for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    return ", ".join(dict.fromkeys(part for part in parts if part)) or _text(place, "name")


def _number(value: Any) -> float | None:
    try:
        return float(str(_first(value)).replace(",", ""))
    except (TypeError, ValueError):
        return None


def _salary(fields: PostingFields, value: Any) -> None:
    amount = _first(value)
    if not isinstance(amount, dict):
        return
    fields.salary_currency = _text(amount.get("currency")).upper()[:3]
    quantity = amount.get("value")
    quantity = _first(quantity)
    if isinstance(quantity, dict):
        low = _number(quantity.get("minValue"))
        high = _number(quantity.get("maxValue"))
        single = _number(quantity.get("value"))
        unit = _text(quantity.get("unitText")).upper()
    else:
        low = high = None
        single = _number(quantity)
        unit = ""
    low, high = (low or single), (high or single)
    if low is None and high is None:
        return
    shown = [amount_text(round(v)) for v in (low, high) if v is not None]
    fields.salary = shown[0] if len(set(shown)) == 1 else f"{shown[0]}-{shown[-1]}"
    fields.salary_period = _PERIODS.get(unit, "")


def _day(value: Any) -> dt.date | None:
    text = _text(value)
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _fields(posting: dict[str, Any], page_url: str) -> PostingFields:
    fields = PostingFields(
        company=_text(posting.get("hiringOrganization"), "name", "legalName"),
        position=_text(posting.get("title")) or _text(posting.get("name")),
        location=_place(posting.get("jobLocation")),
        description=html_as_text(_text_whole(posting.get("description"))),
        link=_text(posting.get("url")) or page_url,
        apply_by=_day(posting.get("validThrough")),
    )
    location_type = _text(posting.get("jobLocationType")).upper()
    if location_type == "TELECOMMUTE":
        fields.work_mode = "hybrid" if fields.location else "remote"
    _salary(fields, posting.get("baseSalary") or posting.get("estimatedSalary"))
    return fields


def _text_whole(value: Any) -> str:
    """A long text (the description) with its line breaks."""
    value = _first(value)
    return str(value) if isinstance(value, str) else ""


def read_job_posting(html: str, page_url: str = "") -> PostingFields | None:
    """The first JobPosting of the page (JSON-LD first, then microdata); None when it has
    none. Reads only the text given: nothing is fetched."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    for script in reader.scripts:
        try:
            document = json.loads(script)
        except ValueError:
            continue  # pages carry broken JSON-LD too; another block may hold the posting
        postings = _json_postings(document)
        if postings:
            return _fields(postings[0], page_url)
    for item in _all_items(reader.items):
        if _is_posting(item.types):
            return _fields(_item_as_json(item), page_url)
    return None


def _all_items(items: list[_Item]) -> list[_Item]:
    found = []
    for item in items:
        found.append(item)
        nested = [v for values in item.properties.values() for v in values if isinstance(v, _Item)]
        found.extend(_all_items(nested))
    return found


def posting_application(posting: PostingFields, stage_id: int) -> ApplicationInput:
    """The application form's values for a posting, in ``stage_id``."""
    return ApplicationInput(
        company=posting.company,
        position=posting.position,
        stage_id=stage_id,
        link=posting.link,
        location=posting.location,
        work_mode=posting.work_mode,
        salary=posting.salary,
        salary_currency=posting.salary_currency,
        salary_period=posting.salary_period,
        apply_by=posting.apply_by,
        description=posting.description,
    )
