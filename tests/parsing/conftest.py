"""Hypothesis profiles for the parsing round trips: ``--hypothesis-profile=thorough``."""

from hypothesis import settings

settings.register_profile("thorough", max_examples=3000, deadline=None)
