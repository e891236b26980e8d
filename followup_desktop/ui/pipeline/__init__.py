"""The pipeline board: stage columns of painted application cards, moved by drag or keyboard."""
