"""Read vCard 2.1, 3.0 and 4.0 files (Apple, Google, Outlook, Android, Evolution and others) into
contact records: each value where the app has a field for it, the rest labelled in the notes,
and what is not kept (photos, an exporter's own settings) named for the preview.

The cards are assembled here property by property (see ``vcard_lines``): a whole-card parse trips
over what real exporters write, and reading property by property is several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from followup_desktop.services.importers.contact_record import (
    ContactRecord,
    ImportFormatError,
    PostalAddress,
)
from followup_desktop.services.importers.text_decoding import CharsetGuess, guess_value_charset
from followup_desktop.services.importers.vcard_lines import VCard, VProperty, decide, iter_cards

_SOCIAL_PROPERTIES = ("X-SOCIALPROFILE", "X-LINKEDIN", "X-TWITTER", "X-XING", "X-FACEBOOK")
_SOCIAL_HOSTS = ("linkedin.", "xing.", "twitter.", "x.com", "facebook.", "instagram.", "github.")
_OWN_PREFIX = "X-FOLLOWUP-"
_TRUE_WORDS = frozenset({"1", "true", "yes"})
#: Read for what they say about other properties, or an exporter's bookkeeping: not contact data.
_BOOKKEEPING = frozenset(
    {
        "VERSION",
        "PRODID",
        "REV",
        "CLIENTPIDMAP",
        "X-ABUID",
        "X-ABLABEL",
        "X-ABSHOWAS",
        "X-ABADR",
        "SORT-STRING",
        "KIND",
        "X-ADDRESSBOOKSERVER-KIND",
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
        "X-EVOLUTION-FILE-AS",
        "X-MOZILLA-HTML",
        "X-ANDROID-CUSTOM",
        "SOURCE",
        "NAME",
        "PROFILE",
        "MAILER",
        "CLASS",
    }
)
_BINARY = {
    "PHOTO": "photo",
    "LOGO": "logo",
    "SOUND": "sound",
    "KEY": "key",
    "X-MS-OL-DESIGN": "Outlook card design",
    "X-MS-CARDPICTURE": "card picture",
}
#: Instant-messaging properties and the service each names.
_IM_PROPERTIES = {
    "X-AIM": "AIM",
    "X-JABBER": "Jabber",
    "X-MSN": "MSN",
    "X-YAHOO": "Yahoo",
    "X-ICQ": "ICQ",
    "X-SKYPE": "Skype",
    "X-SKYPE-USERNAME": "Skype",
    "X-GOOGLE-TALK": "Google Talk",
    "X-GTALK": "Google Talk",
    "X-QQ": "QQ",
    "X-GADUGADU": "Gadu-Gadu",
    "X-GROUPWISE": "GroupWise",
    "X-TELEGRAM": "Telegram",
    "X-MATRIX": "Matrix",
}
#: People related to the contact, by property (Evolution, Outlook, KDE and others).
_RELATED_PROPERTIES = {
    "X-EVOLUTION-SPOUSE": "spouse",
    "X-EVOLUTION-MANAGER": "manager",
    "X-EVOLUTION-ASSISTANT": "assistant",
    "X-SPOUSE": "spouse",
    "X-MANAGER": "manager",
    "X-ASSISTANT": "assistant",
    "X-MS-SPOUSE": "spouse",
    "X-MS-MANAGER": "manager",
    "X-MS-ASSISTANT": "assistant",
    "X-KADDRESSBOOK-X-SPOUSESNAME": "spouse",
    "X-KADDRESSBOOK-X-MANAGERSNAME": "manager",
    "X-KADDRESSBOOK-X-ASSISTANTSNAME": "assistant",
}
_DATE_PROPERTIES = {
    "ANNIVERSARY": "anniversary",
    "X-ANNIVERSARY": "anniversary",
    "X-EVOLUTION-ANNIVERSARY": "anniversary",
    "X-MS-ANNIVERSARY": "anniversary",
    "X-KADDRESSBOOK-X-ANNIVERSARY": "anniversary",
}
_WEBSITE_PROPERTIES = ("URL", "X-EVOLUTION-BLOG-URL", "X-EVOLUTION-VIDEO-URL", "X-MS-IMADDRESS")
#: Apple's built-in labels: _$!<Mobile>!$_.
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_TYPE_WORDS = {
    "cell": "mobile",
    "mobile": "mobile",
    "iphone": "iPhone",
    "work": "work",
    "home": "home",
    "main": "main",
    "other": "other",
    "fax": "fax",
    "pager": "pager",
    "car": "car",
    "video": "video",
    "isdn": "ISDN",
    "modem": "modem",
    "textphone": "textphone",
    "text": "text",
    "msg": "messages",
    "bbs": "BBS",
    "postal": "postal",
    "parcel": "parcel",
    "intl": "international",
    "dom": "domestic",
    "x400": "X.400",
    "school": "school",
}
_LABEL_ORDER = ("work", "home", "other", "main", "mobile", "iPhone", "car", "fax", "pager")
#: Numbers that cannot take a call: never the contact's main phone while another one can.
_NOT_VOICE = frozenset({"fax", "pager", "modem", "bbs"})
_PHONE_RANK = {"cell": 0, "mobile": 0, "iphone": 0, "work": 1, "home": 2}


@dataclass(slots=True)
class VcardFile:
    """What a vCard file gave: its records and remarks about the whole file for the preview."""

    records: list[ContactRecord]
    notices: list[str] = field(default_factory=list)
    #: The charset chosen for 8-bit values that name none (None when there were none).
    value_charset: CharsetGuess | None = None


def read_vcards(text: str, charset: str | None = None) -> list[ContactRecord]:
    """All cards in ``text``; raise ImportFormatError naming the card and line of a fault."""
    return read_vcard_file(text, charset).records


def read_vcard_file(text: str, charset: str | None = None, file_encoding: str = "") -> VcardFile:
    """Like ``read_vcards``; ``charset`` is the user's choice for 8-bit values that name none
    (without it, one is chosen by evidence and the preview says which)."""
    # Each card becomes a record as soon as it is read, so a large file never holds all its
    # parsed properties at once; only cards with values whose charset is not yet known wait.
    records: list[ContactRecord | None] = []
    waiting: list[tuple[int, VCard]] = []
    declared: list[str] = []
    for card in iter_cards(text):
        declared.extend(p.params["CHARSET"] for p in card.properties if "CHARSET" in p.params)
        if any(p.undecided is not None for p in card.properties):
            waiting.append((len(records), card))
            records.append(None)
        else:
            records.append(_record(card))
    if not records:
        raise ImportFormatError(
            "no vCard found: a contacts file (.vcf) holds cards that start with BEGIN:VCARD"
        )
    guess = _decide_charset([card for _i, card in waiting], charset, declared, file_encoding)
    for index, card in waiting:
        records[index] = _record(card)
    result = VcardFile([r for r in records if r is not None], value_charset=guess)
    if guess is not None:
        result.notices.append(
            f"Values without a character set read as {guess.charset.upper()} ({guess.reason}); "
            "choose another text encoding if names look wrong."
        )
    return result


def _decide_charset(
    cards: list[VCard], chosen: str | None, declared: list[str], file_encoding: str
) -> CharsetGuess | None:
    undecided = [p for card in cards for p in card.properties if p.undecided is not None]
    if not undecided:
        return None
    if chosen:
        guess = CharsetGuess(chosen, "chosen")
    else:
        samples = [p.undecided for p in undecided if p.undecided is not None]
        legacy = (
            "" if file_encoding.replace("_", "-").lower() in ("utf-8", "ascii") else file_encoding
        )
        guess = guess_value_charset(samples, [d for d in declared if d], legacy)
    for prop in undecided:
        decide(prop, guess.charset)
    return guess


# --- values ------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "N": "\n"}
_TOKEN = re.compile(r"\\.|[;,]|[^\\;,]+|\\$", re.DOTALL)


def _components(value: str) -> list[list[str]]:
    """A structured value split at unescaped ``;`` then ``,``, with \\n, \\, \\; \\\\ undone."""
    components: list[list[str]] = [[]]
    current: list[str] = []
    for token in _TOKEN.findall(value):
        if token == ";":
            components[-1].append("".join(current))
            components.append([])
            current = []
        elif token == ",":
            components[-1].append("".join(current))
            current = []
        elif len(token) == 2 and token[0] == "\\":
            current.append(_ESCAPES.get(token[1], token[1]))
        elif token != "\\":
            current.append(token)
    components[-1].append("".join(current))
    return components


def _text(value: str) -> str:
    """A plain text value, unescaped; separators stay as written."""
    parts: list[str] = []
    for token in _TOKEN.findall(value):
        if len(token) == 2 and token[0] == "\\":
            parts.append(_ESCAPES.get(token[1], token[1]))
        elif token != "\\":
            parts.append(token)
    return "".join(parts).strip()


def _structured(value: str, joiner: str = ", ") -> list[str]:
    """Components of N, ADR or ORG; a component's comma list is joined back with ``joiner``."""
    return [joiner.join(v.strip() for v in values if v.strip()) for values in _components(value)]


