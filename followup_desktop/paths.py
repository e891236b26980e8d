"""Where the user's data lives: platformdirs, or --data-dir, or FOLLOWUP_DATA_DIR."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from followup_desktop import APP_DIR_NAME

DATA_DIR_ENV = "FOLLOWUP_DATA_DIR"
DATABASE_NAME = "followup.sqlite"


@dataclass(frozen=True)
class DataLocation:
    """The folder that holds one user's database, backups and exports."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def damaged(self) -> Path:
        """Damaged databases are moved here, never deleted."""
        return self.root / "damaged"

    def ensure(self) -> DataLocation:
        """Create the data folder (only the user may read it) and return self.

        An existing folder loses what others may do with it, never what its owner chose: one
        the user made read-only stays read-only (the store then says it cannot work there).
        """
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            mode = stat.S_IMODE(self.root.stat().st_mode)
            if mode & 0o077:
                self.root.chmod(mode & 0o700)
        return self


def default_data_dir() -> Path:
    """The platform's per-user data folder for the app (nothing is created)."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_data_location(cli_value: str | os.PathLike[str] | None = None) -> DataLocation:
    """Pick the data folder: command line first, then the environment, then platformdirs."""
    if cli_value:
        return DataLocation(Path(cli_value).expanduser().resolve())
    from_env = os.environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return DataLocation(Path(from_env).expanduser().resolve())
    return DataLocation(default_data_dir())
