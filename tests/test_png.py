"""outputs/png.py: the PNG writer of radar.png and the slides gives back exactly the pixels and resolution."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from generator.outputs.png import encode


def _noise(width: int, height: int, seed: int) -> Image.Image:
    rng = random.Random(seed)
    return Image.frombytes("RGB", (width, height), bytes(rng.randrange(256) for _ in range(width * height * 3)))


@pytest.mark.parametrize("size", [(1, 1), (3, 5), (17, 2), (256, 129)])
def test_any_rgb_image_reads_back_pixel_for_pixel(size):
    image = _noise(*size, seed=size[0])
    with Image.open(io.BytesIO(encode(image))) as back:
        back.load()
        assert back.format == "PNG" and back.mode == "RGB" and back.size == size
        assert back.tobytes() == image.tobytes()
        assert "dpi" not in back.info


def test_the_resolution_reads_back_as_pillow_would_have_written_it():
    image = Image.new("RGB", (40, 30), "#1b5e8c")
    ours = Image.open(io.BytesIO(encode(image, 150.0124)))
    pillows = io.BytesIO()
    image.save(pillows, "PNG", dpi=(150.0124, 150.0124))
    assert ours.info["dpi"] == Image.open(pillows).info["dpi"]
    assert abs(ours.info["dpi"][0] - 150.0124) < 0.01


def test_a_picture_with_alpha_or_grey_is_written_as_rgb_and_the_bytes_are_the_same_every_time():
    grey = Image.linear_gradient("L").resize((64, 48))
    written = encode(grey)
    assert written == encode(grey)
    with Image.open(io.BytesIO(written)) as back:
        assert back.mode == "RGB" and back.tobytes() == grey.convert("RGB").tobytes()
    opaque = Image.new("RGBA", (8, 8), (10, 200, 30, 255))
    assert Image.open(io.BytesIO(encode(opaque))).getpixel((3, 3)) == (10, 200, 30)


def test_flat_pictures_compress_well_and_the_file_is_a_valid_png():
    """Pillow checks every chunk's CRC on `verify`; a flat 1000 x 1000 picture (3 MB of pixels) is some 15 kB."""
    data = encode(Image.new("RGB", (1000, 1000), "white"))
    assert len(data) < 20_000
    Image.open(io.BytesIO(data)).verify()


def test_the_rows_are_compressed_as_one_stream_exactly_as_joined_rows_would_be():
    """`encode` feeds deflate row by row (no copy of the whole picture); the IDAT must be byte for byte
    what compressing the joined, unfiltered rows gives, so radar.png and the slides keep their bytes."""
    import struct
    import zlib

    from generator.outputs.png import LEVEL

    image = _noise(97, 61, seed=7)
    image.paste((255, 255, 255), (10, 10, 80, 50))  # flat parts too, where deflate finds long matches
    data = encode(image)
    at = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[at - 4 : at])
    raw = image.tobytes()
    rows = b"".join(b"\0" + raw[top : top + 97 * 3] for top in range(0, len(raw), 97 * 3))
    assert data[at + 4 : at + 4 + length] == zlib.compress(rows, LEVEL)


def test_a_drawn_rgbx_picture_is_written_in_pieces_as_its_rgb_image_would_be():
    """radar.png is written from matplotlib's RGBA pixels shared as RGBX (the alpha byte ignored), a few
    rows at a time: the same bytes as the RGB image, whatever the number of pieces."""
    from generator.outputs.png import ROWS_AT_ONCE

    width = 311
    height = 3 * (ROWS_AT_ONCE // width) + 7  # four pieces, the last a short one
    image = _noise(width, height, seed=11)
    rgba = image.convert("RGBA")
    rgba.putalpha(Image.new("L", image.size, 17))  # whatever Agg left there is not written
    rgbx = Image.frombuffer("RGBX", image.size, rgba.tobytes(), "raw", "RGBX", 0, 1)
    written = encode(rgbx, 150.0)
    assert written == encode(image, 150.0)
    with Image.open(io.BytesIO(written)) as back:
        assert back.mode == "RGB" and back.tobytes() == image.tobytes()
