"""A sample thank-you note and print job shared by the note engine tests."""

from __future__ import annotations

from followup_desktop.services.letter_jobs import NoteJob

SAMPLE_TEXT = (
    "Dear Amelia,\n\n"
    "Thank you for your time on Tuesday and for everything you shared about the team's move to "
    "a new reporting stack. I enjoyed our conversation and I am excited about the Data Analyst "
    "role at Northwind Analytics.\n\n"
    "You asked about my experience with SQL at scale: at my last job I rebuilt the nightly sales "
    "reports on a warehouse of two billion rows, which cut their run time from hours to "
    "minutes.\n\n"
    "Please let me know if I can answer any other questions. I hope to hear from you soon.\n\n"
    "Warm regards,\nJordan Rivera"
)


def sample_job(**changes: object) -> NoteJob:
    values: dict[str, object] = {
        "text": SAMPLE_TEXT,
        "paper": "A6",
        "seed": 3,
        "label": "sample",
        "sender_name": "Jordan Rivera",
        "sender_address": ("1180 Alder Street, Apt 4", "Springfield, IL 62704"),
        "sender_email": "jordan.rivera@example.com",
        "sender_phone": "+1 415 555 0142",
        "recipient_name": "Amelia Berg",
        "recipient_address": (
            "Amelia Berg",
            "Northwind Analytics",
            "107 Market St",
            "Springfield, IL 62701",
        ),
    }
    values.update(changes)
    return NoteJob(**values)  # type: ignore[arg-type]
