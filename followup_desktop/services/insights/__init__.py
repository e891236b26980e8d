"""Figures about the search: the stage funnel, answers, follow-ups that work, weekly activity."""
