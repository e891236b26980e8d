"""The app's own icon for windows and the task bar, loaded from the bundled hicolor PNGs."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from followup_desktop import APP_ID
from followup_desktop.resources import resource_path


def app_icon() -> QIcon:
    """Every bundled size of the icon, so Qt picks a sharp one; the SVG if no PNG is there."""
    icon = QIcon()
    for png in sorted(resource_path("icons", "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    svg = resource_path("icons", f"{APP_ID}.svg")
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon
