"""The grant: apps see the export folder, and not the library.

`permissions` models Flatpak's filesystem permissions (pure, no I/O of its
own); `flatpak` talks to the real `flatpak` command and reads what it keeps
on disk; `service` is the facade the CLI and the GUI call (listing, restrict,
unrestrict, verify, with what Pellicle changed kept in its own state);
`sandbox` starts programs under bubblewrap with the library hidden;
`desktop` finds the installed applications that open images.
"""
