"""Errors that reach a person as one clear line.

Core raises `UserError` (and subclasses) for anything the person can fix:
bad paths, overlapping folders, a busy database. The CLI prints `str(e)` and
exits 2; the GUI shows it in a message. Nothing else should escape to a user.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the person's input or setup; the message is one line."""


class NotInitialised(UserError):
    """Pellicle has no library yet."""


class Busy(UserError):
    """Another Pellicle process held the export lock or the database too long."""
