"""What core says to people: English sentences that the edges translate.

Why it exists: core never imports Qt, yet what it says (why a photo is
private, why a file is not exported, what a person typed wrong) is read in
the app and on the command line in the person's language, while `--json`
output, the state database and the logs keep English, whatever the
language. So core builds each sentence as a `Message`: a `str` whose value
is the English sentence (so JSON, SQLite, comparisons and `startswith` see
exactly what they saw before) that also remembers its context, its
template and its arguments. The command line and the app translate a
Message at the moment they show it (`pellicle.i18n.say`); everything else
just uses the English string.

    raise UserError(msg("core.rules", "{path} does not exist").format(path=shown))

`msg(context, template)` marks the template for `pyside6-lupdate`, which
reads it as Qt's `translate(context, text)` (scripts/i18n passes that
alias); the context names the part of core that speaks ("core.policy").
Keyword arguments only: a translation may put them in another order.
An argument that is itself a Message is translated too; paths, names and
numbers are shown as they are.

Counts: core has no plural forms (lupdate can only see them in a `tr()`
call). Where a count appears, core uses two sentences, one for 1 and one
for the rest, or words the sentence so that the number stands apart
("photos: 3"). Everything else about wording lives at the edges.
"""

from __future__ import annotations

import errno as _errno
from collections.abc import Iterable, Mapping
from typing import Any, Final


class Message(str):
    """An English sentence that remembers how it was made (see the module)."""

    context: str
    template: str
    args: Mapping[str, object]

    def __new__(
        cls, context: str, template: str, args: Mapping[str, object] | None = None
    ) -> Message:
        value = template.format_map(args) if args else template
        self = super().__new__(cls, value)
        self.context = context
        self.template = template
        self.args = dict(args) if args else {}
        return self

    def __str__(self) -> str:
        # str(message), str(exc) and a lone f"{message}" keep the Message,
        # so an edge can still translate what passed through them.
        return self

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.template!r}, {self.args!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.template, dict(self.args)))

    def format(self, *args: object, **kwargs: object) -> Message:
        """The sentence with its arguments filled in (keywords only)."""
        if args:
            raise TypeError("Message.format takes keyword arguments only")
        return Message(self.context, self.template, {**self.args, **kwargs})


def msg(context: str, template: str) -> Message:
    """A sentence of core, for lupdate and for people (see the module)."""
    return Message(context, template)


def join(parts: Iterable[str], separator: str = "; ") -> Message:
    """Sentences one after the other: each translated, the separator kept."""
    items = list(parts)
    template = (
        separator.replace("{", "{{")
        .replace("}", "}}")
        .join("{" + f"p{i}" + "}" for i in range(len(items)))
    )
    return Message("", template, {f"p{i}": part for i, part in enumerate(items)})


def plain(text: str) -> Message:
    """Text that is not translated, but whose pieces may be (no context)."""
    return Message("", "{text}", {"text": text})


#: The OS errors a person meets with photo folders, said by Pellicle so the
#: words translate (strerror's own words depend on the C library's locale).
_OS_ERRORS: Final = {
    _errno.EACCES: msg("core.oserror", "permission denied"),
    _errno.EPERM: msg("core.oserror", "operation not permitted"),
    _errno.ENOENT: msg("core.oserror", "no such file or directory"),
    _errno.ENOTDIR: msg("core.oserror", "not a directory"),
    _errno.EISDIR: msg("core.oserror", "is a directory"),
    _errno.EIO: msg("core.oserror", "input/output error"),
    _errno.ENOSPC: msg("core.oserror", "no space left on device"),
    _errno.EROFS: msg("core.oserror", "read-only file system"),
    _errno.ELOOP: msg("core.oserror", "too many levels of symbolic links"),
    _errno.ENAMETOOLONG: msg("core.oserror", "file name too long"),
    _errno.EBUSY: msg("core.oserror", "device or resource busy"),
    _errno.ESTALE: msg("core.oserror", "stale file handle"),
    _errno.ENXIO: msg("core.oserror", "no such device or address"),
    _errno.ENODEV: msg("core.oserror", "no such device"),
    _errno.EDQUOT: msg("core.oserror", "disk quota exceeded"),
    _errno.ETIMEDOUT: msg("core.oserror", "connection timed out"),
}


def os_error(exc: OSError) -> str:
    """Why an OS call failed, in lower case ("permission denied").

    The same words as `exc.strerror.lower()` under the C locale, but a
    Message for the errors listed above, so they are translated too.
    """
    known = _OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        return known
    return (exc.strerror or str(exc)).lower()