def _ordered(found: list[VProperty]) -> list[VProperty]:
    """Preferred properties first, otherwise in file order."""
    if len(found) < 2:
        return found
    return sorted(found, key=lambda p: not p.preferred)


class _Card:
    """A card's properties by name, and the labels Apple gives grouped properties."""

    def __init__(self, card: VCard) -> None:
        self.card = card
        self.by_name: dict[str, list[VProperty]] = {}
        self.group_labels: dict[str, str] = {}
        for prop in card.properties:
            self.by_name.setdefault(prop.name, []).append(prop)
            if prop.name == "X-ABLABEL" and prop.group:
                self.group_labels[prop.group] = _apple_label(_text(prop.value))
        self.used: set[str] = set()

    def present(self, names: Iterable[str]) -> list[str]:
        """Those of ``names`` that are on this card, in the order of ``names``."""
        return [name for name in names if name in self.by_name]

    def take(self, name: str) -> list[VProperty]:
        """The properties of this name, preferred first; marked as read."""
        found = self.by_name.get(name)
        if found is None:
            return []  # not on this card: nothing to mark
        self.used.add(name)
        return _ordered(found)

    def label(self, prop: VProperty, ignore: frozenset[str] = frozenset()) -> str:
        """What the file calls this property: Apple's group label, else its TYPE words."""
        own = self.group_labels.get(prop.group, "") if prop.group else ""
        if own:
            return own
        words = {_TYPE_WORDS[t] for t in prop.types if t in _TYPE_WORDS and t not in ignore}
        ordered = [w for w in _LABEL_ORDER if w in words] + sorted(words - set(_LABEL_ORDER))
        return " ".join(ordered)


