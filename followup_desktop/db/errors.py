"""Errors the store raises with a message meant for the user."""


class StoreError(Exception):
    """A problem with the database that the user should be told about in one line."""


class StoreTooNewError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class StoreDamagedError(StoreError):
    """The file is not a usable database (not SQLite, truncated or failing its checks)."""


class StorePragmaError(StoreError):
    """SQLite refused a setting the app relies on (for example WAL on a network folder)."""


class StoreUnavailableError(StoreError):
    """The store cannot be used just now: a full disk, a read-only file or folder, a lock held
    by another program, an input/output error. Never damage: no file was changed."""
