"""Composer area of the main window (built in ui/composer/)."""

from __future__ import annotations

from followup_desktop.ui.composer.area import ComposerArea

__all__ = ["ComposerArea"]
