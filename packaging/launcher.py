"""Entry point of the frozen (PyInstaller) app, for both of its executables.

PyInstaller runs its entry script as ``__main__`` outside any package, so the script must import
the package absolutely: a module with relative imports fails there ("attempted relative import
with no known parent package"). The bundle has two executables built from this one script, as
pip makes two scripts: ``dupe-viewer`` (the command line; the window without a subcommand) and
``dupe-viewer-gui`` (the window only; on Windows and macOS it starts without a console). Both call
``multiprocessing.freeze_support()`` first, which is how the scan's worker processes (started
with ``spawn``) run inside the bundle.
"""

import os
import sys
from pathlib import Path

from dupe_viewer.cli import gui_main, main


def run() -> int:
    if Path(sys.executable).stem.endswith("-gui"):
        # A windowed executable has no console: Python gives it no stdout/stderr at all, and a
        # message or a log line written to None would crash the app instead of being dropped.
        for name in ("stdout", "stderr"):
            if getattr(sys, name) is None:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        return gui_main(sys.argv[1:])
    return main()


if __name__ == "__main__":
    sys.exit(run())
