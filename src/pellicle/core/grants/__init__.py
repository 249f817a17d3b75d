"""The grant: apps see the export folder, and not the library.

`permissions` reads Flatpak's filesystem permissions as an app's layers
state them, and `exposure` says what they hold on this machine and what to
withdraw (both pure, no I/O of their own); `flatpak` talks to the real
`flatpak` command and reads what it keeps on disk; `service` is the facade
the CLI and the GUI call (listing, restrict, unrestrict, verify, with what
Pellicle changed kept in its own state); `proof` checks what an app really
sees from inside its sandbox; `sandbox` starts programs under bubblewrap
with the library hidden; `desktop` finds the installed applications that
open images.
"""
