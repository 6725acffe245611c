"""``python -m autograder.nd30 FILE... [--json]``."""

import sys

from autograder.nd30.cli import main

sys.exit(main())
