"""The composer shows which hands write every letter typed, and the coach names a missing one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.main_window import MainWindow


def test_the_hands_that_write_every_typed_letter_are_named(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    composer = window.show_area("composer")
    assert isinstance(composer, ComposerArea)
    picker = composer.header.channel_picker
    picker.setCurrentIndex(picker.findData("note"))
    hand = composer.desk.card.options.hand
    hand.setCurrentIndex(hand.findData("Breip"))
    coverage = composer.desk.card.coverage
    composer.body.setFocus()
    qtbot.keyClicks(composer.body, "Dear ")
    # Letters a keyboard test cannot type are pasted, as from an address book.
    composer.body.insertPlainText("Renée, thank you! Łódź, Příliš, Ŋuolo.")
    qtbot.waitUntil(lambda: "Kaushan Script" in coverage.text(), timeout=3000)
    assert coverage.isVisible()
    assert coverage.text().startswith("All your letters: Kaushan Script.")
    assert "Breip lacks Ŋ" in coverage.text()
    tips = {
        hand.itemData(i): hand.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(hand.count())
    }
    assert tips["Kaushan Script"] == "Writes every letter of your text"
    assert tips["Breip"].startswith("Lacks Ŋ")
    check = {c.key: c for c in composer.coach.checks}["hand"]
    assert not check.passed
    assert check.reason.startswith("Ŋ is not in this hand")
    # The preview draws it all the same, in the closest hand.
    assert composer.sheet is not None
    assert "Ŋ" in {mark.char for mark in composer.sheet.marks}
    for size in ((1024, 640), (1280, 800)):
        window.resize(*size)
        qtbot.wait(50)
        window.grab().save(str(tmp_path / f"composer-{size[0]}.png"))

    # A hand with every letter: the coach is content.
    hand.setCurrentIndex(hand.findData("Kaushan Script"))
    qtbot.waitUntil(
        lambda: {c.key: c.passed for c in composer.coach.checks}.get("hand") is True,
        timeout=3000,
    )
