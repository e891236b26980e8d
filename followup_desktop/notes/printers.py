"""The printers on this computer: which one, what paper each takes, which pages the user chose."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintEngine, QPrinter, QPrinterInfo

from followup_desktop.notes.imposition import SAME_SIZE_PT, parse_page_ranges, same_size

_PORTRAIT = QPageLayout.Orientation.Portrait
_LANDSCAPE = QPageLayout.Orientation.Landscape
#: Qt's key for the options a print job hands to CUPS (``PPK_CupsOptions`` in Qt's sources):
#: a flat list of names and values.
_CUPS_OPTIONS = 0xFE00


class PrintError(RuntimeError):
    """Printing failed or cannot start; the message is one line for the user."""


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def find_printer(name: str | None) -> QPrinterInfo:
    """The printer called ``name``, or the default one; PrintError says what is there instead."""
    names = printer_names()
    there = f"printers here: {', '.join(names)}" if names else "no printer is set up here"
    if name:
        if name not in names:
            raise PrintError(f"there is no printer {name!r} ({there})")
        return QPrinterInfo.printerInfo(name)
    default = QPrinterInfo.defaultPrinter()
    if default.isNull():
        raise PrintError(f"there is no default printer ({there})")
    return default


def printer_for(info: QPrinterInfo) -> QPrinter:
    """A printer at full resolution on the queue ``info`` names."""
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


@dataclass(frozen=True)
class PageChoice:
    """The paper a printer is asked for: a size it names, or a custom one, and which way round."""

    size: QPageSize
    orientation: QPageLayout.Orientation

    @property
    def label(self) -> str:
        return self.size.name() or self.size.key()


def _a4() -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4)


@dataclass(frozen=True)
class PrinterPapers:
    """What a printer can take: the paper sizes it names, custom sizes, its usual paper."""

    name: str
    sizes: tuple[QPageSize, ...] = ()
    custom: bool = False
    #: Shortest and longest side of a custom size, in points.
    custom_range: tuple[float, float] = (0.0, 0.0)
    default: QPageSize = field(default_factory=_a4)
    #: A PDF file rather than a printer: any size.
    to_file: bool = False

    @classmethod
    def of(cls, printer: QPrinter) -> PrinterPapers:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            name = printer.outputFileName() or "PDF"
            return cls(name, custom=True, default=_a4(), to_file=True)
        info = QPrinterInfo(printer)
        smallest = info.minimumPhysicalPageSize().size(QPageSize.Unit.Point)
        largest = info.maximumPhysicalPageSize().size(QPageSize.Unit.Point)
        default = info.defaultPageSize()
        return cls(
            printer.printerName(),
            tuple(info.supportedPageSizes()),
            info.supportsCustomPageSizes(),
            (min(smallest.width(), smallest.height()), max(largest.width(), largest.height())),
            default if default.isValid() else _a4(),
        )

    def named(self, size: tuple[float, float]) -> QPageSize | None:
        """The printer's own paper of these dimensions (either way round), if it has one."""
        wanted = (min(size), max(size))
        matches = []
        for page_size in self.sizes:
            points = page_size.size(QPageSize.Unit.Point)
            if same_size(wanted, (points.width(), points.height())):
                matches.append(page_size)
        # A driver may list one paper under two names ("AnsiA" and "Letter"): the usual one.
        usual = [size for size in matches if size.key() == QPageSize.key(size.id())]
        return next(iter(usual or matches), None)

    def takes_custom(self, size: tuple[float, float]) -> bool:
        if self.to_file:
            return True
        low, high = self.custom_range
        return self.custom and low <= min(size) and max(size) <= high

    def page_for(self, size: tuple[float, float], label: str = "") -> PageChoice | None:
        """How to ask this printer for paper of ``size`` (points, as drawn), or None.

        Portrait paper goes by the name the printer knows it by. A landscape sheet (a folded
        card, an envelope) is asked for as it is, wider than tall, where the printer takes
        custom sizes: the page comes out as drawn, with nothing turned by the print system
        (asked for as named paper in landscape, CUPS turns the drawing onto portrait paper).
        Otherwise it is the named paper turned to landscape.
        """
        landscape = size[0] > size[1] + SAME_SIZE_PT
        named = None if self.to_file else self.named(size)
        custom = None
        if self.takes_custom(size):
            custom = QPageSize(
                QSizeF(*size), QPageSize.Unit.Point, label, QPageSize.SizeMatchPolicy.ExactMatch
            )
        if landscape and custom is not None:
            return PageChoice(custom, _PORTRAIT)
        if named is not None:
            return PageChoice(named, _LANDSCAPE if landscape else _PORTRAIT)
        if custom is not None:
            return PageChoice(custom, _PORTRAIT)
        return None


# --- the pages the user chose ---------------------------------------------------------------


def _cups_key() -> QPrintEngine.PrintEnginePropertyKey | None:
    try:
        return QPrintEngine.PrintEnginePropertyKey(_CUPS_OPTIONS)
    except ValueError:
        return None


def cups_options(printer: QPrinter) -> list[str]:
    """The options Qt will hand to CUPS with the next job (names and values, flat)."""
    key, engine = _cups_key(), printer.printEngine()
    if key is None or engine is None:
        return []
    value = engine.property(key)
    return [str(item) for item in value] if isinstance(value, list) else []


def _set_cups_options(printer: QPrinter, options: list[str]) -> None:
    key, engine = _cups_key(), printer.printEngine()
    if key is not None and engine is not None:
        engine.setProperty(key, options)


def take_page_selection(printer: QPrinter) -> frozenset[int] | None:
    """The pages the user chose in the print dialog, numbered over every job; None for all.

    A range typed as text ("1,3-4") is left by Qt's dialog for CUPS, which would apply it to
    each job alone (page 1 of the envelopes as well as of the cards): it is taken back here.
    """
    selected: set[int] = set()
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            for piece in ranges.toRangeList():
                selected.update(range(piece.from_, piece.to + 1))
        elif printer.fromPage() > 0:
            last = max(printer.fromPage(), printer.toPage())
            selected.update(range(printer.fromPage(), last + 1))
    options = cups_options(printer)
    kept: list[str] = []
    for index in range(0, len(options) - 1, 2):
        name, value = options[index], options[index + 1]
        if name == "page-ranges":
            try:
                selected.update(parse_page_ranges(value))
            except ValueError as error:
                raise PrintError(f"the pages to print: {error}") from None
        else:
            kept += [name, value]
    if len(kept) != len(options):
        _set_cups_options(printer, kept)
    return frozenset(selected) if selected else None
