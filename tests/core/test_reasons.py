"""Library failures become plain sentences; library warnings never reach a terminal."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import UnidentifiedImageError

from pellicle.core.imaging import ImageTooLarge
from pellicle.core.reasons import describe
from pellicle.core.warnings_policy import LibraryWarning
from scrub_helpers import is_plain

# The library messages seen on real damaged files (Pillow 11-13, pillow-heif 1.x, libheif 1.2x).
CASES = [
    (UnidentifiedImageError("cannot identify image file <_io.BufferedReader name=13>"), "heif",
     "not a readable HEIF file"),
    (UnidentifiedImageError("cannot identify image file <_io.BytesIO object at 0x7f45e8>"), "png",
     "not a readable PNG file"),
    (ValueError("Invalid input: No 'meta' box: Cannot read full meta box"), "heif",
     "not a readable HEIF file"),
    (ValueError("Invalid input: Unspecified: No meta box found"), "heif",
     "not a readable HEIF file"),
    (ValueError("Invalid input: Unexpected end of file: Extent in iloc box references data "
                "outside of file bounds (points to file position 2982)\n"), "heif",
     "truncated HEIF: the file ends before its image data does"),
    (OSError("image file is truncated (26 bytes not processed)"), "jpeg",
     "truncated JPEG: the file ends before its image data does"),
    (OSError("Truncated File Read"), "tiff",
     "truncated TIFF: the file ends before its image data does"),
    (SyntaxError("Failed to decode frame 0: Truncated data"), "avif",
     "truncated AVIF: the file ends before its image data does"),
    (EOFError(), "gif", "truncated GIF: the file ends before its image data does"),
    (OSError("broken data stream when reading image file"), "webp",
     "damaged WebP: its image data does not decode"),
    (OSError("could not create decoder object"), "webp",
     "damaged WebP: its image data does not decode"),
    (RuntimeError("Failed to decode image: Missing or empty image item"), "avif",
     "damaged AVIF: its image data does not decode"),
    (SyntaxError("Unsupported feature: Unsupported codec"), "heif",
     "HEIF uses a feature Pellicle cannot decode"),
    (LibraryWarning("Invalid APNG, will use default PNG image if possible"), "png",
     "damaged PNG: part of it is invalid"),
    (UserWarning("Invalid APNG, will use default PNG image if possible"), "png",
     "damaged PNG: part of it is invalid"),
    (MemoryError(), "tiff", "TIFF needs more memory to decode than is available"),
    (ImageTooLarge("image too large: 30000x20000 pixels"), "heif",
     "HEIF image too large: 30000x20000 pixels"),
    (OSError(errno.EACCES, "Permission denied"), "jpeg", "cannot read: permission denied"),
    (KeyError("x"), None, "damaged image: its image data does not decode"),
]  # fmt: skip


@pytest.mark.parametrize(("exc", "fmt", "reason"), CASES)
def test_library_failures_read_as_plain_sentences(
    exc: BaseException, fmt: str | None, reason: str
) -> None:
    got = describe(exc, fmt)
    assert got == reason
    assert is_plain(got), got


@given(
    st.sampled_from([ValueError, OSError, SyntaxError, RuntimeError, TypeError, IndexError]),
    st.text(max_size=200),
    st.sampled_from(["jpeg", "png", "webp", "gif", "tiff", "heif", "avif", None]),
)
def test_any_message_gives_a_plain_reason(
    kind: type[Exception], text: str, fmt: str | None
) -> None:
    # The library's words never reach the reason: only a fixed sentence does.
    assert is_plain(describe(kind(text), fmt))


POLICY = textwrap.dedent(
    """
    import logging, sys, threading, warnings
    from pellicle.core import warnings_policy as policy

    if sys.argv[1] == "install":
        policy.install()

    def pillow_warns(text="Invalid APNG, will use default PNG image if possible"):
        warnings.warn_explicit(
            text, UserWarning, "PngImagePlugin.py", 714, module="PIL.PngImagePlugin"
        )

    pillow_warns()
    warnings.warn("a warning of Pellicle's own", DeprecationWarning)
    logging.getLogger("PIL.TiffImagePlugin").error("More samples per pixel than can be decoded")
    raised = []
    def strict():
        for _ in range(2):  # the same warning twice: the second must not be skipped
            try:
                with policy.library_warnings_are_errors():
                    pillow_warns()
            except policy.LibraryWarning as exc:
                raised.append(str(exc))
    thread = threading.Thread(target=strict)
    thread.start()
    thread.join()
    pillow_warns()  # this thread is not strict: no exception
    print(len(raised), raised[0] if raised else "")
    """
)


def _policy(mode: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "default", "-c", POLICY, mode],
        env=dict(os.environ, PYTHONWARNINGS="default", **env),
        capture_output=True,
        text=True,
        check=True,
    )


def test_installed_policy_keeps_warnings_and_logs_off_the_terminal() -> None:
    shown = _policy("bare", PELLICLE_DEBUG="")
    # Without the policy, Python shows them: the baseline the policy changes.
    assert "Invalid APNG" in shown.stderr and "More samples" in shown.stderr
    quiet = _policy("install", PELLICLE_DEBUG="")
    assert quiet.stderr == ""
    assert quiet.stdout.split(maxsplit=1) == [
        "2",
        "Invalid APNG, will use default PNG image if possible\n",
    ]
    # For developers, PELLICLE_DEBUG shows all of it.
    debug = _policy("install", PELLICLE_DEBUG="1")
    assert "Invalid APNG" in debug.stderr and "More samples" in debug.stderr


def test_strict_section_raises_even_without_install() -> None:
    assert _policy("bare", PELLICLE_DEBUG="").stdout.startswith("2 Invalid APNG")
