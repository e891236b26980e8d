"""Reading address books (vCard, CSV) into contacts: decode, parse, preview, then one transaction."""
