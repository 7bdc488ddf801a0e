"""Field extractors: each reads the outline (and the cue spans) and returns schema objects."""
