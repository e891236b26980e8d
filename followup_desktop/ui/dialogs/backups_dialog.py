"""File → Backups: the list with date and size, a backup now, restoring and removing one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import (
    KEPT_LABEL,
    BackupFile,
    list_user_backups,
    manual_backup,
    remove_user_backup,
    restore_and_reopen,
    retention_policy,
)
from followup_desktop.ui.errors import guarded
from followup_desktop.ui.events import AppEvents

_PATH_ROLE = Qt.ItemDataRole.UserRole
_KEPT_TOOLTIP = (
    "Your data as it was before a restore. The rotation never removes it, so the restore can "
    "be undone by restoring this backup; remove it here when you no longer need it."
)


def backup_date_text(backup: BackupFile) -> str:
    return f"{backup.taken_at:%a %d %b %Y, %H:%M:%S}"


def reason_text(backup: BackupFile) -> str:
    """The "Why" of a backup, saying when the rotation never removes it."""
    if backup.kept_until_removed:
        return f"{backup.reason_label} · {KEPT_LABEL}"
    return backup.reason_label


def policy_text() -> str:
    policy = retention_policy()
    return (
        "A backup is made when you start and quit Follow-up Desk (if your data changed) and "
        f"before every upgrade. Kept: the latest {policy.latest}, then one a day for "
        f"{policy.daily} days, one a week for {policy.weekly} weeks and one a month for "
        f"{policy.monthly} months. The backup made before a restore is kept until you remove "
        "it, so the restore can always be undone."
    )


class BackupsDialog(QDialog):
    """Lists the backups; restoring first backs up the current data, so it can be undone."""

    def __init__(
        self,
        location: DataLocation,
        events: AppEvents,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.events = events
        #: Backups restored while the dialog was open (the window then clears its undo history).
        self.restored: list[BackupFile] = []
        self.setWindowTitle("Backups")
        self.setMinimumSize(620, 420)

        intro = QLabel(policy_text())
        intro.setObjectName("backups_policy")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        folder = QLabel(f"Folder: {location.backups}")
        folder.setTextFormat(Qt.TextFormat.PlainText)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)

        self.table = QTreeWidget()
        self.table.setObjectName("backups_list")
        self.table.setAccessibleName("Backups")
        self.table.setHeaderLabels(["Made", "Size", "Why"])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = QLabel("No backups yet. Use “Back up now” to make the first one.")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        self.remove_button = QPushButton("Re&move…")
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(folder)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        self.table.clear()
        backups = list_user_backups(self.location)
        for backup in backups:
            item = QTreeWidgetItem(
                [backup_date_text(backup), backup.size_text, reason_text(backup)]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, _PATH_ROLE, str(backup.path))
            item.setToolTip(0, backup.path.name)
            if backup.kept_until_removed:
                item.setToolTip(2, _KEPT_TOOLTIP)
            self.table.addTopLevelItem(item)
        self.empty_label.setVisible(not backups)
        newest = self.table.topLevelItem(0)
        if newest is not None:
            self.table.setCurrentItem(newest)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.restore_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected(self) -> BackupFile | None:
        item = self.table.currentItem()
        if item is None:
            return None
        path = str(item.data(0, _PATH_ROLE))
        return next((b for b in list_user_backups(self.location) if str(b.path) == path), None)

    def back_up_now(self) -> None:
        made = guarded(lambda: manual_backup(self.location), self)
        if made is not None:
            self.status.setText(f"Backed up: {made.path.name} ({made.size_text}).")
        self.refresh()

    def confirm_restore(self, backup: BackupFile) -> bool:
        """Ask before replacing the data (replaced in tests)."""
        answer = QMessageBox.question(
            self,
            "Restore backup",
            f"Replace your current data with the backup made {backup_date_text(backup)}?\n\n"
            "Your current data is backed up first, so you can come back to it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.confirm_restore(backup):
            return
        restored = guarded(lambda: (restore_and_reopen(self.location, backup.path),), self)
        if restored is not None:
            (safety,) = restored
            kept = f" Your data from before is kept as {safety.path.name}." if safety else ""
            self.status.setText(f"Restored the backup made {backup_date_text(backup)}.{kept}")
            self.restored.append(backup)
            self.events.store_replaced.emit()
            self.events.emit_all_changed()
        self.refresh()

    def confirm_remove(self, backup: BackupFile) -> bool:
        """Ask before deleting a backup; Cancel is the default."""
        text = (
            f"Remove the backup made {backup_date_text(backup)} ({backup.reason_label})?\n\n"
            "It is deleted from the disk and cannot be brought back."
        )
        if backup.kept_until_removed:
            text += " It holds your data as it was before a restore: without it, that restore "
            text += "cannot be undone."
        box = QMessageBox(QMessageBox.Icon.Question, "Remove backup", text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def remove_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.confirm_remove(backup):
            return
        if guarded(lambda: remove_user_backup(self.location, backup), self) is not None:
            self.status.setText(f"Removed the backup made {backup_date_text(backup)}.")
        self.refresh()
