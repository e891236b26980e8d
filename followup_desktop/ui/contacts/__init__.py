"""The Contacts area: people and companies, their details, history and import/export."""
