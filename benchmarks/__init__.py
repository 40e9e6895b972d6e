"""Benchmarks of diplorec against pydantic v2 and msgspec models of the same shape.

Run ``python -m benchmarks.run --help``. The corpus generator (:mod:`benchmarks.corpus`)
is deterministic; the comparison models live in :mod:`benchmarks.pydantic_models` and
:mod:`benchmarks.msgspec_models`, and :mod:`benchmarks.parity` checks that all three
read the corpus to the same content before anything is timed.
"""
