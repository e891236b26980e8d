"""Fill the contact search indexes in one statement after a bulk insert of contacts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from followup_desktop.db.migrations import FOLDED_SEARCH_BODY, SEARCH_TABLES
from followup_desktop.db.models import database


@contextmanager
def contacts_indexed_in_bulk() -> Iterator[None]:
    """Within the caller's transaction, index the contacts inserted in the block at its end.

    The insert triggers index one row per statement, which costs about eight times more than
    one INSERT … SELECT over all the new rows; a pause row (rolled back with the transaction if
    anything fails) switches them off meanwhile. New contacts get ids above today's largest.
    """
    if not database.in_transaction():
        raise RuntimeError("contacts_indexed_in_bulk() must run inside a transaction")
    (last_id,) = database.execute_sql("SELECT coalesce(max(id), 0) FROM contact").fetchone()
    database.execute_sql("INSERT INTO contact_search_paused DEFAULT VALUES")
    try:
        yield
        for table in SEARCH_TABLES:
            database.execute_sql(
                f'INSERT OR REPLACE INTO "{table}" (rowid, body)'
                f" SELECT c.id, {FOLDED_SEARCH_BODY.format(row='c')} FROM contact c WHERE c.id > ?",
                (last_id,),
            )
    finally:
        database.execute_sql("DELETE FROM contact_search_paused")
