"""The e-mail channel without a mail server: a mailto: link, and an .eml draft file."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from urllib.parse import quote


def mailto_url(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` link that opens a new message with this subject and body.

    Every reserved character is percent-encoded (RFC 6068): ``&`` and ``+`` in the text must not
    split or turn into spaces, and line breaks are sent as CRLF.
    """
    address = quote(to.strip(), safe="@.!$'*,;:-_~")
    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    if body:
        crlf = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
        fields.append("body=" + quote(crlf, safe=""))
    query = "?" + "&".join(fields) if fields else ""
    return f"mailto:{address}{query}"


def eml_bytes(
    *,
    sender_name: str,
    sender_email: str,
    to_name: str,
    to_email: str,
    subject: str,
    body: str,
    when: dt.datetime | None = None,
) -> bytes:
    """An unsent e-mail as an .eml file that mail programs open as a draft."""
    message = EmailMessage(policy=SMTP)
    if sender_email:
        message["From"] = formataddr((sender_name, sender_email))
    if to_email:
        message["To"] = formataddr((to_name, to_email))
    message["Subject"] = subject
    message["Date"] = format_datetime((when or dt.datetime.now()).astimezone())
    # Outlook and Thunderbird open a message with this header as a draft to send.
    message["X-Unsent"] = "1"
    message.set_content(body)
    return message.as_bytes()
