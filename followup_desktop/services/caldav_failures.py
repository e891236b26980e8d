"""What went wrong in a calendar sync, in one line the user can act on."""

from __future__ import annotations

import ssl

from caldav.lib import error as dav_error

from followup_desktop.services.caldav_account import CalDavAccount

RETRY_WORDS = "Nothing was lost; it will try again later."


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def failure_message(account: CalDavAccount, error: BaseException) -> str:
    """The one line for a failed sync with ``account`` (a refused certificate, a wrong
    password, a server that cannot be reached, or what the server answered)."""
    causes = _causes(error)
    host = account.host
    if any(isinstance(cause, ssl.SSLCertVerificationError) for cause in causes) or any(
        type(cause).__name__ == "SSLError" for cause in causes
    ):
        return (
            f"The certificate of {host} could not be verified, so nothing was sent to it. "
            "Check the server address."
        )
    if any(isinstance(cause, dav_error.AuthorizationError) for cause in causes):
        return (
            f"{host} refused the user name or password for {account.user}; "
            "check them in Preferences."
        )
    if any(isinstance(cause, dav_error.NotFoundError) for cause in causes):
        return f"{host} has no calendar at {account.url}; check the server address."
    if any(isinstance(cause, OSError | TimeoutError) for cause in causes):
        return f"Cannot reach the calendar server {host}. {RETRY_WORDS}"
    if any(isinstance(cause, dav_error.DAVError) for cause in causes):
        return f"The calendar server {host} answered with an error. {RETRY_WORDS}"
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return f"Calendar sync failed: {first_line}"
