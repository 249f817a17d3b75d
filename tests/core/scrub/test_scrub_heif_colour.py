"""HEIF colour given by an nclx box (Display P3, BT.2020 PQ, HLG) reaches the JPEG export as sRGB.

The test images are written with pillow-heif as lossless 4:4:4 RGB, so the
coded values are exact. Expected colours come from published numbers and
matrices (CSS Color 4's Display P3 coordinates of the sRGB primaries, ITU-R
BT.2087's BT.709 -> BT.2020 matrix, SMPTE ST 2084's constants), computed
here rather than by Pellicle's own code, and the export is decoded back from
the JPEG the gate accepted. The thumbnail must show the same colours.
"""

from __future__ import annotations

import functools
import io
import itertools
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pillow_heif
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from pellicle.core.colour import Nclx
from pellicle.core.scrub import ScrubResult
from pellicle.core.scrub.heif import avif_nclx
from pellicle.core.thumbs import make_thumbnail
from scrub_helpers import Scrubbed

Run = Callable[..., Scrubbed]
PATCH = 32  # flat patches this wide: JPEG's 8x8 blocks stay inside one colour

# ITU-R BT.2087, BT.709 linear RGB -> BT.2020 linear RGB.
BT709_TO_BT2020 = np.array(
    [[0.6274, 0.3293, 0.0433], [0.0691, 0.9195, 0.0114], [0.0164, 0.0880, 0.8956]]
)


def srgb_encode(linear: float) -> float:
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def pq_encode(nits: float) -> float:
    """SMPTE ST 2084 inverse EOTF: absolute luminance -> signal (0..1)."""
    m1, m2 = 2610 / 16384, 2523 / 4096 * 128
    c1, c2, c3 = 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32
    y = (nits / 10000) ** m1
    return float(((c1 + c2 * y) / (1 + c3 * y)) ** m2)


def write_heif(
    path: Path,
    patches: Sequence[Sequence[float]],
    *,
    primaries: int,
    transfer: int,
    bits: int = 10,
    **hdr: Any,
) -> Path:
    """A HEIF of PATCH x PATCH patches side by side, signal values 0..1, stated by nclx only."""
    top = (1 << bits) - 1
    row = np.concatenate(
        [np.broadcast_to(np.round(np.array(p) * top), (PATCH, PATCH, 3)) for p in patches], axis=1
    )
    if bits == 8:
        mode, data = "RGB", row.astype(np.uint8)
    else:
        mode, data = "RGB;16", row.astype(np.uint16) << (16 - bits)
    heif = pillow_heif.from_bytes(mode=mode, size=(data.shape[1], PATCH), data=data.tobytes())
    heif.save(
        path,
        quality=-1,  # lossless
        chroma=444,
        matrix_coefficients=0,  # RGB as coded, no YCbCr rounding
        color_primaries=primaries,
        transfer_characteristics=transfer,
        full_range_flag=1,
        **hdr,
    )
    info = pillow_heif.open_heif(path, convert_hdr_to_8bit=False)[0].info
    assert "icc_profile" not in info and info["nclx_profile"]["color_primaries"] == primaries
    return path


def exported_patches(run_scrub: Run, path: Path, count: int) -> list[tuple[int, ...]]:
    result, data, _ = run_scrub(path, "heif")
    assert result == ScrubResult("jpeg", PATCH * count, PATCH, 1)
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and "icc_profile" not in img.info  # sRGB, said by silence
        return centres(img.convert("RGB"), count)


