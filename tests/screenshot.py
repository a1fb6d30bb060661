"""Screenshot of the app after a finished scan with a group open (a visual check, not a test).

    python tests/screenshot.py FOLDER OUT.png [--group N] [--size 1500x940] [--mode auto|pair|grid]
                               [--offscreen] [--timeout 120] [--empty]

Starts Xvfb itself when there is no display (``apt-get install xvfb``), or renders with Qt's
offscreen platform with ``--offscreen``. Uses a throw-away per-user home (cache, settings), so the
picture does not depend on (or change) the user's own. ``--empty`` shoots the window before any
folder is added (the first thing a new user sees). Exit status 0 when the picture was saved.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _free_display() -> int:
    for n in range(99, 160):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def start_xvfb(width: int, height: int) -> subprocess.Popen | None:
    exe = shutil.which("Xvfb")
    if exe is None:
        return None
    n = _free_display()
    proc = subprocess.Popen(
        [exe, f":{n}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sock = f"/tmp/.X11-unix/X{n}"
    for _ in range(100):
        if os.path.exists(sock):
            try:
                with socket.socket(socket.AF_UNIX) as s:
                    s.connect(sock)
                break
            except OSError:
                pass
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{n}"
    return proc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--group", type=int, default=0, help="row of the group to open (default: first)")
    ap.add_argument("--size", default="1500x940")
    ap.add_argument("--mode", default="auto", choices=("auto", "pair", "grid"))
    ap.add_argument("--offscreen", action="store_true", help="no X server: Qt's offscreen platform")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--empty", action="store_true", help="the empty window, before any folder is added")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        # The app runs in a child process so that Xvfb is stopped even if Qt aborts the app.
        xvfb = start_xvfb(width + 100, height + 100)
        if xvfb is None:
            print("screenshot: no DISPLAY and no Xvfb; using the offscreen platform", file=sys.stderr)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        else:
            try:
                return subprocess.run([sys.executable, *sys.argv], env=os.environ.copy()).returncode
            finally:
                xvfb.terminate()
                xvfb.wait(5)
    home = tempfile.mkdtemp(prefix="dupe_viewer_shot_")
    os.environ["DUPE_VIEWER_HOME"] = home
    try:
        return shoot(args, width, height)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def shoot(args: argparse.Namespace, width: int, height: int) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from dupe_viewer.gui.app import create_app
    from dupe_viewer.gui.compare_view import PREVIEW_SIZE
    from dupe_viewer.gui.window import MainWindow

    app = create_app([sys.argv[0]])
    window = MainWindow()
    window.compare.mode = args.mode
    window.resize(width, height)
    window.show()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)

    def wait_for(cond, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if cond():
                return True
            time.sleep(0.02)
        return False

    pump(0.5)
    if not args.empty:
        window.roots_model.replace([os.path.abspath(args.folder)])
        window.start_scan()
        if not wait_for(lambda: window.final and not window.scanner.running, args.timeout):
            print("screenshot: the scan did not finish in time", file=sys.stderr)
            return 1
        wait_for(lambda: not window.regrouper.busy, 10)
        if window.proxy.rowCount() == 0:
            print("screenshot: no groups found; saving the window anyway", file=sys.stderr)
        else:
            window.select_row(min(args.group, window.proxy.rowCount() - 1))

            def images_ready() -> bool:
                panes = list(window.compare.shown)
                recs = window.result.records if window.result else []
                return all(
                    window.previews.get(recs[p.index].path, PREVIEW_SIZE) is not None
                    or window.previews.error(recs[p.index].path, PREVIEW_SIZE)
                    for p in panes
                )

            wait_for(images_ready, 30)
            pump(1.5)  # thumbnails of the visible rows
    pump(0.5)
    shot = window.grab()
    ok = shot.save(args.out)
    print(f"screenshot: {'saved' if ok else 'could not save'} {args.out} ({shot.width()}×{shot.height()})")
    window.close()
    QTimer.singleShot(0, QCoreApplication.quit)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
