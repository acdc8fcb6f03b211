"""storyline: news-story intelligence — many outlets in, one sourced story out."""

__version__ = "0.1.0"
