"""Spare every later import PySide's reading of the imported module's source."""

from __future__ import annotations

import sys
from types import ModuleType

# PySide's own module that decides, per module, whether `from __feature__ import ...`
# switches (snake_case names, true properties) may apply to it.
_FEATURE_MODULE = "shibokensupport.feature"


def _uses_pyside_without_features(_module: ModuleType) -> bool:
    return True


def skip_feature_source_scan() -> bool:
    """Stop PySide from reading each newly imported module's source; True if it was on.

    Once loaded, PySide reads the whole source of every module imported after it, looking
    for the word "PySide6", to know which modules its optional `__feature__` switches must
    leave alone. The app and its libraries use no such switch, so every module is treated as
    a PySide user that selected none (what the scan concludes for the app's own modules).
    That is a hundred source files read and tokenised before the first window (about 4 % of
    the time to its first paint). A PySide that no longer has this hook is left as it is.
    """
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside_without_features  # type: ignore[attr-defined]
    return True
