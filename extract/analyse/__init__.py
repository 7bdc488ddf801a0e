"""Analysis: normalised blocks -> lines, tokens, cues and the outline tree the field extractors read."""
