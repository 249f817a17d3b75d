"""The sample camera roll behind "Try with sample photos".

Why it exists apart from `demo`: `demo` plants distinctive strings
("PLANTED-CITY", "SERIAL-PL4NT3D") in every hiding place a format has, so
tests can prove by a byte search that nothing leaks. A person trying
Pellicle needs the opposite look: a camera roll like their own, so they can
see what the export removes from photos that matter to them. This module
draws one, offline and in about a second:

- believable scenes drawn with Pillow (beaches, sunsets, coastlines,
  calanques, city skylines, a tram street, food, a cat, a birthday cake,
  scanned paperwork, phone screenshots), never a committed binary;
- folders as people keep them: "2024-07 Brittany", "2023-10 Lisbon",
  "2024-05 Marseille", "Family", "Screenshots", "Paperwork";
- real metadata where phones and cameras put it (EXIF make, model,
  software, body and lens serials, owner name, dates with time zone, GPS
  position and altitude; XMP creator and people in the image): an Apple
  iPhone 14, a Google Pixel 7, a Samsung Galaxy S23 and a Canon EOS R6,
  in Brittany, Lisbon, Marseille and at home in Lyon, belonging to a
  made-up Camille Martin. The places are real; the person is not.

File names follow each device's habit (IMG_4821.JPG, PXL_20231014_...,
20240512_143210.jpg, Screenshot_..._Maps.png) and each file's modification
time is its capture time. The same call always writes the same files.
"""

from __future__ import annotations

import io
import math
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFilter, ImageOps
from PIL.TiffImagePlugin import IFDRational

from pellicle.core.demo import srgb_icc
from pellicle.core.imaging import pillow

pillow()  # Pellicle's limits, before any image is made here

OWNER: Final = "Camille Martin"
#: People named in the XMP of family photos (made up, like the owner).
FAMILY: Final = ("Camille Martin", "Léo Martin")
#: The folders of the roll, in the order they are written.
FOLDERS: Final = (
    "2024-07 Brittany",
    "2023-10 Lisbon",
    "2024-05 Marseille",
    "Family",
    "Screenshots",
    "Paperwork",
)
#: How many photos `make_camera_roll` writes.
COUNT: Final = 48

Scene = Callable[[random.Random, int, int], Image.Image]
Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Camera:
    make: str
    model: str
    software: str
    serial: str
    lens: str
    lens_serial: str = ""
    size: tuple[int, int] = (960, 720)


IPHONE: Final = Camera("Apple", "iPhone 14", "17.5.1", "F2LXK9Q0P3MN",
                       "iPhone 14 back dual wide camera 5.7mm f/1.5")  # fmt: skip
PIXEL: Final = Camera("Google", "Pixel 7", "HDR+ 1.0.540104767zd", "28011FDH2004PQ",
                      "Pixel 7 back camera 6.81mm f/1.85")  # fmt: skip
GALAXY: Final = Camera("samsung", "Galaxy S23", "S911BXXS3BXF4", "R5CW31K7ZQA",
                       "Galaxy S23 back camera 6.3mm f/1.8")  # fmt: skip
CANON: Final = Camera("Canon", "Canon EOS R6", "Firmware Version 1.8.2", "083021004719",
                      "RF24-105mm F4 L IS USM", "9213004582", (1080, 720))  # fmt: skip


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    alt: float


ST_MALO: Final = Place("Saint-Malo", 48.6493, -2.0257, 12.0)
CROZON: Final = Place("Crozon", 48.2465, -4.4903, 58.0)
QUIBERON: Final = Place("Quiberon", 47.4835, -3.1197, 6.0)
LISBON_BAIXA: Final = Place("Lisbon", 38.7106, -9.1366, 31.0)
ALFAMA: Final = Place("Lisbon, Alfama", 38.7118, -9.1300, 64.0)
BELEM: Final = Place("Lisbon, Belém", 38.6916, -9.2160, 9.0)
VIEUX_PORT: Final = Place("Marseille", 43.2951, 5.3743, 4.0)
SORMIOU: Final = Place("Calanque de Sormiou", 43.2104, 5.4194, 87.0)
HOME: Final = Place("Lyon", 45.7640, 4.8357, 173.0)