def centres(img: Image.Image, count: int) -> list[tuple[int, ...]]:
    step = img.width / count
    return [
        tuple(img.getpixel((int(step * (i + 0.5)), img.height // 2)))  # type: ignore[arg-type]
        for i in range(count)
    ]


def close(got: Sequence[tuple[int, ...]], want: Sequence[Sequence[float]], tol: int) -> bool:
    return all(
        abs(g - w) <= tol
        for gs, ws in zip(got, want, strict=True)
        for g, w in zip(gs, ws, strict=True)
    )


def test_display_p3_patches_become_their_srgb_colours(tmp_path: Path, run_scrub: Run) -> None:
    # CSS Color 4 / WebKit: sRGB red and green in Display P3 coordinates.
    p3_red, p3_green = (0.9175, 0.2003, 0.1386), (0.4584, 0.9853, 0.2983)
    # A colour inside both gamuts, through the published D65 matrices.
    p3_to_xyz = np.array(
        [[0.4865709, 0.2656677, 0.1982173], [0.2289746, 0.6917385, 0.0792869],
         [0.0, 0.0451134, 1.0439444]]
    )  # fmt: skip
    xyz_to_srgb = np.array(
        [[3.2404542, -1.5371385, -0.4985314], [-0.9692660, 1.8760108, 0.0415560],
         [0.0556434, -0.2040259, 1.0572252]]
    )  # fmt: skip
    p3_tan = (0.75, 0.55, 0.35)
    tan_linear = (
        xyz_to_srgb @ p3_to_xyz @ np.array([(c / 1.055 + 0.055 / 1.055) ** 2.4 for c in p3_tan])
    )
    tan = [255 * srgb_encode(c) for c in tan_linear]
    grey = (0.5, 0.5, 0.5)
    path = write_heif(
        tmp_path / "p3.heic", [p3_red, p3_green, p3_tan, grey], primaries=12, transfer=13, bits=8
    )
    got = exported_patches(run_scrub, path, 4)
    want = [(255, 0, 0), (0, 255, 0), tan, (128, 128, 128)]
    # 8-bit P3 codes are rounded: near the gamut's edge that moves sRGB by a few codes.
    assert close(got, want, 5), (got, want)
    # Left as coded, the red would be (234, 51, 35): the bug this guards against.
    assert got[0][1] < 10
    assert close(centres(make_thumbnail(path, 4 * PATCH), 4), want, 5)


def test_bt2020_pq_is_tone_mapped_to_srgb(tmp_path: Path, run_scrub: Run) -> None:
    white = 203.0  # ITU-R BT.2408 HDR reference white: the paper white of the scene
    orange = np.array([0.5, 0.2, 0.05])  # sRGB linear, relative to white, below the knee
    orange_2020 = BT709_TO_BT2020 @ orange * white
    patches = [
        [pq_encode(0)] * 3,
        [pq_encode(100)] * 3,
        [pq_encode(white)] * 3,
        [pq_encode(n) for n in orange_2020],
        [pq_encode(1000)] * 3,
        [pq_encode(1000), pq_encode(5), pq_encode(5)],  # a bright, saturated red
    ]
    path = write_heif(tmp_path / "pq.heic", patches, primaries=9, transfer=16)
    got = exported_patches(run_scrub, path, len(patches))
    black, grey100, paper, orange_out, peak, red = got
    assert max(black) <= 2
    # Below the knee (80 % of SDR white) light is kept as it is: 100 cd/m2 is
    # half of paper white, sRGB 186. Paper white itself lands at 90 % of SDR
    # white (sRGB 243), leaving room for the highlights above it.
    assert close([grey100], [(186, 186, 186)], 3), grey100
    assert close([paper], [(243, 243, 243)], 3), paper
    assert close([orange_out], [[255 * srgb_encode(c) for c in orange]], 3), orange_out
    # The brightest pixel becomes white; highlights stay brighter than paper white.
    assert min(peak) >= 252 and min(peak) > max(paper)
    assert red[0] >= 250 and red[1] < red[0] / 3 and red[2] < red[0] / 3, red
    # Left as coded, 100 cd/m2 would be PQ's 8-bit 130 and paper white 149.
    thumb = centres(make_thumbnail(path, len(patches) * PATCH), len(patches))
    assert close(thumb, got, 4), (thumb, got)


def test_pq_highlights_reach_white_at_the_brightest_pixel(tmp_path: Path, run_scrub: Run) -> None:
    levels = [203, 400, 1000]
    wide = exported_patches(
        run_scrub,
        write_heif(
            tmp_path / "a.heic", [[pq_encode(n)] * 3 for n in levels], primaries=9, transfer=16
        ),
        3,
    )
    narrow = exported_patches(
        run_scrub,
        write_heif(
            tmp_path / "b.heic", [[pq_encode(n)] * 3 for n in levels[:2]], primaries=9, transfer=16
        ),
        2,
    )
    # The highlights are spread between paper white and the brightest pixel.
    assert wide[0][0] < wide[1][0] < wide[2][0] and min(wide[2]) >= 253
    assert abs(narrow[0][0] - wide[0][0]) <= 1 and min(narrow[1]) >= 253
    # A file that states its diffuse white (ndwt) is anchored there instead of at 203.
    anchored = exported_patches(
        run_scrub,
        write_heif(
            tmp_path / "c.heic",
            [[pq_encode(100)] * 3, [pq_encode(50)] * 3],
            primaries=9,
            transfer=16,
            nominal_diffuse_white_luminance=100 * 10000,
        ),
        2,
    )
    assert close(anchored, [(255, 255, 255), (186, 186, 186)], 3), anchored


def test_hlg_ramp_is_monotonic_and_not_clipped(tmp_path: Path, run_scrub: Run) -> None:
    steps = 33
    ramp = [[i / (steps - 1)] * 3 for i in range(steps)]
    path = write_heif(tmp_path / "hlg.heic", ramp, primaries=9, transfer=18)
    got = [p[1] for p in exported_patches(run_scrub, path, steps)]
    assert got[0] <= 2 and got[-1] >= 252
    assert all(b >= a for a, b in itertools.pairwise(got)), got
    assert len(set(got)) >= steps - 3, got  # every step stays distinct: nothing clipped
    # BT.2100's reference OOTF on a 1000 cd/m2 display: signal 0.5 is 50.6 cd/m2
    # (a quarter of paper white, sRGB 137); 0.75 is BT.2408's reference white.
    assert abs(got[16] - 137) <= 3 and abs(got[24] - 243) <= 3, got
    thumb = [p[1] for p in centres(make_thumbnail(path, steps * PATCH), steps)]
    assert all(abs(a - b) <= 4 for a, b in zip(thumb, got, strict=True)), (thumb, got)


def write_avif(
    path: Path, patches: Sequence[Sequence[float]], *, primaries: int, transfer: int
) -> Path:
    """An 8-bit AVIF of flat patches whose nclx box says `primaries` and `transfer`.

    Pillow's AVIF writer always states sRGB (1, 13, matrix 6); the two code
    points are patched in place, so the coded values stay as given.
    """
    row = np.concatenate(
        [np.broadcast_to(np.round(np.array(p) * 255), (PATCH, PATCH, 3)) for p in patches], axis=1
    ).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(row, "RGB").save(buf, "AVIF", quality=100, subsampling="4:4:4", speed=10)
    data = buf.getvalue()
    srgb = b"colrnclx" + struct.pack(">HHH", 1, 13, 6)
    assert data.count(srgb) == 1
    path.write_bytes(data.replace(srgb, b"colrnclx" + struct.pack(">HHH", primaries, transfer, 6)))
    return path


def test_avif_nclx_colour_is_converted_too(tmp_path: Path, run_scrub: Run) -> None:
    p3 = write_avif(
        tmp_path / "p3.avif", [(0.9175, 0.2003, 0.1386), (0.5, 0.5, 0.5)], primaries=12, transfer=13
    )
    _, data, _ = run_scrub(p3, "avif")
    with Image.open(io.BytesIO(data)) as img:
        got = centres(img.convert("RGB"), 2)
    assert close(got, [(255, 0, 0), (128, 128, 128)], 6), got
    pq = write_avif(
        tmp_path / "pq.avif",
        [[pq_encode(100)] * 3, [pq_encode(203)] * 3, [pq_encode(1000)] * 3],
        primaries=9,
        transfer=16,
    )
    _, data, _ = run_scrub(pq, "avif")
    with Image.open(io.BytesIO(data)) as img:
        grey100, paper, peak = centres(img.convert("RGB"), 3)
    # From 8-bit PQ codes: a code is about 3 % of light near 100 cd/m2.
    assert abs(grey100[1] - 186) <= 5 and abs(paper[1] - 243) <= 5 and peak[1] >= 250, (
        grey100,
        paper,
        peak,
    )


@functools.cache
def _sample_avif() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buf, "AVIF", speed=10)
    return buf.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    cut=st.integers(0, 400),
    flips=st.lists(st.tuples(st.integers(0, 399), st.integers(0, 255)), max_size=6),
)
def test_avif_colour_box_reader_survives_damaged_containers(
    cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(_sample_avif()[:cut])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    found = avif_nclx(bytes(data))
    assert found is None or isinstance(found, Nclx)
