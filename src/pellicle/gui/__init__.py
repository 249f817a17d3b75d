"""Pellicle's desktop app (PySide6).

The GUI only edits rules and reads state; every engine call and every image
read runs on a worker thread (see `tasks`), so the window never stalls.
"""
