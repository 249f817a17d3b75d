"""Colour stated by a HEIF's nclx box, turned into sRGB; HDR tone-mapped for ordinary screens.

A HEIF may state its colour as ITU-T H.273 code points (an `nclx` colour box:
primaries, transfer characteristics, matrix) rather than with an ICC profile.
Pellicle exports HEIF as JPEG, and a JPEG says "sRGB" by carrying no profile;
an nclx box has no JPEG equivalent, so leaving the pixels as coded makes every
viewer show a Display P3 or BT.2020 photo washed out and an HDR one grey and
flat. Rather than attach a generated ICC profile (which many of the tools
people share to strip or ignore, and which cannot describe HDR at all),
Pellicle converts the pixels to sRGB here, with numpy:

1. code values -> linear light, by the stated transfer function;
2. PQ (SMPTE ST 2084) gives absolute luminance; HLG (BT.2100) is taken
   through its reference OOTF for a 1000 cd/m2 display. Both are divided by
   the HDR reference white: the file's own nominal diffuse white (`ndwt`)
   when it states one, otherwise 203 cd/m2 (ITU-R BT.2408; ISO 22028-5 for
   HDR stills), so that the paper white of the scene becomes the white of an
   SDR screen;
3. the stated primaries -> sRGB primaries with one 3x3 matrix computed from
   the H.273 chromaticities (Bradford-adapted to D65 when the white differs),
   then clipped into the sRGB gamut;
4. HDR only: `roll_off` on max(R, G, B), which leaves everything up to 80 %
   of SDR white untouched and compresses the rest, up to the content's peak,
   into the last 20 %: highlights keep their detail, and a ratio applied to
   all three channels keeps their hue. The peak is the brightest pixel in
   the image for PQ (a still image has no later frame to keep room for, and
   a file's content light level or mastering display may be absent or
   wrong), and 1000 cd/m2 for HLG, whose signal is relative to that display;
5. linear -> 8-bit sRGB.

SDR transfer curves of the BT.709 family (and sRGB itself) are used in both
directions: only the primaries change, and greys keep the values they were
coded with, as they would if the primaries were sRGB's own. Files whose
nclx colour already is sRGB (BT.709 primaries, an sRGB-like curve) are only
brought to 8 bits.

Only numpy and Pillow are needed; the module never imports Qt or pillow-heif.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

#: HDR reference white ("graphics white", diffuse white) in cd/m2, ITU-R BT.2408.
REFERENCE_WHITE: Final = 203.0
#: Up to this share of SDR white, HDR pixels are not compressed at all.
KNEE: Final = 0.8
#: HLG's nominal display peak (BT.2100 reference display), in cd/m2.
HLG_PEAK: Final = 1000.0
PQ_PEAK: Final = 10000.0

# H.273 colour primaries: (red, green, blue, white) chromaticities (x, y).
_D65: Final = (0.3127, 0.3290)
_PRIMARIES: Final[dict[int, tuple[tuple[float, float], ...]]] = {
    1: ((0.640, 0.330), (0.300, 0.600), (0.150, 0.060), _D65),  # BT.709, sRGB
    4: ((0.670, 0.330), (0.210, 0.710), (0.140, 0.080), (0.310, 0.316)),  # BT.470 M
    5: ((0.640, 0.330), (0.290, 0.600), (0.150, 0.060), _D65),  # BT.601 625
    6: ((0.630, 0.340), (0.310, 0.595), (0.155, 0.070), _D65),  # BT.601 525
    7: ((0.630, 0.340), (0.310, 0.595), (0.155, 0.070), _D65),  # SMPTE 240M
    8: ((0.681, 0.319), (0.243, 0.692), (0.145, 0.049), (0.310, 0.316)),  # generic film
    9: ((0.708, 0.292), (0.170, 0.797), (0.131, 0.046), _D65),  # BT.2020, BT.2100
    11: ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), (0.314, 0.351)),  # DCI-P3
    12: ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), _D65),  # Display P3
    22: ((0.630, 0.340), (0.295, 0.605), (0.155, 0.077), _D65),  # EBU Tech 3213
}
_SRGB_PRIMARIES: Final = 1

# H.273 transfer characteristics.
_BT709: Final = frozenset({1, 6, 11, 12, 14, 15})  # the BT.709 OETF (and its extensions)
_SMPTE240: Final = 7
_GAMMA: Final = {4: 2.2, 5: 2.8, 8: 1.0}
_SRGB: Final = 13
_PQ: Final = 16
_HLG: Final = 18

# SMPTE ST 2084 constants.
_M1: Final = 2610 / 16384
_M2: Final = 2523 / 4096 * 128
_C1: Final = 3424 / 4096
_C2: Final = 2413 / 4096 * 32
_C3: Final = 2392 / 4096 * 32
# BT.2100 HLG constants.
_HLG_A: Final = 0.17883277
_HLG_B: Final = 1 - 4 * _HLG_A
_HLG_C: Final = 0.5 - _HLG_A * math.log(4 * _HLG_A)

#: Pixels converted at a time: bounds the float32 temporaries to about 12 MB each.
_BAND_PIXELS: Final = 1 << 20

Array = npt.NDArray[Any]
Floats = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Nclx:
    """What an nclx box says about colour, plus the diffuse white a HEIF may state."""

    primaries: int
    transfer: int
    #: The file's nominal diffuse white (cd/m2, its `ndwt` box), when it states one.
    diffuse_white: float | None = None

    @classmethod
    def from_info(cls, info: Mapping[str, Any]) -> Nclx | None:
        """The nclx colour of a pillow-heif image's `info`, or None if it has none."""
        profile = info.get("nclx_profile")
        if not isinstance(profile, Mapping):
            return None
        try:
            primaries = int(profile["color_primaries"])
            transfer = int(profile["transfer_characteristics"])
        except (KeyError, TypeError, ValueError):
            return None
        return cls(primaries, transfer, _stated_white(info))

    @property
    def is_hdr(self) -> bool:
        return self.transfer in (_PQ, _HLG)

    @property
    def is_srgb(self) -> bool:
        """True when the coded values already are what an sRGB screen should show."""
        return _PRIMARIES.get(self.primaries) in (None, _PRIMARIES[_SRGB_PRIMARIES]) and (
            not self.is_hdr and self.transfer not in _GAMMA
        )


