"""Colours that stay readable: the system's light or dark scheme, and text colours chosen per
scheme so that every one meets WCAG AA (4.5:1) against the background it is drawn on."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
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


def readable(colour: QColor, background: QColor, minimum: float = AA_TEXT) -> QColor:
    """``colour``'s hue, made darker on a light background or lighter on a dark one until it
    reads at ``minimum`` against ``background``."""
    if contrast_ratio(colour, background) >= minimum:
        return QColor(colour)
    hue, saturation, alpha = colour.hslHueF(), colour.hslSaturationF(), colour.alphaF()
    lightness = colour.lightnessF()
    step = 0.02 if relative_luminance(background) < 0.18 else -0.02
    while 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromHslF(hue, saturation, lightness, alpha)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return QColor("white" if step > 0 else "black")


class SchemeColour(NamedTuple):
    """A text colour for the light scheme and one for the dark, each made readable on the
    background role named (darker or lighter in its own hue when it is not)."""

    light: str
    dark: str
    background: QPalette.ColorRole = QPalette.ColorRole.Base

    def on(self, palette: QPalette) -> QColor:
        wanted = QColor(self.dark if is_dark(palette) else self.light)
        return readable(wanted, palette.color(self.background))


#: Late, refused, invalid: red that reads on white and on the dark base.
WARNING = SchemeColour("#b3261e", "#ff8a80")
#: On the window background (labels beside the fields) rather than in a list.
WARNING_ON_WINDOW = SchemeColour("#b3261e", "#ff8a80", QPalette.ColorRole.Window)
#: An active application with nothing planned.
UNPLANNED = SchemeColour("#a14a07", "#ffb870")
#: A follow-up due today.
DUE_TODAY = SchemeColour("#1d5fbf", "#8ab4f8")
#: Planned, not yet done (the timeline, the import's merged rows).
PLANNED = SchemeColour("#1f5fa8", "#8ab4f8")
#: Done, or a check passed.
GOOD = SchemeColour("#1b6e20", "#81c995")
GOOD_ON_WINDOW = SchemeColour("#1b6e20", "#81c995", QPalette.ColorRole.Window)
#: Worth a second look, not wrong (skipped rows, a coach tip not yet met).
CAUTION = SchemeColour("#7a5200", "#f2c35f")
CAUTION_ON_WINDOW = SchemeColour("#7a5200", "#f2c35f", QPalette.ColorRole.Window)
#: A finished follow-up, greyed but still readable.
FINISHED = SchemeColour("#6b6a70", "#a8a8ad")
#: The three ways to follow up, each in its own colour wherever a channel is shown.
CHANNEL_COLOURS: dict[str, SchemeColour] = {
    "call": SchemeColour("#2b7a3d", "#81c995"),
    "email": SchemeColour("#1a5fb4", "#8ab4f8"),
    "note": SchemeColour("#8a3ea8", "#d7aefb"),
}
#: Today's mark on the calendar (a fill), and its words on the window.
TODAY_MARK = QColor("#e5a50a")
TODAY_TEXT = SchemeColour("#8a5c00", "#f2c35f", QPalette.ColorRole.Window)
#: How much the user wants a job (the stars on a card).
PRIORITY = SchemeColour("#8a5a00", "#ffc857")
#: Every text colour the app sets by name, checked by the tests in both schemes.
TEXT_COLOURS: dict[str, SchemeColour] = {
    "warning": WARNING,
    "warning_on_window": WARNING_ON_WINDOW,
    "unplanned": UNPLANNED,
    "due_today": DUE_TODAY,
    "planned": PLANNED,
    "good": GOOD,
    "good_on_window": GOOD_ON_WINDOW,
    "caution": CAUTION,
    "caution_on_window": CAUTION_ON_WINDOW,
    "finished": FINISHED,
    "today": TODAY_TEXT,
    **{f"channel_{name}": colour for name, colour in CHANNEL_COLOURS.items()},
    "priority": PRIORITY,
}


class Tone(NamedTuple):
    """A notice strip's background, border and text, for the light and the dark scheme."""

    light: tuple[str, str, str]
    dark: tuple[str, str, str]

    def colours(self, palette: QPalette) -> tuple[QColor, QColor, QColor]:
        """Background, border and text for the scheme ``palette`` is in."""
        background, border, text = self.dark if is_dark(palette) else self.light
        return QColor(background), QColor(border), QColor(text)

    def style_sheet(
        self, palette: QPalette, selector: str = "", *, edge: str = "border", extra: str = ""
    ) -> str:
        """Style-sheet rules in this tone; ``edge`` is the border property drawn (``border``
        all round, ``border-bottom`` under a strip)."""
        background, border, text = (c.name() for c in self.colours(palette))
        rules = f"background: {background}; color: {text}; {edge}: 1px solid {border}; {extra}"
        return f"{selector} {{ {rules} }}" if selector else rules


