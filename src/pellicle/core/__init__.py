"""Pellicle's engine: policy, state, scan, scrub, sync, watch.

Nothing in this package imports Qt; the GUI and the CLI are thin layers on
top of it (tests/core/test_no_qt.py enforces that).
"""
