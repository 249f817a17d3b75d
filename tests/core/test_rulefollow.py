"""Rule tracking, tested directly: where each rule's object is after a scan.

`follow` is pure: these tests hand it rules, indexes before and after a
scan and a fake hasher, and read the `RuleMove` records it returns.
"""

from __future__ import annotations

from pellicle.core.plan import Key
from pellicle.core.policy import Target
from pellicle.core.rulefollow import Hasher, RuleMove, Scanned, StoredRule, follow
from pellicle.core.scan import FileFacts, FolderFacts

R = 1


def facts(rel: bytes, ino: int, size: int = 100, mtime: int = 5) -> FileFacts:
    return FileFacts(rel, "file", size, mtime, 9, ino, "jpeg")


def file_rule(rel: bytes, ino: int, fp: str | None = "A", *, size: int = 100,
              missing: bool = False, rid: int = 7) -> StoredRule:  # fmt: skip
    return StoredRule(rid, R, rel, Target.FILE, size, 5, fp, 9, ino, missing)


def folder_rule(rel: bytes, ino: int, *, missing: bool = False) -> StoredRule:
    return StoredRule(8, R, rel, Target.FOLDER, None, None, None, 9, ino, missing)


def scanned(
    after: list[FileFacts],
    before: list[FileFacts] | None = None,
    folders: list[FolderFacts] | None = None,
    *,
    online: bool = True,
) -> Scanned:
    old = {f.rel: f for f in (before if before is not None else after)}
    new = {f.rel: f for f in after}
    changed = [rel for rel, f in new.items() if old.get(rel) != f]
    return Scanned(
        {R: new},
        {R: {f.rel: f for f in folders or []}},
        {R} if online else set(),
        {R: changed},
        {R: old},
    )


def hasher(contents: dict[bytes, str | None]) -> tuple[list[Key], Hasher]:
    asked: list[Key] = []

    def hash_(key: Key) -> str | None:
        asked.append(key)
        return contents.get(key[1])

    return asked, hash_


def test_a_rule_whose_photo_is_in_place_and_unchanged_does_not_move() -> None:
    asked, hash_ = hasher({})
    assert follow([file_rule(b"a.jpg", 1)], scanned([facts(b"a.jpg", 1)]), hash_) == []
    assert asked == [], "an unchanged photo is not read"


def test_an_edited_photo_teaches_its_rule_the_new_content() -> None:
    _, hash_ = hasher({b"a.jpg": "B"})
    moves = follow([file_rule(b"a.jpg", 1)], scanned([facts(b"a.jpg", 1, size=120)]), hash_)
    assert moves == [RuleMove(7, R, b"a.jpg", False, 120, 5, "B", 9, 1)]


def test_an_edited_photo_that_cannot_be_read_forgets_its_old_content() -> None:
    _, hash_ = hasher({b"a.jpg": None})
    moves = follow([file_rule(b"a.jpg", 1)], scanned([facts(b"a.jpg", 1, size=120)]), hash_)
    assert moves == [RuleMove(7, R, b"a.jpg", False, 120, 5, None, 9, 1)]


def test_a_rule_set_without_content_learns_it_once_readable() -> None:
    _, hash_ = hasher({b"a.jpg": "A"})
    moves = follow([file_rule(b"a.jpg", 1, fp=None)], scanned([facts(b"a.jpg", 1)]), hash_)
    assert moves == [RuleMove(7, R, b"a.jpg", False, 100, 5, "A", 9, 1)]
    _, unreadable = hasher({})
    assert (
        follow([file_rule(b"a.jpg", 1, fp=None)], scanned([facts(b"a.jpg", 1)]), unreadable) == []
    )


def test_a_renamed_photo_takes_its_rule_along() -> None:
    _, hash_ = hasher({})
    moves = follow(
        [file_rule(b"a.jpg", 1)],
        scanned([facts(b"b.jpg", 1)], before=[facts(b"a.jpg", 1)]),
        hash_,
    )
    assert moves == [RuleMove(7, R, b"b.jpg", False, 100, 5, "A", 9, 1)]


