"""Colours that stay readable: the system's light or dark scheme, and text colours chosen per
scheme so that every one meets WCAG AA (4.5:1) against the background it is drawn on."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

#: WCAG AA: normal text 4.5:1, large text (18 pt, or 14 pt bold) 3:1.
AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class SchemeColour(NamedTuple):
    """A text colour for the light scheme and one for the dark, both readable on the
    background role named."""

    light: str
    dark: str
    background: QPalette.ColorRole = QPalette.ColorRole.Base

    def on(self, palette: QPalette) -> QColor:
        return QColor(self.dark if is_dark(palette) else self.light)


#: Late, refused, invalid: red that reads on white and on the dark base.
WARNING = SchemeColour("#b3261e", "#ff8a80")
#: On the window background (labels beside the fields) rather than in a list.
WARNING_ON_WINDOW = SchemeColour("#b3261e", "#ff8a80", QPalette.ColorRole.Window)
#: How much the user wants a job (the stars on a card).
PRIORITY = SchemeColour("#8a5a00", "#ffc857")
#: Every text colour the app sets by name, checked by the tests in both schemes.
TEXT_COLOURS: dict[str, SchemeColour] = {
    "warning": WARNING,
    "warning_on_window": WARNING_ON_WINDOW,
    "priority": PRIORITY,
}


def quiet_text(palette: QPalette, background: QPalette.ColorRole) -> QColor:
    """A softer text colour than the palette's own that still reads at 4.5:1 on
    ``background``: the text colour mixed toward the background as far as that allows."""
    text = palette.color(
        QPalette.ColorRole.WindowText
        if background == QPalette.ColorRole.Window
        else QPalette.ColorRole.Text
    )
    back = palette.color(background)
    best = text
    for step in range(1, 10):
        share = step / 10  # of the background in the mix
        mixed = QColor.fromRgbF(
            text.redF() * (1 - share) + back.redF() * share,
            text.greenF() * (1 - share) + back.greenF() * share,
            text.blueF() * (1 - share) + back.blueF() * share,
        )
        if contrast_ratio(mixed, back) < AA_TEXT + 0.3:
            break
        best = mixed
    return best


def make_quiet(label: QWidget) -> None:
    """A hint or an empty view's words in the quiet colour (not the disabled grey, which
    does not read at 4.5:1)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, quiet_text(palette, QPalette.ColorRole.Window))
    label.setPalette(palette)


def dark_palette() -> QPalette:
    """A dark palette for when the system asks for one and the style has none of its own."""
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2e",
        roles.WindowText: "#ececec",
        roles.Base: "#1f1f22",
        roles.AlternateBase: "#27272b",
        roles.Text: "#ececec",
        roles.Button: "#36363a",
        roles.ButtonText: "#ececec",
        roles.BrightText: "#ffffff",
        roles.Highlight: "#2f6fdb",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#8ab4f8",
        roles.LinkVisited: "#c58af9",
        roles.ToolTipBase: "#3a3a3f",
        roles.ToolTipText: "#ececec",
        roles.PlaceholderText: "#a8a8ad",
        roles.Light: "#4a4a50",
        roles.Midlight: "#3c3c41",
        roles.Mid: "#5c5c63",
        roles.Dark: "#18181a",
        roles.Shadow: "#000000",
    }
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#8c8c92"))
    palette.setColor(disabled, roles.Highlight, QColor("#4a4a50"))
    return palette


def light_palette() -> QPalette:
    """The style's light palette with a selection dark enough for white text (4.5:1)."""
    app = QGuiApplication.instance()
    style = getattr(app, "style", None)
    palette = style().standardPalette() if style is not None else QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2361c2"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def system_wants_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def apply_colour_scheme(app: QGuiApplication) -> None:
    """Dark palette when the system's scheme is dark (unless the style already gave one),
    the style's own otherwise; again whenever the system switches."""

    def apply() -> None:
        if system_wants_dark():
            if not is_dark(app.palette()):
                app.setPalette(dark_palette())
        else:
            app.setPalette(light_palette())

    hints = app.styleHints()
    if hints is not None:
        hints.colorSchemeChanged.connect(lambda _scheme: apply())
    apply()