def _apple_label(text: str) -> str:
    match = _APPLE_LABEL.match(text)
    return (match.group(1) if match else text).strip().lower()


def _record(card: VCard) -> ContactRecord:
    c = _Card(card)
    record = ContactRecord(source=f"card {card.number} (line {card.line})")
    for skipped in card.skipped:
        record.warnings.append(f"{skipped} is not a vCard property; skipped")
        record.not_kept.append(skipped)
    _names(c, record)
    _work(c, record)
    _emails(c, record)
    _phones(c, record)
    _addresses(c, record)
    _web(c, record)
    _dates(c, record)
    _others(c, record)
    return record


def _names(c: _Card, record: ContactRecord) -> None:
    names = c.take("N")
    if names:
        parts = [*_structured(names[0].value, " "), "", "", "", "", ""]
        record.last_name = parts[0]
        record.first_name = " ".join(x for x in (parts[1], parts[2]) if x)
        record.keep_in_notes("Name prefix", parts[3])
        record.keep_in_notes("Name suffix", parts[4])
    full = c.take("FN")
    if full:
        record.full_name = _text(full[0].value)
    for nickname in c.take("NICKNAME"):
        record.keep_in_notes("Nickname", _text(nickname.value))


def _work(c: _Card, record: ContactRecord) -> None:
    orgs = c.take("ORG")
    if orgs:
        parts = _structured(orgs[0].value)
        record.company = parts[0]
        record.department = ", ".join(p for p in parts[1:] if p)
        if record.department:
            record.place("department", "department")
    titles = [t for t in (_text(p.value) for p in c.take("TITLE")) if t]
    roles = [r for r in (_text(p.value) for p in c.take("ROLE")) if r]
    if titles:
        record.role = titles[0]
    elif roles:
        record.role = roles.pop(0)
    for extra in orgs[1:]:
        record.keep_in_notes(
            "Other organisation", ", ".join(p for p in _structured(extra.value) if p)
        )
    for extra_title in titles[1:]:
        record.keep_in_notes("Other title", extra_title)
    for role in roles:
        if role != record.role:
            record.keep_in_notes("Role", role)


