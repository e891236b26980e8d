"""A saved job posting read for its JobPosting data: JSON-LD, microdata, and a page without."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from followup_desktop.services.job_posting import html_as_text, read_job_posting

POSTINGS = Path(__file__).resolve().parents[1] / "importers" / "samples" / "postings"


def test_json_ld_posting_gives_the_application_fields() -> None:
    html = (POSTINGS / "json_ld_posting.html").read_text(encoding="utf-8")
    posting = read_job_posting(html, "https://jobs.example/view/42")
    assert posting is not None
    assert (posting.company, posting.position) == ("Kestrel Payroll", "Payroll Analyst")
    assert posting.location == "Leeds, West Yorkshire, GB"
    assert (posting.salary, posting.salary_currency, posting.salary_period) == (
        "32,000-38,000",
        "GBP",
        "year",
    )
    assert posting.apply_by == dt.date(2026, 12, 31)
    assert posting.link == "https://jobs.example/view/42"  # the page's address: no url given
    assert posting.description == (
        "We are looking for a Payroll Analyst to join our team.\n\n"
        "• Run monthly payroll for 2,000 staff\n\n• Sage & Excel"
    )


def test_microdata_posting_is_read_too() -> None:
    html = (POSTINGS / "microdata_posting.html").read_text(encoding="utf-8")
    posting = read_job_posting(html)
    assert posting is not None
    assert (posting.company, posting.position, posting.work_mode) == (
        "Núñez & Co",
        "Data Engineer",
        "remote",
    )
    assert (posting.salary, posting.salary_currency, posting.salary_period) == ("55", "EUR", "hour")
    assert posting.link == "https://nunez.example/jobs/7"
    assert posting.apply_by == dt.date(2027, 1, 15)
    assert posting.description == "Build pipelines.\nWork from anywhere in Spain."


def test_a_page_without_a_posting_and_broken_markup_give_none() -> None:
    assert read_job_posting((POSTINGS / "no_posting.html").read_text(encoding="utf-8")) is None
    assert read_job_posting("<div itemscope><p>unclosed <b>tags") is None
    assert read_job_posting("") is None


def test_markup_as_text() -> None:
    assert html_as_text("plain words") == "plain words"
    assert html_as_text("<p>One&nbsp;&amp; two</p><p>Three<br>four</p>") == (
        "One & two\n\nThree\nfour"
    )
