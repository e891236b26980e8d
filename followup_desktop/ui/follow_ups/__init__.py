"""Acting on follow-ups: the shared actions menu, the call sheet and the completion dialog."""
