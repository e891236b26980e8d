"""The name of the calendar file kept up to date in the data folder."""

from __future__ import annotations

#: Name of the file kept up to date in the data folder for calendar apps to subscribe to.
FEED_FILE_NAME = "follow-ups.ics"
