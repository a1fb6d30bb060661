"""``dupe-viewer models ...``: list, install, activate and remove deep-similarity models.

Expected failures (offline, checksum, bad spec, unknown id) print one ``error:`` line to stderr and
return a non-zero exit code; they never show a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

# The spec module is the standard library only; ``installed`` and ``download`` (and what they
# load) are imported when a models command runs, so that building the parser stays cheap.
from ..core.deep.spec import MODEL_URL_ENV, ModelError, ModelSpec, default_spec
from .shell import complete_as

__all__ = ["add_parser", "run"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``models`` command (and its sub-commands) to a main parser's subparsers."""
    parser = subparsers.add_parser(
        "models",
        help="list, install or remove deep-similarity models",
        description="Manage the ONNX models used for deep (content) similarity. Without a model, "
        "dupe-viewer still finds exact and near-duplicates by hashes.",
    )
    sub = parser.add_subparsers(dest="models_command", metavar="COMMAND")
    sub.add_parser("list", help="show installed models (* marks the one in use)")
    install = sub.add_parser(
        "install",
        help="download the default model, or install a local ONNX file",
        description="Without --from, download the default model (SqueezeNet 1.1, 2.4 MB; set "
        f"{MODEL_URL_ENV} to use a mirror). With --from, install a local file: the "
        "default model downloaded by hand, or a custom model described by --spec.",
    )
    complete_as(
        install.add_argument(
            "--from",
            dest="from_file",
            metavar="FILE",
            type=Path,
            help="a local .onnx file (default: download the default model)",
        ),
        "file",
    )
    complete_as(
        install.add_argument(
            "--spec",
            metavar="SPEC.json",
            type=Path,
            help="model spec for a custom model, with --from (default: the default model's spec)",
        ),
        "file",
    )
    use = sub.add_parser("use", help="make an installed model the one in use")
    use.add_argument("model_id", metavar="ID")
    remove = sub.add_parser("remove", help="delete an installed model")
    remove.add_argument("model_id", metavar="ID")
    parser.set_defaults(func=run, _models_parser=parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``models`` command; return the process exit code."""
    from ..core.deep import installed
    from ..core.deep.download import DownloadCancelled

    command = getattr(args, "models_command", None)
    try:
        if command in (None, "list"):
            return _list(sys.stdout)
        if command == "install":
            return _install(args)
        if command == "use":
            installed.set_active(args.model_id)
            print(f"Now using model '{args.model_id}'.")
            return EXIT_OK
        if command == "remove":
            installed.remove(args.model_id)
            print(f"Removed model '{args.model_id}'.")
            return EXIT_OK
    except DownloadCancelled as exc:
        _error(str(exc))
        return EXIT_INTERRUPTED
    except ModelError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("Interrupted. Run the same command again to resume the download.")
        return EXIT_INTERRUPTED
    _error(f"unknown models command {command!r}")
    return EXIT_USAGE


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def _describe(spec: ModelSpec) -> str:
    return f"{spec.dim}-d, {spec.pooling}, {spec.input_size}px {spec.resize}, v{spec.version}"


def _list(out: TextIO) -> int:
    from ..core.deep import installed

    specs = installed.list_installed()
    if not specs:
        print(
            "No model installed; similarity uses hashes only. "
            "Run `dupe-viewer models install` to add the default model.",
            file=out,
        )
        return EXIT_OK
    active = installed.get_installed()
    for spec in specs:
        mark = "*" if active is not None and spec.id == active.id else " "
        name = f"  {spec.name}" if spec.name else ""
        print(f"{mark} {spec.id}{name}  ({_describe(spec)})", file=out)
    return EXIT_OK


def _install(args: argparse.Namespace) -> int:
    from ..core.deep import installed

    from_file: Path | None = args.from_file
    spec_file: Path | None = args.spec
    if spec_file is not None and from_file is None:
        _error("--spec needs --from FILE (the ONNX model it describes).")
        return EXIT_USAGE
    if from_file is None:
        spec = default_spec()
        print(f"Downloading {spec.name} from {spec.url} ...", file=sys.stderr)
        done = installed.install_default(progress=_Progress(sys.stderr))
    else:
        print(f"Preparing {from_file} ...", file=sys.stderr)
        done = installed.install_from_file(from_file, spec_file)
    path = installed.installed_model_path(done.id)
    print(f"Installed model '{done.id}' ({_describe(done)}) in {path.parent}.")
    return EXIT_OK


class _Progress:
    """Download progress on stderr: a tqdm bar on a terminal (fits its width), a few plain lines
    (0, 25, 50, 75, 100 %) otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.bar: Any = None
        self.last_step = -1

    def __call__(self, done: int, total: int | None) -> None:
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(
                    total=total, unit="B", unit_scale=True, unit_divisor=1000, file=self.stream,
                    dynamic_ncols=True, leave=True,
                )  # fmt: skip
            self.bar.update(done - self.bar.n)
            if total is not None and done >= total:
                self.bar.close()
        elif total:
            step = 4 * done // total  # 0, 25, 50, 75, 100 %
            if step != self.last_step:
                self.last_step = step
                print(f"  {25 * step}%  ({done / 1e6:.1f} / {total / 1e6:.1f} MB)", file=self.stream)