#: Information (reminders), advice (a caution worth reading), good news and a problem.
INFO_TONE = Tone(("#e8f0fb", "#9bb8e0", "#14325c"), ("#1c2f47", "#3d5f8a", "#dbe7f7"))
ADVICE_TONE = Tone(("#fdf3d3", "#e5cf85", "#4a3b00"), ("#3a3218", "#7a6526", "#f5e6b0"))
GOOD_TONE = Tone(("#e6f4ea", "#9ccaa6", "#1e4620"), ("#1d3323", "#3f7a4d", "#cdebd4"))
PROBLEM_TONE = Tone(("#fbe3e1", "#e0a39c", "#5c1610"), ("#421e1c", "#8a423b", "#f8d7d3"))
TONES: dict[str, Tone] = {
    "info": INFO_TONE,
    "advice": ADVICE_TONE,
    "good": GOOD_TONE,
    "problem": PROBLEM_TONE,
}


class _SchemeFollower(QObject):
    """Runs a widget's colouring again whenever the application's palette changes."""

    def __init__(self, widget: QWidget, apply: Callable[[QWidget], None]) -> None:
        super().__init__(widget)
        self.apply = apply
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the application's change: a widget's own palette change would loop back here.
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def follow_scheme(widget: QWidget, apply: Callable[[QWidget], None]) -> None:
    """Colour ``widget`` now with ``apply``, and again when the system switches scheme.

    ``apply`` is handed the widget each time and must not hold on to it (nor to its window):
    a colouring that held its own widget would tie Python wrappers and Qt children into a
    cycle that only the garbage collector can break, as the window is being destroyed.
    """
    apply(widget)
    _SchemeFollower(widget, apply)


def recolour(widget: QWidget) -> None:
    """Run ``widget``'s colourings again now (what decides its colour changed)."""
    for follower in widget.findChildren(
        _SchemeFollower, options=Qt.FindChildOption.FindDirectChildrenOnly
    ):
        follower.apply(widget)


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
    does not read at 4.5:1), following the system's scheme."""
    colour_text(label, lambda palette: quiet_text(palette, QPalette.ColorRole.Window))


def colour_text(label: QWidget, colour: Callable[[QPalette], QColor]) -> None:
    """Give ``label``'s words the colour ``colour`` picks from the application's palette, now
    and whenever the scheme changes (``colour`` must not hold the label: see follow_scheme)."""
    follow_scheme(label, partial(_set_text_colour, colour))


def _set_text_colour(colour: Callable[[QPalette], QColor], label: QWidget) -> None:
    app = QGuiApplication.instance()
    base = QGuiApplication.palette() if app is not None else label.palette()
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour(base))
    label.setPalette(palette)


#: The dynamic property that names a label's tone (a key of TEXT_COLOURS, "" for none).
_TONE_PROPERTY = "text_tone"


def tone_text(label: QWidget, colour: SchemeColour | None) -> None:
    """Words in ``colour`` from now on (shaded for the scheme, and again when it switches), or
    in the window's own text colour for ``None``; call again to change it."""
    name = next((key for key, known in TEXT_COLOURS.items() if known == colour), "")
    if colour is not None and not name:
        raise ValueError(f"{colour} is not one of the named text colours")
    first = label.property(_TONE_PROPERTY) is None
    label.setProperty(_TONE_PROPERTY, name)
    if first:
        follow_scheme(label, _apply_tone)
    else:
        recolour(label)


def _apply_tone(label: QWidget) -> None:
    name = str(label.property(_TONE_PROPERTY) or "")

    def colour(palette: QPalette) -> QColor:
        if not name:
            return palette.color(QPalette.ColorRole.WindowText)
        return TEXT_COLOURS[name].on(palette)

    _set_text_colour(colour, label)


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
