"""Ordered schema migrations keyed by ``PRAGMA user_version``; version N is reached by step N."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import NamedTuple

import peewee as pw

from followup_desktop.db.text_fold import SQL_NAME


class Migration(NamedTuple):
    """One step from ``version - 1`` to ``version``, run inside the step's transaction."""

    version: int
    description: str
    apply: Callable[[pw.SqliteDatabase], None]


def script_statements(script: str) -> Iterator[str]:
    """The statements of ``script`` one by one. A piece ending in ";" is a statement once SQLite
    calls it complete (a trigger's body holds semicolons of its own)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""
    if pending.strip(" \n;"):
        yield pending


def _run_script(db: pw.SqliteDatabase, script: str) -> None:
    # Statements are run one by one: executescript() would commit our open transaction.
    for statement in script_statements(script):
        db.execute_sql(statement)


# The first released schema, written out so that it never changes when the models do.
_SCHEMA_V1 = """
CREATE TABLE "company" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL,
  "website" TEXT NOT NULL DEFAULT '', "address" TEXT NOT NULL DEFAULT '',
  "notes" TEXT NOT NULL DEFAULT '', "created_at" DATETIME NOT NULL);
CREATE INDEX "company_name" ON "company" ("name");
CREATE TABLE "stage" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL,
  "position" INTEGER NOT NULL, "is_closed" INTEGER NOT NULL DEFAULT 0,
  "is_hidden" INTEGER NOT NULL DEFAULT 0, "kind" VARCHAR(16) NOT NULL DEFAULT '');
CREATE UNIQUE INDEX "stage_name" ON "stage" ("name");
CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "first_name" TEXT NOT NULL DEFAULT '',
  "last_name" TEXT NOT NULL DEFAULT '', "role" TEXT NOT NULL DEFAULT '', "company_id" INTEGER,
  "is_agency" INTEGER NOT NULL DEFAULT 0, "client_company_id" INTEGER,
  "email" TEXT NOT NULL DEFAULT '', "phone" TEXT NOT NULL DEFAULT '',
  "address" TEXT NOT NULL DEFAULT '', "notes" TEXT NOT NULL DEFAULT '',
  "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
  FOREIGN KEY ("company_id") REFERENCES "company" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("client_company_id") REFERENCES "company" ("id") ON DELETE SET NULL);
