"""Help: the getting-started guide and the keyboard shortcut sheet."""
