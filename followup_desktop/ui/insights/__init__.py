"""The Insights area: the search in charts, each with its figures in a table beside it."""
