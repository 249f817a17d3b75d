"""Pellicle: a photo library that is private by default.

The package splits into `core` (pure Python, no Qt), the command line in
`cli`, and the desktop app in `gui`.
"""

__version__ = "0.1.0"
