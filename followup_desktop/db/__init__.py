"""The Peewee/SQLite store: models, connection, migrations and default rows."""
