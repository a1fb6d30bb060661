"""What the engine knows about one scanned file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ImageRecord:
    """One file: identity on disk, image facts, content hashes and (elsewhere) its features.

    Features live in a columnar numpy array next to the list of records (``ScanResult.features``), so
    a million records stay small.
    """

    path: str
    size: int
    mtime_ns: int
    inode: int
    device: int
    width: int = 0
    height: int = 0
    format: str = ""
    taken: str | None = None  # EXIF DateTimeOriginal, "YYYY:MM:DD HH:MM:SS"
    camera: str | None = None  # EXIF make and model
    quality: float | None = None  # estimated JPEG quality (None: not a JPEG)
    partial: bytes | None = None  # hash of the first block (only computed when sizes collide)
    digest: bytes | None = None  # hash of the whole file (only computed when first blocks collide)
    error: str | None = None  # why the file could not be used; None when it could
    ctime_ns: int = 0  # status change time at discovery (0: unknown)

    @property
    def pixels(self) -> int:
        return self.width * self.height

    def same_identity(self, size: int, mtime_ns: int, inode: int, device: int) -> bool:
        return (self.size, self.mtime_ns, self.inode, self.device) == (size, mtime_ns, inode, device)
