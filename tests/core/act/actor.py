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
from tests.core.act.util import fake_trash


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    targets = [Target(**t) for t in spec["targets"]]
    groups = [[Target(**m) for m in g] for g in spec["groups"]]
    # Like the freedesktop trash: the info file first (a window between check and move).
    trash = fake_trash(Path(spec["trash"]))

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