def _stated_white(info: Mapping[str, Any]) -> float | None:
    value = info.get("nominal_diffuse_white_luminance")  # 0.0001 cd/m2
    if isinstance(value, int) and 50 * 10000 <= value <= 1000 * 10000:
        return value / 10000.0
    return None


def to_srgb(pixels: Array, bit_depth: int, nclx: Nclx | None) -> npt.NDArray[np.uint8]:
    """8-bit sRGB (with alpha, if `pixels` has it) from decoded HEIF pixels.

    `pixels` is (height, width, 3 or 4), uint8, or uint16 holding `bit_depth`
    bits shifted to the top of each sample (as pillow-heif delivers 10- and
    12-bit images). Alpha is only brought to 8 bits.
    """
    if pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected RGB or RGBA pixels, got shape {pixels.shape}")
    bits = 8 if pixels.dtype == np.uint8 else 16
    if bits == 8 and (nclx is None or nclx.is_srgb):
        return np.ascontiguousarray(pixels)  # most HEICs: nothing to do
    shift = bits - max(1, min(bit_depth, bits))
    codes = np.arange(1 << bits, dtype=np.int64)
    normalised = (codes >> shift) / float((1 << (bits - shift)) - 1)
    height, width, channels = pixels.shape
    out = np.empty((height, width, channels), dtype=np.uint8)
    to_8bit = np.round(normalised * 255).astype(np.uint8)
    if channels == 4:
        out[..., 3] = to_8bit[pixels[..., 3]]
    if nclx is None or nclx.is_srgb:
        out[..., :3] = to_8bit[pixels[..., :3]]
        return out
    # PQ is absolute: the brightest pixel actually present bounds the
    # highlights to compress (one pass over the codes; the curve is monotonic).
    brightest = int(pixels[..., :3].max()) if nclx.transfer == _PQ else None
    convert = _Converter(nclx, normalised, brightest)
    rows = max(1, _BAND_PIXELS // max(1, width))
    for top in range(0, height, rows):
        out[top : top + rows, :, :3] = convert(pixels[top : top + rows, :, :3])
    return out


class _Converter:
    """One nclx colour's whole pipeline, with its lookup tables built once."""

    def __init__(
        self, nclx: Nclx, normalised: npt.NDArray[np.float64], brightest: int | None
    ) -> None:
        self.nclx = nclx
        transfer = nclx.transfer
        self.decode = _decode_curve(transfer, normalised).astype(np.float32)
        chroma = _PRIMARIES.get(nclx.primaries, _PRIMARIES[_SRGB_PRIMARIES])
        to_xyz = _rgb_to_xyz(chroma)
        self.luminance = to_xyz[1].astype(np.float32)
        srgb = _rgb_to_xyz(_PRIMARIES[_SRGB_PRIMARIES])
        matrix = np.linalg.inv(srgb) @ _bradford(chroma[3], _D65) @ to_xyz
        self.matrix = matrix.T.astype(np.float32)  # for row vectors: rgb @ matrix
        white = nclx.diffuse_white or REFERENCE_WHITE
        if transfer == _PQ:
            self.scale = PQ_PEAK / white
            peak = PQ_PEAK if brightest is None else float(self.decode[brightest]) * PQ_PEAK
            peak = min(max(peak, white), PQ_PEAK)
        elif transfer == _HLG:
            self.scale = HLG_PEAK / white
            peak = HLG_PEAK
        else:
            self.scale = 1.0
            peak = white
        self.peak = peak / white
        # Linear -> 8-bit, through a 16-bit index: fine enough near black,
        # where sRGB's slope is steepest.
        linear = np.arange(1 << 16, dtype=np.float64) / 65535.0
        if nclx.is_hdr or transfer in _GAMMA:
            encoded = _srgb_encode(linear)
        else:
            encoded = _encode_same(transfer, linear)
        self.encode = np.round(np.clip(encoded, 0.0, 1.0) * 255).astype(np.uint8)

    def __call__(self, band: Array) -> npt.NDArray[np.uint8]:
        rgb = self.decode[band]  # (rows, width, 3) float32, linear
        if self.nclx.transfer == _HLG:
            rgb = _hlg_ootf(rgb, self.luminance)
        if self.scale != 1.0:
            rgb *= np.float32(self.scale)
        rgb = rgb @ self.matrix
        np.maximum(rgb, 0.0, out=rgb)
        if self.nclx.is_hdr:
            # (np.maximum, not max(axis=2): reducing a 3-wide axis is 7x slower)
            peak = np.maximum(np.maximum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])
            mapped = roll_off(peak, KNEE, self.peak)
            ratio = np.divide(mapped, peak, out=np.ones_like(peak), where=peak > 0)
            rgb *= ratio[..., None]
        np.minimum(rgb, 1.0, out=rgb)
        index = (rgb * np.float32(65535.0) + np.float32(0.5)).astype(np.uint16)
        result: npt.NDArray[np.uint8] = self.encode[index]
        return result


