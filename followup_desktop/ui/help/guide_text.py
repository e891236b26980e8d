"""The getting-started guide's text: how the app plans follow-ups, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GuideNumbers:
    """The user's own settings the guide quotes (from the profile)."""

    answer_wait_days: int
    thank_you_delay_days: int
    keep_in_touch_days: int


def _days(count: int, unit: str = "day") -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def guide_html(numbers: GuideNumbers) -> str:
    """The guide as simple HTML (the app's own words; nothing typed by the user)."""
    wait = _days(numbers.answer_wait_days, "working day")
    thanks = (
        "the next working day"
        if numbers.thank_you_delay_days <= 1
        else f"within {_days(numbers.thank_you_delay_days, 'working day')}"
    )
    months = round(numbers.keep_in_touch_days / 30)
    cadence = (
        f"every {months} months" if months > 1 else f"every {_days(numbers.keep_in_touch_days)}"
    )
    return f"""
<h2>Getting started</h2>
<p>Follow-up Desk keeps each job you applied for moving. Add an application
(<b>File → New application</b>, Ctrl+N) with the person you deal with there; the app then
works out when you should get in touch again and puts it on your Today list.</p>

<h3>Why follow up at all</h3>
<p>Hearing nothing is not an answer. A short, polite follow-up shows you still want the job
and that you value being considered; it also gives you one more chance to say why you fit.
Companies rarely chase candidates, so the first move is yours, and the sooner the better.</p>

<h3>What the app plans for you</h3>
<ul>
<li><b>Status check.</b> Each application has a day by which you should have heard back:
the one the company gave you, or {wait} after you applied. If that day passes in silence,
a status check falls due. Logging any conversation with the company moves the day on.</li>
<li><b>Thank-you.</b> After an interview or a talk, a thank-you is due {thanks}, while
they still remember you.</li>
<li><b>Keep in touch.</b> A “no” is not the end: the recruiter goes on a keep-in-touch
list and you are reminded {cadence}, so you are in mind when the next role opens.</li>
<li><b>Nothing planned.</b> An open application with no next step is flagged on its card.</li>
</ul>
<p>Follow-ups fall on your working days; change the numbers in <b>Edit → Preferences</b>.</p>

<h3>How to get in touch</h3>
<p>Call, send an e-mail or write a note by hand. Texts and messages on social networks come
across as casual, even when that is where the recruiter first found you, so the app does not
offer them.</p>
<ul>
<li><b>Calling:</b> the call sheet shows whom to ask for and at which company, a good time
to ring (not too early, not too late), and a few lines to practise: your name, the job and
what you bring. Find a quiet place, leave your number, and thank them.</li>
<li><b>Writing:</b> the composer fills a template from what you logged, so the letter
recalls your conversation, answers what was left open and stays short. Its coach checks
that you thanked them, sounded keen, and gave your e-mail or phone.</li>
</ul>

<h3>Every morning</h3>
<p>The <b>Today</b> panel (Ctrl+T) lists what is due and overdue. Open one to call or write,
then mark it done; or skip it, or move it to later. Each step you log plans the next one.</p>
<p>All the keys: <b>Help → Keyboard shortcuts</b> (Ctrl+/).</p>
"""