CREATE INDEX "contact_company_id" ON "contact" ("company_id");
CREATE INDEX "contact_client_company_id" ON "contact" ("client_company_id");
CREATE INDEX "contact_last_name_first_name" ON "contact" ("last_name", "first_name");
CREATE TABLE "application" ("id" INTEGER NOT NULL PRIMARY KEY, "company_id" INTEGER NOT NULL,
  "position" TEXT NOT NULL, "stage_id" INTEGER NOT NULL, "rank" INTEGER NOT NULL DEFAULT 0,
  "contact_id" INTEGER, "applied_on" DATE, "expected_answer_on" DATE,
  "source" TEXT NOT NULL DEFAULT '', "link" TEXT NOT NULL DEFAULT '',
  "notes" TEXT NOT NULL DEFAULT '', "archived" INTEGER NOT NULL DEFAULT 0,
  "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
  FOREIGN KEY ("company_id") REFERENCES "company" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("stage_id") REFERENCES "stage" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE INDEX "application_company_id" ON "application" ("company_id");
CREATE INDEX "application_stage_id" ON "application" ("stage_id");
CREATE INDEX "application_contact_id" ON "application" ("contact_id");
CREATE INDEX "application_stage_id_archived_rank" ON "application" ("stage_id", "archived", "rank");
CREATE TABLE "application_contact" ("id" INTEGER NOT NULL PRIMARY KEY,
  "application_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL,
  "role" TEXT NOT NULL DEFAULT '',
  FOREIGN KEY ("application_id") REFERENCES "application" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "application_contact_application_id" ON "application_contact" ("application_id");
CREATE INDEX "application_contact_contact_id" ON "application_contact" ("contact_id");
CREATE UNIQUE INDEX "application_contact_application_id_contact_id"
  ON "application_contact" ("application_id", "contact_id");
CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER,
  "contact_id" INTEGER, "due_on" DATE NOT NULL, "window_start" VARCHAR(5) NOT NULL DEFAULT '',
  "window_end" VARCHAR(5) NOT NULL DEFAULT '', "channel" VARCHAR(8) NOT NULL DEFAULT 'email',
  "reason" VARCHAR(16) NOT NULL DEFAULT 'manual', "state" VARCHAR(8) NOT NULL DEFAULT 'planned',
  "outcome" TEXT NOT NULL DEFAULT '', "created_at" DATETIME NOT NULL, "completed_at" DATETIME,
  FOREIGN KEY ("application_id") REFERENCES "application" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE INDEX "follow_up_application_id" ON "follow_up" ("application_id");
CREATE INDEX "follow_up_contact_id" ON "follow_up" ("contact_id");
CREATE INDEX "follow_up_due_on" ON "follow_up" ("due_on");
CREATE TABLE "interaction" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER,
  "contact_id" INTEGER, "company_id" INTEGER, "occurred_at" DATETIME NOT NULL,
  "channel" VARCHAR(16) NOT NULL DEFAULT 'email',
  "direction" VARCHAR(8) NOT NULL DEFAULT 'outbound',
  "kind" VARCHAR(16) NOT NULL DEFAULT 'email', "summary" TEXT NOT NULL DEFAULT '',
  "open_questions" TEXT NOT NULL DEFAULT '', "concerns" TEXT NOT NULL DEFAULT '',
  "created_at" DATETIME NOT NULL,
  FOREIGN KEY ("application_id") REFERENCES "application" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("company_id") REFERENCES "company" ("id") ON DELETE CASCADE);
CREATE INDEX "interaction_application_id" ON "interaction" ("application_id");
CREATE INDEX "interaction_contact_id" ON "interaction" ("contact_id");
CREATE INDEX "interaction_company_id" ON "interaction" ("company_id");
CREATE INDEX "interaction_company_id_occurred_at" ON "interaction" ("company_id", "occurred_at");
CREATE INDEX "interaction_contact_id_occurred_at" ON "interaction" ("contact_id", "occurred_at");
CREATE INDEX "interaction_application_id_occurred_at"
  ON "interaction" ("application_id", "occurred_at");
CREATE TABLE "letter" ("id" INTEGER NOT NULL PRIMARY KEY, "follow_up_id" INTEGER,
  "application_id" INTEGER, "contact_id" INTEGER, "template" TEXT NOT NULL DEFAULT '',
  "channel" VARCHAR(8) NOT NULL DEFAULT 'note', "subject" TEXT NOT NULL DEFAULT '',
  "body" TEXT NOT NULL DEFAULT '', "card_size" VARCHAR(32) NOT NULL DEFAULT 'A6',
  "folded" INTEGER NOT NULL DEFAULT 0, "landscape" INTEGER NOT NULL DEFAULT 0,
  "font" TEXT NOT NULL DEFAULT '', "ink" VARCHAR(32) NOT NULL DEFAULT 'ballpoint-blue',
  "neatness" REAL NOT NULL DEFAULT 0.5, "seed" INTEGER NOT NULL DEFAULT 1,
  "state" VARCHAR(8) NOT NULL DEFAULT 'draft', "created_at" DATETIME NOT NULL,
  "updated_at" DATETIME NOT NULL, "sent_at" DATETIME,
  FOREIGN KEY ("follow_up_id") REFERENCES "follow_up" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("application_id") REFERENCES "application" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE INDEX "letter_follow_up_id" ON "letter" ("follow_up_id");
CREATE INDEX "letter_application_id" ON "letter" ("application_id");
CREATE INDEX "letter_contact_id" ON "letter" ("contact_id");
CREATE TABLE "profile" ("id" INTEGER NOT NULL PRIMARY KEY, "full_name" TEXT NOT NULL DEFAULT '',
  "email" TEXT NOT NULL DEFAULT '', "phone" TEXT NOT NULL DEFAULT '',
  "address" TEXT NOT NULL DEFAULT '', "qualifications" TEXT NOT NULL DEFAULT '',
  "pitch" TEXT NOT NULL DEFAULT '', "working_days" VARCHAR(7) NOT NULL DEFAULT '12345',
  "answer_wait_days" INTEGER NOT NULL DEFAULT 10, "updated_at" DATETIME NOT NULL);
"""

# Version 2: time zones and cadences for contacts, idempotent rule planning, profile settings
# for the follow-up rules and notes, and a small key/value table.
_SCHEMA_V2 = """
ALTER TABLE "contact" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "preferred_channel" VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "social_handle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "keep_in_touch_days" INTEGER;
ALTER TABLE "follow_up" ADD COLUMN "rule_key" TEXT;
ALTER TABLE "follow_up" ADD COLUMN "user_changed" INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX "follow_up_rule_key" ON "follow_up" ("rule_key");
DROP INDEX "follow_up_due_on";
CREATE INDEX "follow_up_due_on_state" ON "follow_up" ("due_on", "state");
ALTER TABLE "profile" ADD COLUMN "phone_region" VARCHAR(2) NOT NULL DEFAULT 'US';
ALTER TABLE "profile" ADD COLUMN "days_off" TEXT NOT NULL DEFAULT '';
ALTER TABLE "profile" ADD COLUMN "thank_you_delay_days" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "profile" ADD COLUMN "keep_in_touch_days" INTEGER NOT NULL DEFAULT 90;
ALTER TABLE "profile" ADD COLUMN "reminder_time" VARCHAR(5) NOT NULL DEFAULT '09:00';
ALTER TABLE "profile" ADD COLUMN "note_font" TEXT NOT NULL DEFAULT '';
ALTER TABLE "profile" ADD COLUMN "note_ink" VARCHAR(32) NOT NULL DEFAULT 'ballpoint-blue';
ALTER TABLE "profile" ADD COLUMN "note_card_size" VARCHAR(32) NOT NULL DEFAULT 'A6';
CREATE TABLE "setting" ("key" VARCHAR(100) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL DEFAULT '');
"""

# Version 3: the contact list searches and pages in SQL instead of holding every contact.
# Two full-text indexes of each contact's name, company, e-mail, role and client company, kept
# current by triggers (so every writer, bulk imports included, keeps them right): trigrams find
# any part of a word of three or more characters; word prefixes answer the first keystrokes.
# A bulk insert (import, demo) pauses the insert triggers inside its transaction and indexes
# its new rows in one statement, eight times faster than row by row.
# Plus the list's name order without case, and the keep-in-touch lookups by contact.
SEARCH_BODY = (
    "{row}.first_name || ' ' || {row}.last_name"
    " || ' | ' || coalesce((SELECT name FROM company WHERE id = {row}.company_id), '')"
    " || ' | ' || {row}.email || ' | ' || {row}.role"
    " || ' | ' || coalesce((SELECT name FROM company WHERE id = {row}.client_company_id), '')"
)
SEARCH_TABLES = ("contact_search", "contact_search_words")
_TRIGGERS = """
CREATE TRIGGER "{table}_contact_insert" AFTER INSERT ON contact
  WHEN NOT EXISTS (SELECT 1 FROM contact_search_paused) BEGIN
  INSERT OR REPLACE INTO "{table}" (rowid, body) VALUES (NEW.id, {new_body});
END;
CREATE TRIGGER "{table}_contact_update" AFTER UPDATE OF
  id, first_name, last_name, company_id, email, role, client_company_id ON contact BEGIN
  DELETE FROM "{table}" WHERE rowid = OLD.id;
  INSERT OR REPLACE INTO "{table}" (rowid, body) VALUES (NEW.id, {new_body});
END;
CREATE TRIGGER "{table}_contact_delete" AFTER DELETE ON contact BEGIN
  DELETE FROM "{table}" WHERE rowid = OLD.id;
END;
CREATE TRIGGER "{table}_company_rename" AFTER UPDATE OF name ON company BEGIN
  INSERT OR REPLACE INTO "{table}" (rowid, body)
    SELECT c.id, {c_body} FROM contact c
    WHERE c.company_id = NEW.id OR c.client_company_id = NEW.id;
END;
"""
_TRIGGER_NAMES = ("contact_insert", "contact_update", "contact_delete", "company_rename")


def _indexes_filled(body: str) -> str:
    """Each search index filled with ``body`` (a format of ``row``) and kept so by triggers."""
    return "".join(
        f'''
INSERT INTO "{table}" (rowid, body) SELECT c.id, {body.format(row="c")} FROM contact c;'''
        + _TRIGGERS.format(
            table=table, new_body=body.format(row="NEW"), c_body=body.format(row="c")
        )
        for table in SEARCH_TABLES
    )


_SCHEMA_V3 = (
    """
CREATE VIRTUAL TABLE "contact_search" USING fts5(body, tokenize = 'trigram');
CREATE VIRTUAL TABLE "contact_search_words" USING fts5(
  body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2');
CREATE TABLE "contact_search_paused" ("id" INTEGER NOT NULL PRIMARY KEY);
"""
    + _indexes_filled(SEARCH_BODY)
    + """
CREATE INDEX "contact_sort_name" ON "contact" (
  "last_name" COLLATE NOCASE, "first_name" COLLATE NOCASE);
CREATE INDEX "contact_agency_sort_name" ON "contact" (
  "last_name" COLLATE NOCASE, "first_name" COLLATE NOCASE) WHERE "is_agency" = 1;
CREATE INDEX "follow_up_reason_state_contact_id_due_on"
  ON "follow_up" ("reason", "state", "contact_id", "due_on");
"""
)

# Version 4: what address books know of a person beyond the first fields: department, birthday,
# websites, the labels of the main number, e-mail and address, and the address book's own id.
_SCHEMA_V4 = """
ALTER TABLE "contact" ADD COLUMN "department" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "birthday" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "websites" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "phone_label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "email_label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "address_label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "uid" TEXT NOT NULL DEFAULT '';
"""

# Version 5: the search indexes hold the text folded (no case, no accents) by the function
# ``search_fold`` that every connection of the app registers (``db.text_fold``), so "nunez"
# finds "Núñez". A program without that function can still read the store, and write anything
# but contacts and company names.
#: Also what ``db.contact_search_index`` writes when it fills the indexes in bulk.
FOLDED_SEARCH_BODY = f"{SQL_NAME}({SEARCH_BODY})"
_SCHEMA_V5 = (
    "".join(
        f'DROP TRIGGER "{table}_{name}";\n' for table in SEARCH_TABLES for name in _TRIGGER_NAMES
    )
    + "".join(f'DELETE FROM "{table}";\n' for table in SEARCH_TABLES)
    + _indexes_filled(FOLDED_SEARCH_BODY)
)

# Version 6: the job itself on each application: where it is and how it is worked, the pay
# (whole units of a currency per year, month or hour), how much the user wants it (0: not
# said, 1 to 3), free tags (", " between them), the last day to apply and the posting's text.
# And each application's planned follow-ups by due day in one index that answers "the next
# one" without reading the table: the table of applications sorts ten thousand by it.
_SCHEMA_V6 = """
ALTER TABLE "application" ADD COLUMN "location" TEXT NOT NULL DEFAULT '';
ALTER TABLE "application" ADD COLUMN "work_mode" VARCHAR(8) NOT NULL DEFAULT '';
ALTER TABLE "application" ADD COLUMN "salary_min" INTEGER;
ALTER TABLE "application" ADD COLUMN "salary_max" INTEGER;
ALTER TABLE "application" ADD COLUMN "salary_currency" VARCHAR(3) NOT NULL DEFAULT '';
ALTER TABLE "application" ADD COLUMN "salary_period" VARCHAR(8) NOT NULL DEFAULT '';
ALTER TABLE "application" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "application" ADD COLUMN "tags" TEXT NOT NULL DEFAULT '';
ALTER TABLE "application" ADD COLUMN "apply_by" DATE;
ALTER TABLE "application" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
CREATE INDEX "follow_up_application_id_state_due_on"
  ON "follow_up" ("application_id", "state", "due_on");
"""

# Version 7: files attached to an application (résumé and cover letter versions, offer
# letters). The files live in the data folder's "documents" folder named by their content, so a
# file sent twenty times is kept once; a row says which application it went with, what it is,
# its name when attached, and when.
_SCHEMA_V7 = """
CREATE TABLE "document" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL,
  "kind" VARCHAR(16) NOT NULL DEFAULT 'other', "name" TEXT NOT NULL,
  "content_hash" VARCHAR(64) NOT NULL, "suffix" VARCHAR(16) NOT NULL DEFAULT '',
  "size" INTEGER NOT NULL, "attached_at" DATETIME NOT NULL,
  FOREIGN KEY ("application_id") REFERENCES "application" ("id") ON DELETE CASCADE);
CREATE INDEX "document_application_id" ON "document" ("application_id");
CREATE INDEX "document_content_hash" ON "document" ("content_hash");
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", lambda db: _run_script(db, _SCHEMA_V1)),
    Migration(
        2, "time zones, cadences, rule keys, settings", lambda db: _run_script(db, _SCHEMA_V2)
    ),
    Migration(
        3,
        "contact search indexes, name order, keep-in-touch index",
        lambda db: _run_script(db, _SCHEMA_V3),
    ),
    Migration(
        4,
        "contact department, birthday, websites, labels and address-book id",
        lambda db: _run_script(db, _SCHEMA_V4),
    ),
    Migration(5, "accent-free contact search", lambda db: _run_script(db, _SCHEMA_V5)),
    Migration(
        6,
        "job details: location, work mode, salary, priority, tags, deadline, description",
        lambda db: _run_script(db, _SCHEMA_V6),
    ),
    Migration(7, "documents attached to applications", lambda db: _run_script(db, _SCHEMA_V7)),
)


def pending_migrations(current_version: int) -> list[Migration]:
    """The steps still to run on a database at ``current_version``, in order."""
    return [step for step in MIGRATIONS if step.version > current_version]


def apply_migrations(db: pw.SqliteDatabase, current_version: int) -> int:
    """Run each pending step in its own transaction with its version bump; return the new version.

    A step either lands completely, version included, or not at all: a crash mid-way leaves the
    database at the previous version.
    """
    version = current_version
    for step in pending_migrations(current_version):
        with db.atomic("IMMEDIATE"):
            step.apply(db)
            db.execute_sql(f"PRAGMA user_version = {int(step.version)}")
        version = step.version
    return version