def roll_off(value: Floats, knee: float, peak: float) -> Floats:
    """Tone curve: identity up to `knee`, then compress (`knee`, `peak`] into (`knee`, 1].

    Above the knee it is Reinhard's extended operator (Reinhard et al. 2002,
    eq. 4) on the excess, scaled so that its slope is 1 at the knee (no
    visible seam) and it reaches exactly 1 at `peak`; it is monotonic, and
    anything above `peak` is 1.
    """
    if peak <= 1.0:
        return np.minimum(value, np.float32(1.0))
    head = np.float32(1.0 - knee)
    limit = np.float32((peak - knee) / (1.0 - knee))
    excess = np.maximum(value - np.float32(knee), np.float32(0.0)) / head
    curve = excess * (1 + excess / (limit * limit)) / (1 + excess)
    rolled = np.float32(knee) + head * np.minimum(curve, np.float32(1.0))
    out: Floats = np.where(value > knee, rolled, value)
    return out


def _hlg_ootf(scene: Floats, luminance: Floats) -> Floats:
    """BT.2100 HLG reference OOTF for a 1000 cd/m2 display, relative to that peak."""
    gamma = 1.2 + 0.42 * math.log10(HLG_PEAK / 1000.0)
    y = scene[..., 0] * luminance[0] + scene[..., 1] * luminance[1] + scene[..., 2] * luminance[2]
    gain = np.power(np.maximum(y, np.float32(1e-12)), np.float32(gamma - 1.0))
    gain[y <= 0] = 0.0
    return scene * gain[..., None]  # type: ignore[no-any-return]


