"""nclx colour to sRGB: the tone curve's shape and the cases that must not change pixels."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pellicle.core.colour import KNEE, Nclx, roll_off, to_srgb


@given(st.floats(1.01, 60.0))
def test_roll_off_is_identity_below_the_knee_monotonic_and_ends_at_white(peak: float) -> None:
    x = np.linspace(0.0, peak * 1.5, 4001, dtype=np.float32)
    y = roll_off(x, KNEE, peak)
    below = x <= KNEE
    assert np.array_equal(y[below], x[below])
    assert np.all(np.diff(y) >= -1e-6)
    assert np.all(y <= 1.0) and abs(float(roll_off(np.float32([peak]), KNEE, peak)[0]) - 1) < 1e-5
    # No kink at the knee: the slope just above it is still about 1.
    eps = np.float32(1e-3)
    step = roll_off(np.float32([KNEE + eps]), KNEE, peak)[0] - KNEE
    assert abs(step / eps - 1) < 0.02


def test_roll_off_without_headroom_clips() -> None:
    assert roll_off(np.float32([0.5, 1.0, 3.0]), KNEE, 1.0).tolist() == [0.5, 1.0, 1.0]


def _grid() -> np.ndarray:
    values = [0, 1, 17, 64, 128, 200, 254, 255]
    return np.array([list(itertools.product(values, repeat=3))], dtype=np.uint8)


def test_srgb_and_unknown_colour_pass_through_untouched() -> None:
    pixels = _grid()
    for nclx in (None, Nclx(1, 13), Nclx(1, 1), Nclx(2, 2), Nclx(1, 6), Nclx(77, 99)):
        assert np.array_equal(to_srgb(pixels, 8, nclx), pixels), nclx


def test_wide_gamut_keeps_greys_and_white() -> None:
    greys = np.array([[[v, v, v] for v in (0, 30, 128, 250, 255)]], dtype=np.uint8)
    for nclx in (Nclx(12, 13), Nclx(9, 1), Nclx(9, 14), Nclx(11, 13), Nclx(22, 6)):
        out = to_srgb(greys, 8, nclx).astype(int)
        # DCI-P3's white is greenish; adapted to D65 it is white again.
        assert np.abs(out - greys).max() <= 1, (nclx, out)


def test_high_bit_depth_is_read_from_the_top_bits_and_alpha_kept() -> None:
    codes = np.array([0, 1, 511, 512, 1023])
    pixels = np.zeros((1, 5, 4), dtype=np.uint16)
    pixels[0, :, :] = (codes << 6)[:, None]
    out = to_srgb(pixels, 10, Nclx(1, 13))
    assert out[0, :, 0].tolist() == [0, 0, 127, 128, 255]
    assert np.array_equal(out[..., 3], out[..., 0])
    # PQ's alpha stays alpha: only colour is tone-mapped.
    pq = to_srgb(pixels, 10, Nclx(9, 16))
    assert pq[0, :, 3].tolist() == [0, 0, 127, 128, 255]


def test_saturated_bt2020_green_stays_green_not_white() -> None:
    # Pure BT.2020 green lies outside sRGB: clipped into the gamut, not washed out.
    out = to_srgb(np.array([[[0, 255, 0]]], dtype=np.uint8), 8, Nclx(9, 1))[0, 0]
    assert out[1] == 255 and out[0] < 40 and out[2] < 40, out
