"""The four areas of the main window: pipeline, calendar, contacts and composer."""
