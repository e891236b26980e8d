"""The composer: write a follow-up letter, see the coach's checks, and print it as a card."""
