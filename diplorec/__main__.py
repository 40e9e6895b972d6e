"""``python -m diplorec``: the diplorec command line (see :mod:`diplorec.cli`)."""

from __future__ import annotations

import sys

from diplorec.cli import main

if __name__ == "__main__":
    sys.exit(main())
