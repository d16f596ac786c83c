"""Write, or check, the files a generator in tools/ makes.

Shared by every generator so that ``--check`` means the same everywhere: nothing is written, and
the exit code is 1 with the stale files named on stderr (tests/test_generated_files.py runs it).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path


def write_or_check(tool: str, outputs: Mapping[Path, bytes], *, check: bool) -> int:
    stale = []
    for path, data in outputs.items():
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(str(path))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data)} bytes)")
    if stale:
        files = ", ".join(stale)
        print(f"{tool}: out of date, run python tools/{tool}.py: {files}", file=sys.stderr)
        return 1
    return 0
