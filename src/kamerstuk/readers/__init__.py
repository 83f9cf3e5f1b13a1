"""Readers: one per input format, each turning its input into text plus tokens."""
