"""Use cases in plain Python (no Qt): queries and commands shared by windows and command line."""
