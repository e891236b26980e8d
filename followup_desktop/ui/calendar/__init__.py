"""The calendar area's parts: the painted month grid, the week agenda and follow-up lists."""
