"""PNG files of the radar picture and the slides, written without row filters.

Pillow's PNG writer picks a filter for every row (it tries four) and then compresses; on these
pictures (flat colours, and the same disc and digits stamped over and over) deflate finds more
on the unfiltered rows: at a thousand blips radar.png was 2.12 MB in 0.22 s of CPU with Pillow
(zlib level 3) and is 1.68 MB in 0.08 s here, a slide 0.89 MB in 0.12 s and now 0.81 MB in 0.03 s.
A PNG is four chunks; Pillow still draws the pictures and reads them.  Same pixels, same bytes.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 3  # zlib level: 6 took 2.5 times as long for 4 % fewer bytes
RGB = 2  # the IHDR colour type of 8-bit RGB
NO_FILTER = b"\0"  # the filter byte that starts every row
ROWS_AT_ONCE = 32_768  # pixels made into RGB bytes at a time: some 100 kB, the same memory each time


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode(image: Any, dpi: float | None = None) -> bytes:
    """An RGB Pillow image (or RGBX: matplotlib's opaque RGBA pixels, shared as they were drawn) as an RGB
    PNG, with its resolution (`dpi`) when it has one to print at."""
    if image.mode not in ("RGB", "RGBX"):
        image = image.convert("RGB")
    width, height = image.size
    stride = width * 3
    step = max(1, ROWS_AT_ONCE // width)
    # Row by row into one deflate stream, the same bytes as compressing the rows joined, a few rows' RGB
    # at a time: the whole picture's bytes (and an RGB copy of a drawn RGBX picture) were 21 and 28 MB of
    # new memory at a thousand blips, each page of it handed over by the kernel.
    deflate = zlib.compressobj(LEVEL)
    parts = []
    for top in range(0, height, step):
        rows = min(step, height - top)
        pixels = memoryview(image.crop((0, top, width, top + rows)).tobytes("raw", "RGB"))
        for start in range(0, rows * stride, stride):
            parts.append(deflate.compress(NO_FILTER))
            parts.append(deflate.compress(pixels[start : start + stride]))
    parts.append(deflate.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, RGB, 0, 0, 0)  # 8 bits, no interlace
    chunks = [_chunk(b"IHDR", header)]
    if dpi is not None:
        per_metre = int(dpi / 0.0254 + 0.5)  # as Pillow writes it: Pillow reads the same dpi back
        chunks.append(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    chunks.append(_chunk(b"IDAT", b"".join(parts)))
    chunks.append(_chunk(b"IEND", b""))
    return SIGNATURE + b"".join(chunks)
