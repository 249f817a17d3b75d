"""Allow `python -m pellicle` to behave exactly like the `pellicle` command."""

from pellicle.cli import main

raise SystemExit(main())
