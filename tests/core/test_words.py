"""core.words: a Message is its English sentence to everything but a translator."""

from __future__ import annotations

import errno
import json
import os
import pickle
import sqlite3

import pytest

from pellicle.core.errors import UserError
from pellicle.core.words import _OS_ERRORS, Message, join, msg, os_error, plain


def test_a_message_is_its_english_sentence() -> None:
    text = msg("core.test", "{path} does not exist").format(path="a/b.jpg")
    assert text == "a/b.jpg does not exist"
    assert isinstance(text, str) and isinstance(text, Message)
    assert text.context == "core.test"
    assert text.template == "{path} does not exist"
    assert text.args == {"path": "a/b.jpg"}
    assert text.startswith("a/b.jpg")
    assert json.dumps({"reason": text}) == '{"reason": "a/b.jpg does not exist"}'


def test_a_message_survives_str_and_exceptions() -> None:
    text = msg("core.test", "give at least one path")
    assert isinstance(str(text), Message)
    assert isinstance(f"{text}", Message)
    assert isinstance(str(UserError(text)), Message)
    with pytest.raises(UserError) as info:
        raise UserError(text)
    assert str(info.value).template == "give at least one path"  # type: ignore[attr-defined]


def test_a_message_is_stored_and_pickled_as_english() -> None:
    text = msg("core.test", "cannot read: {error}").format(error="permission denied")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t(x TEXT)")
    db.execute("INSERT INTO t VALUES(?)", (text,))
    assert db.execute("SELECT x FROM t").fetchone()[0] == "cannot read: permission denied"
    back = pickle.loads(pickle.dumps(text))
    assert isinstance(back, Message) and back == text and back.args == text.args


def test_format_takes_keywords_only_like_str_format() -> None:
    template = msg("core.test", "{a} and {b}")
    with pytest.raises(TypeError):
        template.format("x")
    with pytest.raises(KeyError):
        template.format(a="1")
    assert template.format(a="1", b="2") == "1 and 2"


def test_join_and_plain_carry_their_parts() -> None:
    first = msg("core.test", "one")
    joined = join([first, "two"], "; ")
    assert joined == "one; two" and joined.context == ""
    assert joined.args["p0"] is first
    assert join([]) == ""
    assert plain("{not a field}") == "{not a field}"


def test_os_errors_read_as_the_c_library_says_them() -> None:
    # The words Pellicle shows for an OS error are the C library's own
    # (lower case), so nothing in English output changed when they became
    # translatable.
    for code, text in _OS_ERRORS.items():
        assert os.strerror(code).lower() == text, code
    assert os_error(PermissionError(errno.EACCES, "Permission denied")) == "permission denied"
    assert isinstance(os_error(PermissionError(errno.EACCES, "Permission denied")), Message)
    assert os_error(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "invalid cross-device link"
    )
