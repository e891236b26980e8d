"""Writing contacts out: vCard 3.0 for address books, spreadsheet-safe CSV."""