def _emails(c: _Card, record: ContactRecord) -> None:
    for prop in c.take("EMAIL"):
        value = _text(prop.value)
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if value:
            record.emails.append(value)
            record.email_labels.append(c.label(prop, frozenset({"internet", "x400"})))


def _phones(c: _Card, record: ContactRecord) -> None:
    found = []
    for order, prop in enumerate(c.take("TEL")):
        value = _phone(prop.value)
        if not value:
            continue
        types = prop.types
        not_voice = bool(types & _NOT_VOICE) and "voice" not in types
        rank = min((_PHONE_RANK[t] for t in types if t in _PHONE_RANK), default=3)
        found.append((not_voice, not prop.preferred, rank, order, value, c.label(prop)))
    # Voice numbers first, the preferred one first among them, then mobile, work, home, others.
    for _nv, _p, _r, _o, value, label in sorted(found):
        record.phones.append(value)
        record.phone_labels.append(label)


def _phone(value: str) -> str:
    text = _text(value)
    if text.lower().startswith("tel:"):
        number, _, parameters = text[4:].partition(";")
        extension = next((p[4:] for p in parameters.split(";") if p.lower().startswith("ext=")), "")
        text = f"{number} ext. {extension}" if extension else number
    return text.strip()


def _addresses(c: _Card, record: ContactRecord) -> None:
    """Every ADR with the LABEL of the same kind (Outlook writes both); a LABEL alone is an
    address too. The label is the address as its owner laid it out, so it is kept as written."""
    labels = [(c.label(p, frozenset({"pref"})), _text(p.value)) for p in c.take("LABEL")]
    addresses: list[PostalAddress] = []
    for prop in c.take("ADR"):
        parts = [*(_structured(prop.value, "\n")), "", "", "", "", "", "", ""][:7]
        kind = c.label(prop, frozenset({"pref"}))
        address = PostalAddress(kind, "", *(p.strip() for p in parts))
        if not address.country:
            address.country = _apple_country(c, prop)
        written = prop.params.get("LABEL", "").strip()
        if written:
            if address.is_empty():
                address.text = written
            else:
                record.keep_in_notes("Address label", ", ".join(written.splitlines()))
        match = next((i for i, (k, _t) in enumerate(labels) if k == kind), None)
        if match is not None:
            address.text = labels.pop(match)[1] or address.text
        if not address.is_empty():
            addresses.append(address)
    addresses.extend(PostalAddress(kind, text) for kind, text in labels if text)
    record.addresses = addresses


def _apple_country(c: _Card, prop: VProperty) -> str:
    """Apple's X-ABADR gives the country code of an address in the same group."""
    if not prop.group:
        return ""
    return next(
        (_text(p.value).upper() for p in c.by_name.get("X-ABADR", []) if p.group == prop.group),
        "",
    )


