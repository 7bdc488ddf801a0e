"""Measuring: scores against gold files (eval) and coverage of an archive without gold."""
