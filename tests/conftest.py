"""Shared test configuration: Hypothesis profiles.

``dev`` is the default; ``ci`` (derandomised, bounded, no deadline) is chosen when
``CI`` is set; ``thorough`` runs thousands of examples for a nightly job. Pick one
explicitly with ``DIPLOREC_HYPOTHESIS_PROFILE=thorough pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=50,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(
    os.environ.get("DIPLOREC_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
