"""The bundle's entry point: exactly the `pellicle` console script.

PyInstaller needs a script file; pointing it at `src/pellicle/__main__.py`
would put `src/pellicle` itself on the frozen import path, letting
`pellicle.core` be imported a second time as a top-level `core`.
"""

from pellicle.cli import main

raise SystemExit(main())
