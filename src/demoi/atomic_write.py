"""Writing a file whole or not at all, for every command that writes one the user named."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from demoi.errors import UsageError


def replace_file(out: Path, content: bytes) -> None:
    """Write ``content`` to ``out`` through a temporary file beside it, renamed over it: a crash
    or a full disk midway leaves the old file (or none), never half of the new one. The rename
    replaces a symlink at ``out`` rather than writing through it to its target."""
    try:
        handle, partial = tempfile.mkstemp(
            dir=out.parent, prefix=f".{out.name}-", suffix=".partial"
        )
    except OSError as error:
        raise UsageError(f"{out}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as written:
            written.write(content)
        # mkstemp makes the file 0600; the file gets the mode a new file would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, out)
    except OSError as error:
        Path(partial).unlink(missing_ok=True)
        raise UsageError(f"{out}: cannot write: {error.strerror}") from None
