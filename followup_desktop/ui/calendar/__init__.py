"""The calendar area (area.py) and its parts: the painted month grid, the week agenda, day lists."""
