"""`python -m diparchive`: the same as the `diparchive` command."""

import sys

from .cli.main import main

sys.exit(main())