def _decode_curve(transfer: int, v: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Code values (0..1) -> linear light (0..1; PQ: share of 10000 cd/m2; HLG: scene)."""
    if transfer == _PQ:
        p = np.power(v, 1 / _M2)
        return np.power(np.maximum(p - _C1, 0) / (_C2 - _C3 * p), 1 / _M1)
    if transfer == _HLG:
        with np.errstate(over="ignore"):
            high = (np.exp((v - _HLG_C) / _HLG_A) + _HLG_B) / 12
        return np.where(v <= 0.5, v * v / 3, high)
    if transfer in _GAMMA:
        return np.power(v, _GAMMA[transfer])
    if transfer in _BT709:
        return np.where(v < 0.081, v / 4.5, np.power((v + 0.099) / 1.099, 1 / 0.45))
    if transfer == _SMPTE240:
        return np.where(v < 0.0913, v / 4.0, np.power((v + 0.1115) / 1.1115, 1 / 0.45))
    # sRGB, and what is unspecified or unknown: treated as sRGB, as viewers do.
    return np.where(v <= 0.04045, v / 12.92, np.power((v + 0.055) / 1.055, 2.4))


def _encode_same(transfer: int, linear: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The inverse of `_decode_curve` for the SDR curves kept as coded."""
    if transfer in _BT709:
        return np.where(linear < 0.018, linear * 4.5, 1.099 * np.power(linear, 0.45) - 0.099)
    if transfer == _SMPTE240:
        return np.where(linear < 0.0228, linear * 4.0, 1.1115 * np.power(linear, 0.45) - 0.1115)
    return _srgb_encode(linear)


def _srgb_encode(linear: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * np.power(linear, 1 / 2.4) - 0.055)


def _xyz(x: float, y: float) -> npt.NDArray[np.float64]:
    return np.array([x / y, 1.0, (1 - x - y) / y])


def _rgb_to_xyz(chroma: tuple[tuple[float, float], ...]) -> npt.NDArray[np.float64]:
    """The RGB -> XYZ matrix of a set of primaries and white (white maps to Y = 1)."""
    columns = np.stack([_xyz(*c) for c in chroma[:3]], axis=1)
    gains = np.linalg.solve(columns, _xyz(*chroma[3]))
    return columns * gains


_BRADFORD: Final = np.array(
    [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
)


def _bradford(source: tuple[float, float], target: tuple[float, float]) -> npt.NDArray[np.float64]:
    """Chromatic adaptation from one white to another (identity when they agree)."""
    if source == target:
        return np.eye(3)
    cone_src = _BRADFORD @ _xyz(*source)
    cone_dst = _BRADFORD @ _xyz(*target)
    return np.linalg.inv(_BRADFORD) @ np.diag(cone_dst / cone_src) @ _BRADFORD  # type: ignore[no-any-return]