def _web(c: _Card, record: ContactRecord) -> None:
    socials = [_text(p.value) for name in c.present(_SOCIAL_PROPERTIES) for p in c.take(name)]
    urls = [_text(p.value) for name in c.present(_WEBSITE_PROPERTIES) for p in c.take(name)]
    if not socials:
        socials = [u for u in urls if any(host in u.lower() for host in _SOCIAL_HOSTS)]
        urls = [u for u in urls if u not in socials]
    socials = [s for s in socials if s]
    if socials:
        record.social_handle = socials[0]
        for extra in socials[1:]:
            record.keep_in_notes("Social profile", extra)
    record.websites = [u for u in urls if u and u != record.social_handle]
    if record.websites:
        record.place("websites", "websites")
    for prop in c.take("IMPP"):
        value = _text(prop.value)
        service, colon, handle = value.partition(":")
        label = c.label(prop) or (service if colon else "")
        record.keep_in_notes(f"IM ({label})" if label else "IM", handle if colon else value)
    for name in c.present(_IM_PROPERTIES):
        for prop in c.take(name):
            record.keep_in_notes(f"IM ({_IM_PROPERTIES[name]})", _text(prop.value))


def _dates(c: _Card, record: ContactRecord) -> None:
    birthdays = [_text(p.value) for p in c.take("BDAY")]
    if birthdays and birthdays[0]:
        record.birthday = birthdays[0]
        record.place("birthday", "birthday")
    for name in c.present(_DATE_PROPERTIES):
        for prop in c.take(name):
            record.keep_in_notes(_DATE_PROPERTIES[name].capitalize(), _text(prop.value))
    for prop in c.take("X-ABDATE"):
        label = c.label(prop) or "date"
        record.keep_in_notes(label.capitalize(), _text(prop.value))
    for prop in c.take("X-ABRELATEDNAMES"):
        label = c.label(prop) or "related"
        record.keep_in_notes(label.capitalize(), _text(prop.value))
    for prop in c.take("RELATED"):
        label = c.label(prop) or "related"
        record.keep_in_notes(label.capitalize(), _text(prop.value))
    for name in c.present(_RELATED_PROPERTIES):
        for prop in c.take(name):
            record.keep_in_notes(_RELATED_PROPERTIES[name].capitalize(), _text(prop.value))


def _others(c: _Card, record: ContactRecord) -> None:
    record.notes.extend(n for n in (_text(p.value) for p in c.take("NOTE")) if n)
    for zone in c.take("TZ"):
        name = _text(zone.value)
        if name and not record.time_zone:
            record.time_zone = name
    categories = [_text(p.value) for p in c.take("CATEGORIES")]
    record.keep_in_notes("Categories", ", ".join(x for x in categories if x))
    uids = c.take("UID")
    if uids:
        record.uid = _text(uids[0].value)
    for prop in c.card.properties:
        if (prop.name == "X-ABSHOWAS" and _text(prop.value).upper() == "COMPANY") or (
            prop.name == "KIND" and _text(prop.value).lower() == "org"
        ):
            record.company_card = True
        elif prop.name.startswith(_OWN_PREFIX):
            _own_property(record, prop.name[len(_OWN_PREFIX) :], _text(prop.value))
            c.used.add(prop.name)
    for prop in c.card.properties:
        if prop.name in c.used or prop.name in _BOOKKEEPING:
            continue
        if prop.name in _BINARY:
            if _BINARY[prop.name] not in record.not_kept:
                record.not_kept.append(_BINARY[prop.name])
            continue
        value = _text(prop.value)
        if value and len(value) <= 500:
            record.keep_in_notes(_property_label(prop.name), value)
        elif value and prop.name not in record.not_kept:
            record.not_kept.append(prop.name)


def _property_label(name: str) -> str:
    """A readable label for a property the app does not know: X-MS-CUSTOM1 → "MS custom1"."""
    words = name.removeprefix("X-").split("-")
    return " ".join(words).capitalize() if words else name


def _own_property(record: ContactRecord, key: str, value: str) -> None:
    """The fields only Follow-up Desk knows about, written by its own export."""
    if key == "AGENCY":
        record.is_agency = value.lower() in _TRUE_WORDS
    elif key == "CLIENT-COMPANY":
        record.client_company = value
    elif key == "CHANNEL":
        record.preferred_channel = value
    elif key == "KEEP-IN-TOUCH-DAYS":
        record.keep_in_touch_days = value
    elif key == "TIME-ZONE":
        record.time_zone = value
    elif key == "BIRTHDAY":
        record.birthday = value
