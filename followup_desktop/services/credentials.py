"""The calendar server's password, kept in the system keyring and nowhere else."""

from __future__ import annotations

import keyring
import keyring.errors

from followup_desktop import APP_NAME

#: Backends below this priority keep secrets in plain or weakly protected files (keyrings.alt)
#: or refuse everything (keyring's "fail" backend): neither is a system keyring.
_LEAST_SYSTEM_PRIORITY = 1

NO_KEYRING_MESSAGE = (
    "No system keyring is available (such as GNOME Keyring, KWallet or KeePassXC), "
    "so the calendar password was not saved anywhere."
)


class KeyringUnavailableError(Exception):
    """No system keyring can keep the password; the message says so in one line."""


def _service(server_url: str) -> str:
    # One entry per server and user, named so the user recognises it in their keyring app.
    return f"{APP_NAME} calendar server {server_url}"


def _system_keyring() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    if float(getattr(backend, "priority", 0)) < _LEAST_SYSTEM_PRIORITY:
        raise KeyringUnavailableError(NO_KEYRING_MESSAGE)
    return backend


def save_password(server_url: str, user: str, password: str) -> None:
    """Keep ``password`` for ``user`` on ``server_url`` in the system keyring."""
    backend = _system_keyring()
    try:
        backend.set_password(_service(server_url), user, password)
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailableError(
            f"The system keyring refused the password: {error}"
        ) from error


def read_password(server_url: str, user: str) -> str | None:
    """The kept password, or None when there is none."""
    backend = _system_keyring()
    try:
        return backend.get_password(_service(server_url), user)
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailableError(f"The system keyring could not be read: {error}") from error


def forget_password(server_url: str, user: str) -> None:
    """Remove the kept password (nothing happens when there was none or no keyring)."""
    try:
        _system_keyring().delete_password(_service(server_url), user)
    except (KeyringUnavailableError, keyring.errors.KeyringError):
        return
