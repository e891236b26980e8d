"""What a board card says comes from one query: its next follow-up is the one its menu acts on."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp, Stage
from followup_desktop.services.board import card_page, load_card
from followup_desktop.services.records import ApplicationInput, save_application


def test_the_next_follow_up_is_the_earliest_then_the_oldest(store: StoreInfo) -> None:
    stage = Stage.get(Stage.name == "Applied")
    application = save_application(
        ApplicationInput(company="Tie Ltd", position="Analyst", stage_id=stage.id)
    )
    FollowUp.delete().where(FollowUp.application == application.id).execute()
    day = dt.date.today() + dt.timedelta(days=3)
    later = FollowUp.create(application=application, due_on=day + dt.timedelta(days=1))
    first = FollowUp.create(application=application, due_on=day, channel="call")
    second = FollowUp.create(application=application, due_on=day, channel="note")
    FollowUp.create(application=application, due_on=day - dt.timedelta(days=1), state="done")
    assert later.id < first.id < second.id

    card = load_card(application.id)
    assert card is not None
    assert (card.next_follow_up_id, card.next_due, card.next_channel) == (first.id, day, "call")
    assert card_page(stage.id)[0].next_follow_up_id == first.id

    FollowUp.update(state="done").where(FollowUp.id == first.id).execute()
    card = load_card(application.id)
    assert card is not None
    assert (card.next_follow_up_id, card.next_channel) == (second.id, "note")
    FollowUp.delete().where(FollowUp.application == application.id).execute()
    card = load_card(application.id)
    assert card is not None
    assert (card.next_follow_up_id, card.next_due, card.next_channel) == (None, None, "")
