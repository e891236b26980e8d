"""Errors the store raises with a message meant for the user."""


class StoreError(Exception):
    """A problem with the database that the user should be told about in one line."""


class StoreTooNewError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class StoreDamagedError(StoreError):
    """The file is not a usable database (not SQLite, truncated or failing its checks)."""


class StorePragmaError(StoreError):
    """SQLite refused a setting the app relies on (for example WAL on a network folder)."""
