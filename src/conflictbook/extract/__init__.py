"""Extractors: each reads one ``Article`` (plus what earlier extractors found) and returns records.

Order matters and is fixed in ``pipeline.extract_article``: claims first (who says
what, so later extractors know the source of each sentence), then the timeline (dates,
anchored to when a quote was said), then tallies (which take dates from the timeline).
"""
