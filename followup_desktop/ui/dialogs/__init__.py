"""Dialogs to add and edit records and to set preferences."""
