"""Live Photos through the engine: the still's rule decides for its video.

A Live Photo is one photo for rules: the video follows the still's explicit
rule and sticky private, and is exported only when the person asked for
Live Photo videos. Each test tries to get a video out that must stay in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fs_helpers import exported_files
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from video_helpers import make_video


@pytest.fixture
def roll(engine: Engine, library: Path, tmp_path: Path) -> Path:
    """Roll/IMG_0001.JPG + IMG_0001.MOV (a Live Photo), a lone video, a photo."""
    roll = library / "Roll"
    roll.mkdir()
    write_photo(roll / "IMG_0001.JPG", "jpeg", seed=1)
    clip = make_video(tmp_path / "clip.mov", container="mov", plant=False, subtitles=False,
                      timecode=False)  # fmt: skip
    shutil.copyfile(clip, roll / "IMG_0001.MOV")
    other = make_video(tmp_path / "other.mov", container="mov", plant=False, subtitles=False,
                       timecode=False, size="32x24")  # fmt: skip
    shutil.copyfile(other, roll / "Clip.MOV")
    write_photo(roll / "IMG_0002.JPG", "jpeg", seed=2)
    return roll


def test_the_video_is_not_exported_by_default_but_explained(
    engine: Engine, roll: Path, export: Path
) -> None:
    engine.share([str(roll)])
    engine.sync()
    assert exported_files(export) == {"Roll/IMG_0001.JPG", "Roll/IMG_0002.JPG", "Roll/Clip.MOV"}
    why = engine.explain(str(roll / "IMG_0001.MOV"))
    assert why.decision is Decision.PRIVATE
    assert "video of the Live Photo Roll/IMG_0001.JPG" in why.reason
    assert "Include Live Photo videos" in why.reason


def test_with_live_videos_on_the_video_follows_its_still(
    engine: Engine, roll: Path, export: Path
) -> None:
    engine.set_options(live_photo_videos=True)
    engine.share([str(roll)])
    engine.sync()
    assert "Roll/IMG_0001.MOV" in exported_files(export)
    # The still's own rule decides for the pair, and the withdrawal is done
    # when the command returns (no sync in between).
    engine.private([str(roll / "IMG_0001.JPG")])
    assert "Roll/IMG_0001.MOV" not in exported_files(export)
    assert "Roll/IMG_0001.JPG" not in exported_files(export)
    why = engine.explain(str(roll / "IMG_0001.MOV"))
    assert why.decision is Decision.PRIVATE and "which is private" in why.reason
    # A shareable rule on the video alone does not beat its private still.
    engine.share([str(roll / "IMG_0001.MOV")])
    engine.sync()
    assert "Roll/IMG_0001.MOV" not in exported_files(export)
    engine.clear([str(roll / "IMG_0001.JPG")])
    engine.sync()
    assert "Roll/IMG_0001.MOV" in exported_files(export)


def test_a_private_rule_on_the_video_keeps_it_private(
    engine: Engine, roll: Path, export: Path
) -> None:
    engine.set_options(live_photo_videos=True)
    engine.share([str(roll)])
    engine.private([str(roll / "IMG_0001.MOV")])
    engine.sync()
    shown = exported_files(export)
    assert "Roll/IMG_0001.JPG" in shown and "Roll/IMG_0001.MOV" not in shown


def test_sticky_private_of_the_still_reaches_the_video(
    engine: Engine, roll: Path, library: Path, export: Path
) -> None:
    """The still is a copy of a photo marked private elsewhere: the pair stays in."""
    engine.set_options(live_photo_videos=True)
    (library / "Private").mkdir()
    shutil.copyfile(roll / "IMG_0001.JPG", library / "Private" / "me.jpg")
    engine.private([str(library / "Private" / "me.jpg")])
    engine.share([str(roll)])
    engine.sync()
    shown = exported_files(export)
    assert "Roll/IMG_0001.JPG" not in shown and "Roll/IMG_0001.MOV" not in shown
    assert "exact copy" in engine.explain(str(roll / "IMG_0001.MOV")).reason


def test_turning_live_videos_off_withdraws_them(engine: Engine, roll: Path, export: Path) -> None:
    engine.set_options(live_photo_videos=True)
    engine.share([str(roll)])
    engine.sync()
    assert "Roll/IMG_0001.MOV" in exported_files(export)
    engine.set_options(live_photo_videos=False)
    engine.sync(changed=[])  # a long-lived engine, as the app's
    assert "Roll/IMG_0001.MOV" not in exported_files(export)
    assert "Roll/Clip.MOV" in exported_files(export)


def test_a_renamed_still_undoes_the_pair(engine: Engine, roll: Path, export: Path) -> None:
    engine.share([str(roll)])
    engine.sync()
    (roll / "IMG_0001.JPG").rename(roll / "Beach.JPG")
    engine.sync(changed=[str(roll / "IMG_0001.JPG"), str(roll / "Beach.JPG")])
    # No longer a Live Photo: the video is a video like any other.
    assert "Roll/IMG_0001.MOV" in exported_files(export)
