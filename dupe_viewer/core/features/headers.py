"""Picture sizes read from a file's header, for decoders that decode everything on open.

Pillow's own plugins read only the header on ``Image.open``, so :mod:`.guard` can refuse a file
that declares a billion pixels before a byte of it is decoded. pillow-jxl-plugin instead runs
libjxl on the whole file inside ``Image.open``: a 40-byte JPEG XL that declares 100000×100000
pixels would have libjxl allocate tens of gigabytes (and a failed allocation in its Rust
binding aborts the process). So the JPEG XL size is read here first, from the codestream's
SizeHeader (ISO/IEC 18181-1, section D.2), bare or inside the ISO BMFF container, and checked
against the same limits.
"""

from __future__ import annotations

from typing import BinaryIO

#: A bare JPEG XL codestream starts with these bytes; the container with its signature box.
JXL_CODESTREAM = b"\xff\x0a"
JXL_CONTAINER = b"\x00\x00\x00\x0cJXL \x0d\x0a\x87\x0a"
#: Boxes looked through for the codestream (Exif, XMP and other metadata come first).
MAX_BOXES = 64

#: SizeHeader aspect ratios (xsize = ysize * numerator / denominator), by their 3-bit code.
_RATIOS = {1: (1, 1), 2: (12, 10), 3: (4, 3), 4: (3, 2), 5: (16, 9), 6: (5, 4), 7: (2, 1)}
#: The four bit widths of a SizeHeader dimension (U32 with a 2-bit selector), each plus one.
_DIM_BITS = (9, 13, 18, 30)


class _Bits:
    """Reads a JPEG XL bit stream: least significant bit of each byte first."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def u(self, n: int) -> int:
        value = 0
        for k in range(n):
            byte = self.pos >> 3
            if byte >= len(self.data):
                raise ValueError("JPEG XL header is truncated")
            value |= ((self.data[byte] >> (self.pos & 7)) & 1) << k
            self.pos += 1
        return value


def _size_header(codestream: bytes) -> tuple[int, int]:
    """(width, height) from a codestream's first bytes (the 0xFF0A signature included)."""
    bits = _Bits(codestream[2:])
    small = bits.u(1)
    height = (bits.u(5) + 1) * 8 if small else bits.u(_DIM_BITS[bits.u(2)]) + 1
    ratio = bits.u(3)
    if ratio:
        num, den = _RATIOS[ratio]
        return height * num // den, height
    width = (bits.u(5) + 1) * 8 if small else bits.u(_DIM_BITS[bits.u(2)]) + 1
    return width, height


def jxl_size(fh: BinaryIO) -> tuple[int, int] | None:
    """(width, height) that the JPEG XL file ``fh`` declares; None when it is not JPEG XL.

    Raises ValueError when it is JPEG XL but its header cannot be read. Leaves ``fh`` at 0."""
    try:
        head = fh.read(len(JXL_CONTAINER))
        if head.startswith(JXL_CODESTREAM):
            return _size_header(head + fh.read(32))
        if head != JXL_CONTAINER:
            return None
        return _size_header(_container_codestream(fh))
    finally:
        fh.seek(0)


def _container_codestream(fh: BinaryIO) -> bytes:
    """The first bytes of the codestream of a JPEG XL container (ISO/IEC 18181-2): the payload
    of its ``jxlc`` box, or of its first ``jxlp`` box after the 4-byte part index."""
    pos = len(JXL_CONTAINER)
    for _ in range(MAX_BOXES):
        fh.seek(pos)
        header = fh.read(8)
        if len(header) < 8:
            break
        size, kind = int.from_bytes(header[:4], "big"), header[4:]
        start = pos + 8
        if size == 1:  # a 64-bit size follows
            large = fh.read(8)
            if len(large) < 8:
                break
            size, start = int.from_bytes(large, "big"), start + 8
        if kind in (b"jxlc", b"jxlp"):
            fh.seek(start + (4 if kind == b"jxlp" else 0))
            return fh.read(34)
        if size == 0 or size < start - pos:  # "to the end of the file" or nonsense: no codestream
            break
        pos += size
    raise ValueError("JPEG XL container without a codestream")
