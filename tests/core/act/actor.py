"""A process that acts on files, for the fault tests: ``python -m tests.core.act.actor SPEC.json``.

The spec gives the targets and groups (as :class:`Target` fields), the journal, the action and a
fake trash folder. The actor writes ``ready`` once loaded, waits for ``go`` to exist (so two
actors start together), and prints the number of files done after each one (a killer reads it to
kill the batch at a chosen point).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from dupe_viewer.core.act import actions
from dupe_viewer.core.act.actions import Target


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    targets = [Target(**t) for t in spec["targets"]]
    groups = [[Target(**m) for m in g] for g in spec["groups"]]
    trash_folder = Path(spec["trash"])
    (trash_folder / "files").mkdir(parents=True, exist_ok=True)
    (trash_folder / "info").mkdir(parents=True, exist_ok=True)

    def trash(path: str) -> None:
        # Like the freedesktop trash: the info file first (a window between check and move).
        name = os.path.basename(path)
        (trash_folder / "info" / f"{name}.trashinfo").write_text(f"Path={path}\n")
        os.rename(path, trash_folder / "files" / name)

    Path(spec["ready"]).touch()
    while not os.path.exists(spec["go"]):
        time.sleep(0.001)

    def progress(done: int, total: int) -> None:
        print(done, flush=True)

    outcomes = actions.execute(
        targets,
        groups,
        spec.get("action", actions.TRASH),
        spec.get("destination"),
        trash=trash,
        journal=spec["journal"],
        progress=progress,
    )
    print("done", sum(o.ok for o in outcomes), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
