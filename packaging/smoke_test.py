"""Smoke test of a built bundle: does the double-click app work on a machine like this one?

    python packaging/smoke_test.py build/bundle/dist/dupe-viewer [--screenshot shot.png]

Runs the bundle's own executables (never this checkout's code) with a private data folder:

1. ``dupe-viewer --version`` and ``--help`` (the start-up time is printed);
2. a scan of 36 generated images (12 pictures, each with a resized and a recompressed copy:
   enough that the scan starts worker processes, which it skips for fewer than 24 files); the
   report must hold exactly the 12 groups, and worker processes must have been seen running;
3. ``--install-desktop`` into a temporary ``XDG_DATA_HOME``: the entry runs the bundle's
   ``dupe-viewer-gui`` and passes ``desktop-file-validate``; ``--uninstall-desktop`` removes it all;
4. the window under Xvfb (1366×768, this script re-run under ``xvfb-run``): it maps, has a
   title and an icon (``_NET_WM_ICON`` set, read with ``xprop``: Qt renders the SVG at 16, 32,
   64 and 128 px; at least 64 px is required), and a screenshot is taken with ImageMagick's
   ``import`` when ``--screenshot`` is given;
5. the bundle's compiled translations: the bundle holds a ``dupe_viewer_<lang>.qm`` for every
   shipped language, and the window started with ``LANGUAGE=de`` on three folders is titled in
   German ("a, b und 1 weiterer": a translated plural, so the German ``.qm`` was found *and*
   loaded from the bundle, not from a checkout, since the bundle never looks at one).

Needs Pillow (to draw the images) in the Python running it, and ``xvfb-run``, ``xprop`` and
``xwininfo`` (Debian: xvfb, x11-utils) for steps 4 and 5, which are skipped with a message without them.
Exit status 0 when every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WINDOW_TIMEOUT = 90.0


def fail(msg: str) -> None:
    print(f"FAIL: {msg}")
    sys.exit(1)


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


def make_images(folder: Path, pictures: int = 12) -> None:
    """``pictures`` unrelated random pictures, each with a half-size and a low-quality copy."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(13)
    for i in range(pictures):
        im = Image.new("RGB", (640, 480), tuple(rng.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(im)
        for _ in range(25):
            x, y = rng.randrange(600), rng.randrange(440)
            box = (x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 250))
            colour = tuple(rng.randrange(256) for _ in range(3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
        im = im.filter(ImageFilter.GaussianBlur(2))
        im.save(folder / f"pic{i:02d}.jpg", quality=95)
        im.resize((320, 240)).save(folder / f"pic{i:02d}_small.png")
        im.save(folder / f"pic{i:02d}_q40.jpg", quality=40)


def worker_processes(parent: int) -> int:
    """How many processes started from ``parent`` run as multiprocessing workers."""
    count = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(stat[1])
        if ppid == parent and any(b"multiprocessing" in part for part in cmdline):
            count += 1
    return count


def step_cli(exe: Path, env: dict[str, str]) -> None:
    start = time.monotonic()
    version = run([str(exe), "--version"], env)
    seconds = time.monotonic() - start
    if version.returncode != 0 or "dupe-viewer" not in version.stdout:
        fail(f"--version: exit {version.returncode}: {version.stdout}{version.stderr}")
    res = run([str(exe), "--help"], env)
    if res.returncode != 0 or "scan" not in res.stdout or "--install-desktop" not in res.stdout:
        fail(f"--help: exit {res.returncode}: {res.stdout}{res.stderr}")
    print(f"ok: --version ({version.stdout.strip()}) in {seconds:.2f} s, --help")


def step_scan(exe: Path, env: dict[str, str], tmp: Path) -> None:
    images = tmp / "images"
    images.mkdir()
    make_images(images)
    report = tmp / "report.json"
    start = time.monotonic()
    cmd = [str(exe), "scan", str(images), "--report", str(report), "--workers", "2", "--no-deep"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = 0
    while proc.poll() is None:
        seen = max(seen, worker_processes(proc.pid))
        time.sleep(0.02)
        if time.monotonic() - start > 300:
            proc.kill()
            fail("scan: still running after 300 s")
    out, err = proc.communicate()
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        fail(f"scan: exit {proc.returncode}: {out[-2000:]}{err[-2000:]}")
    if "cannot start" in err:
        fail(f"scan: worker processes did not start: {err[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    groups = sorted(sorted(Path(m["path"]).name for m in g["members"]) for g in data["groups"])
    expected = sorted(
        sorted([f"pic{i:02d}.jpg", f"pic{i:02d}_q40.jpg", f"pic{i:02d}_small.png"]) for i in range(12)
    )
    if groups != expected:
        fail(f"scan: groups {groups}, expected the 12 triples")
    if data["errors"]:
        fail(f"scan: errors {data['errors']}")
    if seen == 0:
        fail("scan: no worker process was seen running")
    print(f"ok: scan of 36 images, 12 groups, {seen} worker processes seen, {seconds:.1f} s")


def step_desktop(exe: Path, env: dict[str, str], tmp: Path) -> None:
    xdg = tmp / "xdg"
    env = {**env, "XDG_DATA_HOME": str(xdg)}
    res = run([str(exe), "--install-desktop"], env)
    if res.returncode != 0:
        fail(f"--install-desktop: exit {res.returncode}: {res.stdout}{res.stderr}")
    entries = list((xdg / "applications").glob("*.desktop"))
    if len(entries) != 1:
        fail(f"--install-desktop: entries {entries}")
    text = entries[0].read_text(encoding="utf-8")
    gui = exe.resolve().with_name("dupe-viewer-gui")
    if f"Exec={gui} %F" not in text:
        fail(f"--install-desktop: Exec does not run {gui}:\n{text}")
    validator = shutil.which("desktop-file-validate")
    if validator:
        check = run([validator, str(entries[0])], env)
        if check.returncode != 0 or check.stdout.strip():
            fail(f"desktop-file-validate: {check.stdout}{check.stderr}")
    res = run([str(exe), "--uninstall-desktop"], env)
    left = [p for p in xdg.rglob("*")] if xdg.exists() else []
    if res.returncode != 0 or left:
        fail(f"--uninstall-desktop: exit {res.returncode}, left {left}: {res.stdout}{res.stderr}")
    print(f"ok: --install-desktop (Exec={gui} %F{', validated' if validator else ''}), --uninstall-desktop")


def x_windows() -> list[tuple[str, str]]:
    """(window id, name) of every named top-level window with a WM_CLASS (Qt's 1×1 group
    leader and selection-owner windows have none)."""
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        match = re.match(r'\s*(0x[0-9a-f]+) "(.*)": \((".+")\)', line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


#: Step 5: the languages whose .qm the bundle must hold (gui/i18n.py LANGUAGES), and the
#: German title of a window on three folders ("%1 and %n more", translated with its plural).
LANGUAGES = ("en", "de", "es", "fr", "pt_BR", "ja", "zh_CN")
GERMAN_TITLE = "a, b und 1 weiterer"


def open_window(
    gui: Path, env: dict[str, str], args: list[str], title_has: str
) -> tuple[subprocess.Popen, tuple[str, str], float]:
    """Start ``gui args`` and wait for its top-level window whose title contains ``title_has``:
    (process, (window id, title), seconds to map). The caller terminates the process."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [str(gui), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    window = None
    while window is None and time.monotonic() - start < WINDOW_TIMEOUT:
        if proc.poll() is not None:
            fail(f"window: the app exited with {proc.returncode}: {proc.stdout.read()[-3000:]}")
        window = next((w for w in x_windows() if title_has in w[1]), None)
        time.sleep(0.25)
    if window is None:
        titles = [w[1] for w in x_windows()]
        close(proc)
        fail(f"window: none titled with {title_has!r} appeared in {WINDOW_TIMEOUT:.0f} s (windows: {titles})")
    return proc, window, time.monotonic() - start


def close(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def step_window(exe: Path, env: dict[str, str], screenshot: Path | None) -> None:
    """Under Xvfb (DISPLAY set): the window maps with a title and an icon."""
    gui = exe.resolve().with_name("dupe-viewer-gui")
    env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
    proc, window, seconds = open_window(gui, env, [], "Dupe Viewer")
    try:
        time.sleep(2.0)  # let it paint before the screenshot
        props = subprocess.run(
            ["xprop", "-id", window[0], "WM_CLASS", "_NET_WM_ICON"], capture_output=True, text=True
        ).stdout
        # xprop draws each size the property holds, headed "Icon (W x H):".
        sizes = [int(w) for w, h in re.findall(r"Icon \((\d+) x (\d+)\)", props) if w == h]
        if not sizes or max(sizes) < 64:
            fail(f"window {window[1]!r}: no icon (_NET_WM_ICON sizes {sizes}): {props[:300]}")
        wm_class = next((ln for ln in props.splitlines() if ln.startswith("WM_CLASS")), "WM_CLASS: ?")
        if screenshot is not None:
            subprocess.run(["import", "-window", "root", str(screenshot)], check=True, timeout=60)
        print(
            f"ok: window {window[1]!r} mapped in {seconds:.1f} s, icon sizes {sizes} px, "
            f"{wm_class.strip()}" + (f", screenshot {screenshot}" if screenshot else "")
        )
    finally:
        close(proc)


def step_translations(exe: Path, env: dict[str, str], tmp: Path) -> None:
    """Under Xvfb: every language's .qm is in the bundle, and a German window speaks German."""
    found = {qm.stem.removeprefix("dupe_viewer_") for qm in exe.parent.rglob("dupe_viewer_*.qm")}
    if missing := sorted(set(LANGUAGES) - found):
        fail(f"translations: the bundle has no .qm for {missing} (found {sorted(found)})")
    folders = [tmp / "titles" / name for name in ("a", "b", "c")]
    for folder in folders:
        folder.mkdir(parents=True)
    gui = exe.resolve().with_name("dupe-viewer-gui")
    # LANGUAGE picks the window's language (gui/i18n.py); LC_ALL/LC_MESSAGES would not stop Qt,
    # but are dropped so that nothing of the caller's locale decides what is checked.
    env = {k: v for k, v in env.items() if k not in ("QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES")}
    env["LANGUAGE"] = "de"
    proc, window, seconds = open_window(gui, env, [str(f) for f in folders], GERMAN_TITLE)
    close(proc)
    print(f"ok: {len(found)} translations in the bundle; LANGUAGE=de window {window[1]!r} in {seconds:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (with the dupe-viewer executable)")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the window here")
    parser.add_argument("--window-only", action="store_true", help=argparse.SUPPRESS)  # under xvfb-run
    args = parser.parse_args()
    exe = args.bundle / ("dupe-viewer.exe" if os.name == "nt" else "dupe-viewer")
    if not exe.is_file():
        fail(f"{exe} does not exist: build the bundle first (python packaging/build.py)")
    with tempfile.TemporaryDirectory(prefix="dupe-viewer-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        # A private home: no cache, models or settings of the person running this are used.
        env = {**os.environ, "DUPE_VIEWER_HOME": str(tmp / "home"), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONPATH", None)
        if args.window_only:
            step_window(exe, env, args.screenshot)
            step_translations(exe, env, tmp)
            return 0
        step_cli(exe, env)
        step_scan(exe, env, tmp)
        step_desktop(exe, env, tmp)
        tools = [t for t in ("xvfb-run", "xprop", "xwininfo") if shutil.which(t) is None]
        if tools:
            print(
                f"skipped: the window and its translations under Xvfb ({', '.join(tools)} missing: "
                "apt-get install xvfb x11-utils)"
            )
            return 0
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, __file__, str(args.bundle)]
        cmd += ["--window-only"] + (
            ["--screenshot", str(args.screenshot.resolve())] if args.screenshot else []
        )
        res = subprocess.run(cmd, env=env, timeout=WINDOW_TIMEOUT + 60)
        if res.returncode != 0:
            return res.returncode
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
