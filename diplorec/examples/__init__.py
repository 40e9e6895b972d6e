"""Worked examples: real events encoded as diplorec data."""
