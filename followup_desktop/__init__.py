"""Follow-up Desk: applications, contacts and follow-ups for a job search, kept on the desktop."""

__version__ = "0.1.0"
APP_NAME = "Follow-up Desk"
#: The one application id: .desktop file name, icon name, AppStream id, desktop file name in Qt.
APP_ID = "org.followupdesk.FollowUpDesk"
#: Folder name used by platformdirs; kept free of spaces so paths stay easy to type.
APP_DIR_NAME = "FollowUpDesk"
