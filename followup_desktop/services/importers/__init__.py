"""Reading address books (vCard, CSV) into contacts: decode, parse, preview, then write once."""
