"""``python -m dupe_viewer``: same as the ``dupe-viewer`` command."""

import sys

from dupe_viewer.cli import main  # absolute: a frozen build runs this file as a script

if __name__ == "__main__":
    sys.exit(main())
