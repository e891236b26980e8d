"""The handwritten-note engine: layout and QPainter rendering for screen, printer and PDF."""