# --- drawing -------------------------------------------------------------------


def _vertical(w: int, h: int, top: Colour, bottom: Colour) -> Image.Image:
    """A top-to-bottom gradient (Pillow's own, resized: fast)."""
    ramp = Image.linear_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
    return ImageOps.colorize(ramp, top, bottom)


def _jitter(rng: random.Random, colour: Colour, amount: int = 18) -> Colour:
    r, g, b = (max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)
    return (r, g, b)


def _sky(rng: random.Random, w: int, h: int, horizon: int) -> Image.Image:
    img = _vertical(w, h, _jitter(rng, (70, 130, 205)), _jitter(rng, (200, 225, 240)))
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(rng.randint(2, 5)):  # soft clouds
        cx, cy = rng.randrange(w), rng.randrange(max(1, horizon // 2))
        for _ in range(5):
            rx, ry = rng.randint(w // 20, w // 9), rng.randint(h // 40, h // 18)
            dx, dy = rng.randint(-w // 12, w // 12), rng.randint(-h // 40, h // 40)
            draw.ellipse((cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry),
                         fill=(255, 255, 255, 120))  # fmt: skip
    return img


def beach(rng: random.Random, w: int, h: int) -> Image.Image:
    horizon = int(h * rng.uniform(0.38, 0.48))
    shore = int(h * rng.uniform(0.62, 0.72))
    img = _sky(rng, w, h, horizon)
    sea = _vertical(w, shore - horizon, _jitter(rng, (30, 95, 150)), (70, 170, 180))
    img.paste(sea, (0, horizon))
    img.paste(_vertical(w, h - shore, (225, 205, 160), _jitter(rng, (200, 175, 130))), (0, shore))
    draw = ImageDraw.Draw(img, "RGBA")
    for i in range(6):  # breaking waves
        y = shore - 4 - i * (shore - horizon) // 7
        for x in range(0, w, w // 12):
            x0 = x + rng.randint(-20, 20)
            draw.line((x0, y, x0 + w // 20, y + rng.randint(-2, 2)), fill=(255, 255, 255, 90),
                      width=2)  # fmt: skip
    draw.polygon([(0, shore), (w, shore - 10), (w, shore + 12), (0, shore + 18)],
                 fill=(255, 255, 255, 110))  # fmt: skip
    if rng.random() < 0.7:  # a parasol
        px, top = rng.randint(w // 5, 4 * w // 5), shore + (h - shore) // 5
        colour = rng.choice([(220, 60, 60), (250, 190, 40), (40, 120, 200)])
        draw.line((px, top, px + 6, h - (h - shore) // 6), fill=(90, 70, 50), width=5)
        draw.pieslice((px - w // 9, top - h // 12, px + w // 9, top + h // 12), 180, 360,
                      fill=colour)  # fmt: skip
    return img


def sunset(rng: random.Random, w: int, h: int) -> Image.Image:
    horizon = int(h * rng.uniform(0.55, 0.65))
    img = _vertical(w, horizon, _jitter(rng, (60, 50, 120)), _jitter(rng, (250, 150, 70)))
    canvas = Image.new("RGB", (w, h))
    canvas.paste(img, (0, 0))
    canvas.paste(_vertical(w, h - horizon, (120, 70, 70), (25, 25, 50)), (0, horizon))
    draw = ImageDraw.Draw(canvas, "RGBA")
    cx, r = rng.randint(w // 3, 2 * w // 3), rng.randint(h // 14, h // 9)
    draw.ellipse((cx - r, horizon - r * 1.2, cx + r, horizon + r * 0.8), fill=(255, 215, 120))
    draw.rectangle((0, horizon, w, h), fill=(40, 30, 60, 150))
    for i in range(14):  # the sun's path on the water
        y = horizon + 6 + i * (h - horizon) // 15
        half = int(r * (1.2 - i / 16) * rng.uniform(0.6, 1.0))
        draw.line((cx - half, y, cx + half, y), fill=(255, 190, 110, 170), width=3)
    if rng.random() < 0.5:  # a headland in silhouette
        draw.polygon([(0, horizon), (0, horizon - h // 7), (w // 6, horizon - h // 10),
                      (w // 3, horizon)], fill=(35, 25, 45))  # fmt: skip
    return canvas.filter(ImageFilter.GaussianBlur(1))


def coast(rng: random.Random, w: int, h: int) -> Image.Image:
    """Cliffs over the sea (Brittany's granite, or Marseille's calanques)."""
    horizon = int(h * 0.42)
    img = _sky(rng, w, h, horizon)
    img.paste(_vertical(w, h - horizon, (40, 110, 160), _jitter(rng, (20, 150, 160))),
              (0, horizon))  # fmt: skip
    draw = ImageDraw.Draw(img, "RGBA")
    rock = rng.choice([(150, 120, 100), (205, 200, 185), (120, 110, 105)])
    for layer in range(3):
        side = rng.choice((0, 1))
        base = horizon + layer * h // 9
        points = [(0 if side == 0 else w, h)]
        x = 0.0
        while x < w * rng.uniform(0.45, 0.7):
            y = base - rng.randint(h // 10, h // 4) + layer * h // 12
            points.append((int(x) if side == 0 else int(w - x), y))
            x += w / rng.randint(6, 10)
        points.append((int(x) if side == 0 else int(w - x), h))
        shade = tuple(max(0, c - 25 * layer) for c in rock)
        draw.polygon(points, fill=(*shade, 255))
        for px, py in points[1:-1:2]:  # scrub on the tops
            draw.ellipse((px - 14, py - 6, px + 14, py + 6), fill=(70, 100, 50, 200))
    return img


def skyline(rng: random.Random, w: int, h: int) -> Image.Image:
    dusk = rng.random() < 0.6
    top, bottom = ((30, 40, 90), (230, 140, 90)) if dusk else ((90, 150, 215), (215, 230, 240))
    img = _vertical(w, h, _jitter(rng, top), _jitter(rng, bottom))
    draw = ImageDraw.Draw(img, "RGBA")
    ground = int(h * 0.78)
    for layer, shade in enumerate(((95, 95, 120), (55, 55, 75))):
        x = -rng.randint(0, 40)
        while x < w:
            bw = rng.randint(w // 22, w // 9)
            bh = rng.randint(h // 8, h // 2) - layer * h // 12
            colour = tuple(c + rng.randint(-12, 12) for c in shade)
            draw.rectangle((x, ground - bh, x + bw, ground), fill=(*colour, 255))
            if rng.random() < 0.15:  # a spire or a mast
                draw.line((x + bw // 2, ground - bh, x + bw // 2, ground - bh - h // 12),
                          fill=(*colour, 255), width=3)  # fmt: skip
            lit = (255, 220, 140, 230) if dusk else (200, 220, 235, 160)
            for wy in range(ground - bh + 8, ground - 6, 14):
                for wx in range(x + 5, x + bw - 6, 11):
                    if rng.random() < (0.45 if dusk else 0.8):
                        draw.rectangle((wx, wy, wx + 5, wy + 7), fill=lit)
            x += bw + rng.randint(0, 6)
    img.paste(_vertical(w, h - ground, (40, 60, 90), (20, 30, 50)), (0, ground))
    for i in range(20):  # reflections in the river
        y = ground + 4 + i * (h - ground) // 20
        x0 = rng.randrange(w)
        draw.line((x0, y, x0 + rng.randint(20, 90), y), fill=(255, 210, 150, 90), width=2)
    return img


def tram_street(rng: random.Random, w: int, h: int) -> Image.Image:
    """A steep street with tiled façades and a yellow tram (Lisbon)."""
    img = _sky(rng, w, h, h // 3)
    draw = ImageDraw.Draw(img, "RGBA")
    x = 0
    while x < w:  # façades
        bw = rng.randint(w // 7, w // 4)
        top = rng.randint(h // 10, h // 3)
        colour = rng.choice([(235, 200, 150), (200, 90, 70), (120, 170, 200), (240, 235, 220)])
        draw.rectangle((x, top, x + bw, h), fill=colour)
        draw.polygon([(x - 4, top), (x + bw + 4, top), (x + bw - 8, top - 16), (x + 8, top - 16)],
                     fill=(170, 70, 50))  # fmt: skip
        for wy in range(top + 20, int(h * 0.7), 46):
            for wx in range(x + 14, x + bw - 24, 40):
                draw.rectangle((wx, wy, wx + 18, wy + 28), fill=(60, 60, 70))
                draw.line((wx - 3, wy + 30, wx + 21, wy + 30), fill=(30, 30, 30), width=3)
        x += bw
    road = int(h * 0.78)
    draw.polygon([(0, h), (0, road), (w, road - h // 8), (w, h)], fill=(120, 115, 110))
    tx, ty = rng.randint(w // 8, w // 3), road - h // 3
    tw, th = w // 2, h // 4
    draw.rounded_rectangle((tx, ty, tx + tw, ty + th), 12, fill=(245, 195, 30))
    draw.rectangle((tx, ty + th * 2 // 3, tx + tw, ty + th), fill=(230, 230, 225))
    for i in range(5):
        wx = tx + 14 + i * (tw - 20) // 5
        draw.rectangle((wx, ty + 12, wx + (tw - 40) // 6, ty + th // 2), fill=(60, 70, 80))
    draw.line((tx + tw // 2, ty, tx + tw // 2 + 30, ty - h // 8), fill=(40, 40, 40), width=3)
    draw.line((0, ty - h // 8, w, ty - h // 6), fill=(40, 40, 40), width=2)
    return img


def food(rng: random.Random, w: int, h: int) -> Image.Image:
    wood = _jitter(rng, (150, 100, 60))
    img = Image.new("RGB", (w, h), wood)
    draw = ImageDraw.Draw(img, "RGBA")
    for plank in range(0, h, rng.randint(60, 110)):  # planks
        draw.line((0, plank, w, plank + rng.randint(-6, 6)), fill=(90, 60, 35, 160), width=3)
    cx, cy, r = w // 2 + rng.randint(-40, 40), h // 2 + rng.randint(-20, 20), int(h * 0.36)
    draw.ellipse((cx - r + 12, cy - r + 18, cx + r + 12, cy + r + 18), fill=(0, 0, 0, 70))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(245, 245, 240))
    draw.ellipse((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), fill=(232, 232, 228))
    dish = rng.choice(("tarts", "salad", "pasta"))
    for _ in range({"tarts": 6, "salad": 26, "pasta": 14}[dish]):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, r * 0.5)
        x, y = cx + d * math.cos(a), cy + d * math.sin(a)
        if dish == "tarts":  # pastéis de nata
            s = r * 0.26
            draw.ellipse((x - s, y - s, x + s, y + s), fill=(205, 140, 60))
            draw.ellipse((x - s * 0.75, y - s * 0.75, x + s * 0.75, y + s * 0.75),
                         fill=(240, 200, 90))  # fmt: skip
            draw.ellipse((x - s * 0.3, y - s * 0.4, x + s * 0.1, y - s * 0.1), fill=(120, 60, 20))
        elif dish == "salad":
            s = r * rng.uniform(0.12, 0.22)
            colour = rng.choice([(80, 160, 60), (200, 40, 40), (250, 220, 80), (110, 180, 70)])
            draw.ellipse((x - s, y - s * 0.7, x + s, y + s * 0.7), fill=colour)
        else:
            for _ in range(10):
                x2, y2 = x + rng.randint(-60, 60), y + rng.randint(-60, 60)
                draw.line((x, y, x2, y2), fill=(240, 200, 110), width=9)
            draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=(190, 40, 30))
    fx = cx + r + w // 20  # a fork
    draw.rectangle((fx, cy - r * 0.6, fx + 10, cy + r * 0.8), fill=(200, 200, 205))
    return img.filter(ImageFilter.GaussianBlur(0.8))


def cat(rng: random.Random, w: int, h: int) -> Image.Image:
    img = _vertical(w, h, _jitter(rng, (225, 215, 195)), _jitter(rng, (160, 140, 120)))
    draw = ImageDraw.Draw(img, "RGBA")
    floor = int(h * 0.72)
    draw.rectangle((0, floor, w, h), fill=(*_jitter(rng, (120, 90, 70)), 255))
    draw.rectangle((w * 0.05, h * 0.55, w * 0.95, floor + 10), fill=(90, 110, 150, 255))  # sofa
    fur = rng.choice([(230, 140, 60), (60, 55, 55), (200, 200, 195), (140, 120, 100)])
    cx, cy = w // 2 + rng.randint(-w // 8, w // 8), int(h * 0.6)
    bw, bh = w // 4, h // 6
    draw.ellipse((cx - bw, cy - bh, cx + bw, cy + bh), fill=fur)  # body
    draw.ellipse((cx + bw * 0.7, cy - bh * 0.5, cx + bw * 1.35, cy + bh * 0.3), fill=fur)  # tail
    hx, hy, hr = cx - bw * 0.75, cy - bh * 1.1, h // 9
    draw.polygon([(hx - hr, hy - hr * 0.3), (hx - hr * 0.6, hy - hr * 1.5), (hx - hr * 0.1,
                  hy - hr * 0.8)], fill=fur)  # fmt: skip
    draw.polygon([(hx + hr, hy - hr * 0.3), (hx + hr * 0.6, hy - hr * 1.5), (hx + hr * 0.1,
                  hy - hr * 0.8)], fill=fur)  # fmt: skip
    draw.ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=fur)
    for ex in (hx - hr * 0.4, hx + hr * 0.4):
        draw.ellipse((ex - hr * 0.18, hy - hr * 0.25, ex + hr * 0.18, hy + hr * 0.1),
                     fill=(120, 170, 60))  # fmt: skip
        draw.ellipse((ex - hr * 0.05, hy - hr * 0.22, ex + hr * 0.05, hy + hr * 0.07),
                     fill=(20, 20, 20))  # fmt: skip
    draw.polygon([(hx - 6, hy + hr * 0.3), (hx + 6, hy + hr * 0.3), (hx, hy + hr * 0.42)],
                 fill=(230, 130, 140))  # fmt: skip
    for side in (-1, 1):
        for dy in (-4, 4):
            draw.line((hx + side * hr * 0.2, hy + hr * 0.4, hx + side * hr * 1.3, hy + hr * 0.35
                       + dy * 2), fill=(250, 250, 250, 200), width=1)  # fmt: skip
    return img.filter(ImageFilter.GaussianBlur(0.7))


def cake(rng: random.Random, w: int, h: int) -> Image.Image:
    img = _vertical(w, h, (60, 45, 55), (25, 20, 25))  # a dim room
    draw = ImageDraw.Draw(img, "RGBA")
    draw.rectangle((0, int(h * 0.7), w, h), fill=(200, 190, 180))
    cx, base = w // 2, int(h * 0.75)
    cw = w // 4
    draw.ellipse((cx - cw * 1.4, base - 20, cx + cw * 1.4, base + 40), fill=(240, 240, 240))
    icing = rng.choice([(250, 200, 210), (250, 245, 230), (120, 70, 40)])
    draw.rectangle((cx - cw, base - h // 4, cx + cw, base), fill=icing)
    draw.ellipse((cx - cw, base - h // 4 - 22, cx + cw, base - h // 4 + 22), fill=icing)
    candles = rng.randint(4, 9)
    for i in range(candles):
        x = cx - cw * 0.8 + i * cw * 1.6 / max(1, candles - 1)
        top = base - h // 4 - 50
        draw.rectangle((x - 4, top, x + 4, top + 40), fill=rng.choice([(80, 150, 220),
                       (240, 200, 60), (220, 80, 120)]))  # fmt: skip
        draw.ellipse((x - 14, top - 34, x + 14, top + 2), fill=(255, 200, 80, 60))
        draw.ellipse((x - 5, top - 20, x + 5, top - 2), fill=(255, 230, 150))
    return img.filter(ImageFilter.GaussianBlur(1.2))


def paperwork(rng: random.Random, w: int, h: int) -> Image.Image:
    """A page photographed on a desk (a rent receipt, a form, a prescription)."""
    img = Image.new("RGB", (w, h), _jitter(rng, (110, 85, 60)))
    page = Image.new("RGB", (int(w * 0.62), int(h * 0.9)), (246, 244, 238))
    draw = ImageDraw.Draw(page)
    pw, ph = page.size
    draw.rectangle((pw * 0.08, ph * 0.06, pw * 0.45, ph * 0.1), fill=(40, 60, 120))
    y = ph * 0.16
    while y < ph * 0.9:
        length = pw * rng.uniform(0.4, 0.84)
        draw.line((pw * 0.08, y, pw * 0.08 + length, y), fill=(110, 110, 115), width=3)
        y += rng.choice((14, 14, 14, 30))
    if rng.random() < 0.6:  # a table of amounts
        draw.rectangle((pw * 0.5, ph * 0.62, pw * 0.92, ph * 0.8), outline=(80, 80, 80), width=2)
    page = page.rotate(rng.uniform(-4, 4), expand=True, fillcolor=img.getpixel((0, 0)))
    img.paste(page, ((w - page.width) // 2, (h - page.height) // 2))
    shade = _vertical(w, h, (255, 255, 255), (170, 170, 170))
    return Image.blend(img, shade, 0.15)


def screenshot(rng: random.Random, w: int, h: int) -> Image.Image:
    """A phone screen: status bar, app bar, a list or a map."""
    img = Image.new("RGB", (w, h), (250, 250, 252))
    draw = ImageDraw.Draw(img)
    accent = rng.choice([(26, 115, 232), (0, 150, 136), (103, 58, 183), (230, 81, 0)])
    draw.rectangle((0, 0, w, h * 0.035), fill=(30, 30, 30))
    draw.rectangle((0, h * 0.035, w, h * 0.1), fill=accent)
    draw.rectangle((w * 0.06, h * 0.06, w * 0.5, h * 0.075), fill=(255, 255, 255))
    if rng.random() < 0.4:  # a map with a route
        draw.rectangle((0, h * 0.1, w, h * 0.75), fill=(232, 234, 220))
        for _ in range(14):
            x0, y0 = rng.randrange(w), rng.randint(int(h * 0.1), int(h * 0.75))
            draw.line((x0, y0, x0 + rng.randint(-w, w), y0 + rng.randint(-h // 4, h // 4)),
                      fill=(255, 255, 255), width=rng.choice((6, 10)))  # fmt: skip
        pts = [(rng.randrange(w), rng.randint(int(h * 0.12), int(h * 0.72))) for _ in range(5)]
        draw.line(pts, fill=accent, width=8)
        top = int(h * 0.78)
    else:
        top = int(h * 0.12)
    y = top
    while y < h * 0.95:  # list rows: avatar, two lines
        avatar = (w * 0.05, y, w * 0.05 + h * 0.06, y + h * 0.06)
        draw.ellipse(avatar, fill=_jitter(rng, accent, 60))
        draw.rectangle((w * 0.25, y + 4, w * rng.uniform(0.55, 0.9), y + 16), fill=(60, 60, 60))
        draw.rectangle((w * 0.25, y + 26, w * rng.uniform(0.4, 0.8), y + 34), fill=(160, 160, 160))
        y += int(h * 0.085)
    return img


# --- metadata ------------------------------------------------------------------


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(int(seconds * 100), 100)


def _exif(camera: Camera, place: Place | None, when: datetime, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = camera.make
    exif[0x0110] = camera.model
    exif[0x0112] = orientation
    exif[0x0131] = camera.software
    stamp = when.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x0132] = stamp
    if camera is CANON:  # a camera set up by its owner writes the name everywhere
        exif[0x013B] = OWNER
        exif[0x8298] = f"Copyright {when.year} {OWNER}"  # EXIF Copyright is ASCII: no ©
    offset = "+01:00" if when.month in (1, 2, 3, 11, 12) else "+02:00"
    if place is not None and place.lon < -6:  # Portugal is an hour behind France
        offset = "+01:00" if offset == "+02:00" else "+00:00"
    exif[0x8769] = {
        0x9003: stamp,
        0x9004: stamp,
        0x9011: offset,
        0xA430: OWNER,
        0xA431: camera.serial,
        0xA433: camera.make,
        0xA434: camera.lens,
        **({0xA435: camera.lens_serial} if camera.lens_serial else {}),
    }
    if place is not None:
        exif[0x8825] = {
            0x0000: b"\x02\x02\x00\x00",
            0x0001: "N" if place.lat >= 0 else "S",
            0x0002: _dms(place.lat),
            0x0003: "E" if place.lon >= 0 else "W",
            0x0004: _dms(place.lon),
            0x0005: b"\x00",
            0x0006: IFDRational(int(place.alt * 10), 10),
            0x001D: when.strftime("%Y:%m:%d"),
        }
    return exif.tobytes()


def _xmp(people: tuple[str, ...], when: datetime) -> bytes:
    names = "".join(f"<rdf:li>{p}</rdf:li>" for p in people)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        f'xmp:CreateDate="{when.isoformat()}">'
        f"<dc:creator><rdf:Seq><rdf:li>{OWNER}</rdf:li></rdf:Seq></dc:creator>"
        f"<Iptc4xmpExt:PersonInImage><rdf:Bag>{names}</rdf:Bag></Iptc4xmpExt:PersonInImage>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


# --- the roll ------------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    folder: str
    scene: Scene
    camera: Camera
    place: Place | None
    people: tuple[str, ...] = ()
    portrait: bool = False


def _plan() -> list[tuple[str, list[Shot], datetime, int]]:
    """Each folder's shots, when its first one was taken, and the longest
    gap between two shots in minutes (a holiday: hours; home: weeks)."""
    b, li, m, f = FOLDERS[0], FOLDERS[1], FOLDERS[2], FOLDERS[3]
    brittany = [
        Shot(b, beach, IPHONE, ST_MALO), Shot(b, beach, IPHONE, ST_MALO, FAMILY),
        Shot(b, coast, IPHONE, CROZON), Shot(b, sunset, IPHONE, CROZON),
        Shot(b, coast, IPHONE, CROZON, portrait=True), Shot(b, beach, IPHONE, QUIBERON),
        Shot(b, food, IPHONE, QUIBERON), Shot(b, sunset, IPHONE, QUIBERON),
        Shot(b, beach, IPHONE, QUIBERON, ("Léo Martin",), portrait=True),
        Shot(b, sunset, IPHONE, ST_MALO), Shot(b, coast, IPHONE, ST_MALO),
        Shot(b, beach, IPHONE, ST_MALO),
    ]  # fmt: skip
    lisbon = [
        Shot(li, skyline, PIXEL, ALFAMA), Shot(li, tram_street, PIXEL, ALFAMA),
        Shot(li, tram_street, PIXEL, ALFAMA, portrait=True), Shot(li, food, PIXEL, BELEM),
        Shot(li, skyline, PIXEL, BELEM), Shot(li, sunset, PIXEL, BELEM),
        Shot(li, tram_street, PIXEL, LISBON_BAIXA), Shot(li, food, PIXEL, LISBON_BAIXA),
        Shot(li, skyline, PIXEL, LISBON_BAIXA), Shot(li, food, PIXEL, ALFAMA),
    ]  # fmt: skip
    marseille = [
        Shot(m, coast, CANON, SORMIOU), Shot(m, coast, CANON, SORMIOU),
        Shot(m, sunset, CANON, SORMIOU), Shot(m, coast, CANON, SORMIOU),
        Shot(m, skyline, CANON, VIEUX_PORT), Shot(m, skyline, CANON, VIEUX_PORT),
        Shot(m, sunset, CANON, VIEUX_PORT), Shot(m, coast, CANON, VIEUX_PORT),
    ]  # fmt: skip
    family = [
        Shot(f, cat, GALAXY, HOME), Shot(f, cat, GALAXY, HOME, portrait=True),
        Shot(f, cake, GALAXY, HOME, FAMILY), Shot(f, cake, GALAXY, HOME, FAMILY),
        Shot(f, food, GALAXY, HOME), Shot(f, cat, GALAXY, HOME),
        Shot(f, food, GALAXY, HOME, ("Léo Martin",)), Shot(f, cat, GALAXY, HOME),
    ]  # fmt: skip
    screens = [Shot(FOLDERS[4], screenshot, GALAXY, None, portrait=True) for _ in range(5)]
    papers = [Shot(FOLDERS[5], paperwork, GALAXY, HOME, portrait=True) for _ in range(5)]
    return [
        (b, brittany, datetime(2024, 7, 13, 10, 12, 31), 240),
        (li, lisbon, datetime(2023, 10, 14, 11, 3, 8), 200),
        (m, marseille, datetime(2024, 5, 18, 8, 41, 55), 90),
        (f, family, datetime(2023, 11, 2, 16, 20, 4), 60 * 24 * 40),
        (FOLDERS[4], screens, datetime(2024, 2, 12, 10, 15, 30), 60 * 24 * 30),
        (FOLDERS[5], papers, datetime(2023, 12, 15, 9, 30, 12), 60 * 24 * 45),
    ]


_APPS: Final = ("Maps", "Messages", "Chrome", "Calendar", "Photos")


def _name(camera: Camera, folder: str, when: datetime, number: int) -> str:
    if folder == FOLDERS[4]:
        return f"Screenshot_{when:%Y%m%d-%H%M%S}_{_APPS[number % len(_APPS)]}.png"
    if camera is PIXEL:
        return f"PXL_{when:%Y%m%d_%H%M%S}{number % 1000:03d}.jpg"
    if camera is GALAXY:
        return f"{when:%Y%m%d_%H%M%S}.jpg"
    if camera is CANON:
        return f"IMG_{number:04d}.JPG"
    return f"IMG_{number:04d}.JPG"


def is_camera_roll(root: str | Path) -> bool:
    """`root` already holds the sample roll (every folder of it)."""
    return all((Path(root) / folder).is_dir() for folder in FOLDERS)


def make_camera_roll(root: str | Path) -> list[Path]:
    """Write the sample camera roll (`COUNT` photos) under `root`; returns
    the paths in the order written. The same call writes the same files."""
    root = Path(root)
    rng = random.Random(1984)
    icc = srgb_icc()
    numbers = {IPHONE: 4821, CANON: 457, PIXEL: 0, GALAXY: 0}
    paths: list[Path] = []
    for folder, shots, start, gap in _plan():
        (root / folder).mkdir(parents=True, exist_ok=True)
        when = start
        for shot in shots:
            when += timedelta(minutes=rng.randint(3, gap), seconds=rng.randint(0, 59))
            if not 8 <= when.hour < 22:  # people sleep: the next morning
                when = when.replace(hour=rng.randint(8, 10)) + timedelta(days=when.hour >= 22)
            w, h = shot.camera.size
            if shot.portrait:
                w, h = h, w
            if shot.folder == FOLDERS[4]:
                w, h = 540, 1170  # a phone screen, scaled down
            img = shot.scene(rng, w, h)
            numbers[shot.camera] += rng.randint(1, 4)
            path = root / folder / _name(shot.camera, folder, when, numbers[shot.camera])
            if shot.folder == FOLDERS[4]:
                img.save(path, "PNG", optimize=False, compress_level=1)
            else:
                # Phones store portraits sideways and say so (Orientation 6).
                orientation = 6 if shot.portrait else 1
                stored = img.transpose(Image.Transpose.ROTATE_90) if shot.portrait else img
                people = shot.people or ((OWNER,) if shot.camera is IPHONE else ())
                buf = io.BytesIO()
                stored.save(
                    buf,
                    "JPEG",
                    quality=85,
                    exif=_exif(shot.camera, shot.place, when, orientation),
                    xmp=_xmp(people, when) if people else b"",
                    icc_profile=icc,
                )
                path.write_bytes(buf.getvalue())
            stamp = when.timestamp()
            os.utime(path, (stamp, stamp))
            paths.append(path)
    return paths
