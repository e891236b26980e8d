"""Whether a calendar file in the data folder is kept up to date, and what it is called."""

from __future__ import annotations

from followup_desktop.db.reads import read_one

#: Name of the file kept up to date in the data folder for calendar apps to subscribe to.
FEED_FILE_NAME = "follow-ups.ics"
#: Setting key (in the store's small key/value table) that turns the kept-up-to-date file on.
FEED_SETTING = "calendar.feed"


def feed_enabled() -> bool:
    """Whether the subscribed calendar file in the data folder is kept up to date."""
    row = read_one("SELECT value FROM setting WHERE key = ?", (FEED_SETTING,))
    return row is not None and row[0] == "true"


def set_feed_enabled(enabled: bool) -> None:
    from followup_desktop.db.models import Setting

    Setting.insert(
        key=FEED_SETTING, value="true" if enabled else "false"
    ).on_conflict_replace().execute()
