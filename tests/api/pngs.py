"""PNG files written for the tests, chunk by chunk: signature and seal images, and the ways such a
file can be wrong."""
from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, pixel, extra: bytes = b"") -> bytes:
    """An 8-bit RGBA PNG file, each pixel (r, g, b, a) as `pixel(x, y)` gives it."""
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    return (PNG_SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) + extra
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def blue_stroke(width: int = 160, height: int = 60) -> bytes:
    return png(width, height, lambda x, y: (20, 40, 200, 255) if abs(y - height // 2 - (x % 20 - 10) // 2) < 3
               else (0, 0, 0, 0))


def red_ring(size: int = 120) -> bytes:
    def pixel(x: int, y: int):
        r2 = (x - size // 2) ** 2 + (y - size // 2) ** 2
        outer = size // 2 - 2
        return (210, 20, 20, 230) if (outer - size // 10) ** 2 <= r2 <= outer ** 2 else (0, 0, 0, 0)
    return png(size, size, pixel)
