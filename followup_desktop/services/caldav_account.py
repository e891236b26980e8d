"""Which calendar server the follow-ups go to (address and user name; the password is kept in
the system keyring, see ``credentials``)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from followup_desktop.services.settings import read_setting, remove_setting, write_setting

#: The calendar server's address, and the user name on it; absent while sync is off.
CALDAV_URL = "caldav.url"
CALDAV_USER = "caldav.user"


class CalendarSyncError(Exception):
    """A sync that did not finish; the message says why in one line."""


@dataclass(frozen=True)
class CalDavAccount:
    url: str
    user: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or self.url


def server_url_problem(text: str) -> str | None:
    """Why ``text`` is not a calendar server address, or None when it is one."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Give the calendar server's full address, starting with https://."
    return None


def caldav_account() -> CalDavAccount | None:
    """The account follow-ups are synced to, or None when calendar sync is off."""
    url, user = read_setting(CALDAV_URL), read_setting(CALDAV_USER)
    if not url or not user:
        return None
    return CalDavAccount(url, user)


def set_caldav_account(account: CalDavAccount | None) -> None:
    """Turn calendar sync on for ``account``, or off with None."""
    if account is None:
        remove_setting(CALDAV_URL)
        remove_setting(CALDAV_USER)
        return
    problem = server_url_problem(account.url)
    if problem:
        raise ValueError(problem)
    write_setting(CALDAV_URL, account.url.strip())
    write_setting(CALDAV_USER, account.user.strip())
