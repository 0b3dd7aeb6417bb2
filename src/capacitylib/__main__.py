"""Run the command line: ``python -m capacitylib validate examples/programmes``."""

import sys

from capacitylib.cli import main

sys.exit(main())