def test_a_renamed_and_touched_photo_is_confirmed_by_content() -> None:
    _, hash_ = hasher({b"b.jpg": "A"})
    rule = file_rule(b"a.jpg", 1)
    after = scanned([facts(b"b.jpg", 1, mtime=6)], before=[facts(b"a.jpg", 1)])
    assert follow([rule], after, hash_)[0].rel == b"b.jpg"
    _, other = hasher({b"b.jpg": "Z"})  # the inode was reused by another photo
    assert follow([rule], after, other) == [RuleMove(7, R, b"a.jpg", True, 100, 5, "A", 9, 1)]


def test_a_photo_replaced_in_place_keeps_the_rule_with_the_name() -> None:
    _, hash_ = hasher({b"a.jpg": "B"})
    moves = follow([file_rule(b"a.jpg", 1)], scanned([facts(b"a.jpg", 2)]), hash_)
    assert moves == [RuleMove(7, R, b"a.jpg", False, 100, 5, "B", 9, 2)]


def test_a_move_across_disks_is_found_by_content_among_new_files() -> None:
    _, hash_ = hasher({b"x/a.jpg": "A"})
    moves = follow(
        [file_rule(b"a.jpg", 1)],
        scanned([facts(b"x/a.jpg", 50)], before=[facts(b"a.jpg", 1)]),
        hash_,
    )
    assert moves == [RuleMove(7, R, b"x/a.jpg", False, 100, 5, "A", 9, 50)]


def test_an_old_copy_renamed_in_the_same_scan_does_not_take_the_rule() -> None:
    """Found by the engine's model test: the copy was never shared."""
    _, hash_ = hasher({b"renamed copy.jpg": "A"})
    moves = follow(
        [file_rule(b"a.jpg", 1)],
        scanned(
            [facts(b"renamed copy.jpg", 2)],
            before=[facts(b"a.jpg", 1), facts(b"copy.jpg", 2)],
        ),
        hash_,
    )
    assert moves == [RuleMove(7, R, b"a.jpg", True, 100, 5, "A", 9, 1)]


def test_a_missing_rule_never_attaches_to_a_later_copy() -> None:
    _, hash_ = hasher({b"new.jpg": "A"})
    rule = file_rule(b"a.jpg", 1, missing=True)
    assert follow([rule], scanned([facts(b"new.jpg", 3)], before=[]), hash_) == []


def test_a_rule_never_moves_onto_another_rules_photo() -> None:
    _, hash_ = hasher({b"b.jpg": "A"})
    rules = [file_rule(b"a.jpg", 1), file_rule(b"b.jpg", 2, rid=9)]
    moves = follow(rules, scanned([facts(b"b.jpg", 2)], before=[facts(b"a.jpg", 1)]), hash_)
    assert [m.rel for m in moves if m.rule_id == 7] == [b"a.jpg"]
    assert all(m.missing for m in moves if m.rule_id == 7)


def test_folder_rules_follow_their_folder_and_go_missing_without_it() -> None:
    _, hash_ = hasher({})
    renamed = scanned([], folders=[FolderFacts(b"Trips", 9, 40)])
    assert follow([folder_rule(b"Holidays", 40)], renamed, hash_) == [
        RuleMove(8, R, b"Trips", False, None, None, None, 9, 40)
    ]
    gone = scanned([], folders=[])
    assert follow([folder_rule(b"Holidays", 40)], gone, hash_) == [
        RuleMove(8, R, b"Holidays", True, None, None, None, 9, 40)
    ]
    back = scanned([], folders=[FolderFacts(b"Holidays", 9, 40)])
    assert follow([folder_rule(b"Holidays", 40, missing=True)], back, hash_) == [
        RuleMove(8, R, b"Holidays", False, None, None, None, 9, 40)
    ]


def test_rules_of_a_root_whose_drive_is_away_are_left_alone() -> None:
    _, hash_ = hasher({})
    away = scanned([], online=False)
    assert follow([file_rule(b"a.jpg", 1), folder_rule(b"F", 4)], away, hash_) == []
