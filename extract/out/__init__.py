"""Outputs: JSON writers, the SQLite store and the review pages."""
