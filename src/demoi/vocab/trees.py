"""The two sides a standards diff compares: a folder, a file, or a git revision of a repository.

A side is read into memory as ``{relative path: Turtle bytes}``: a git revision through
``git archive`` (no checkout, so the working tree is never touched), a folder from disk.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import DataError, UsageError

#: The folders of a standards root that a release holds.
RELEASED_FOLDERS = ("ontologies", "shapes")
#: The name that means "the working tree of the repository" where a git revision is expected.
WORKTREE = "WORKTREE"


class UnknownRevision(UsageError):
    code = "unknown-revision"


@dataclass(frozen=True)
class Tree:
    """The Turtle files of one side, by path relative to the side's root."""

    label: str
    files: dict[str, bytes]
    #: The commit the files come from, when the side is a git revision.
    commit: str | None = None
    #: What goes before a relative path to name the file to the user (``HEAD~1:``, ``old/``).
    prefix: str = ""

    def where(self, relative: str) -> str:
        return self.prefix + relative


def git(repository: Path, *args: str) -> str:
    # A path git prints need not be UTF-8; surrogateescape keeps it, and clean() shows it.
    return git_bytes(repository, *args).decode("utf-8", "surrogateescape")


#: git runs commands a repository's own config names. These switch off the ones the commands
#: below would run: the fsmonitor hook of ``status`` and the gpg of a signed commit in ``log``.
#: Clean and smudge filters cannot be switched off by name (docs/releases.md says so), and the
#: system config is left alone: root wrote it, and it may hold safe.directory.
_SAFE_GIT = ("-c", "core.fsmonitor=false", "-c", "log.showSignature=false", "--no-pager")
#: ``status`` may rewrite the index to refresh it; a read-only look should not write.
_READ_ONLY = {"GIT_OPTIONAL_LOCKS": "0"}


def git_bytes(repository: Path, *args: str) -> bytes:
    """Run git in the repository; its output, or a UsageError quoting git's own complaint."""
    try:
        completed = subprocess.run(
            ["git", *_SAFE_GIT, "-C", str(repository), *args],
            capture_output=True,
            check=False,
            env={**os.environ, **_READ_ONLY},
        )
    except FileNotFoundError:
        raise UsageError("git is not installed / το git δεν είναι εγκατεστημένο") from None
    if completed.returncode != 0:
        complaint = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args)}: {complaint[-1] if complaint else 'failed'}")
    return completed.stdout


def commit_of(repository: Path, revision: str) -> str:
    """The full sha of a revision; a UsageError naming it when git does not know it."""
    if not _inside_work_tree(repository):
        raise UsageError(
            f"{revision!r} is not a file or a folder, and {repository} is not a git repository"
            f" to read it as a revision from / το {revision!r} δεν είναι αρχείο ή φάκελος, και το"
            f" {repository} δεν είναι αποθετήριο git"
        )
    try:
        sha = git(repository, "rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}")
    except UsageError:
        raise UnknownRevision(
            f"unknown git revision {revision!r} in {repository}"
            f" / άγνωστη αναθεώρηση git {revision!r} στο {repository}"
        ) from None
    return sha.strip()


def _inside_work_tree(repository: Path) -> bool:
    try:
        return git(repository, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except UsageError:
        return False


def revision_tree(repository: Path, revision: str) -> Tree:
    """The Turtle files of ontologies/ and shapes/ as they were at a revision."""
    commit = commit_of(repository, revision)
    listed = git(repository, "ls-tree", "-r", "-z", "--name-only", commit, "--", *RELEASED_FOLDERS)
    paths = [path for path in listed.split("\0") if path.endswith(".ttl")]
    files: dict[str, bytes] = {}
    if paths:
        archive = git_bytes(repository, "archive", "--format=tar", commit, "--", *paths)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                extracted = tar.extractfile(member) if member.isfile() else None
                if extracted is not None:
                    files[member.name] = extracted.read()
    return Tree(f"{revision} ({commit[:12]})", files, commit, f"{revision}:")


def folder_tree(folder: Path, label: str | None = None) -> Tree:
    """A standards root (holding ontologies/ or shapes/): those two folders; any other folder:
    all its Turtle files."""
    roots = [folder / name for name in RELEASED_FOLDERS if (folder / name).is_dir()] or [folder]
    files = {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for root in roots
        for path in sorted(root.rglob("*.ttl"))
        if path.is_file()
    }
    return Tree(label or str(folder), files, prefix=f"{folder}/")


def read_side(spec: str, repository: Path) -> Tree:
    """OLD or NEW as the user named it: an existing file or folder first, then ``WORKTREE`` (the
    repository's working tree), then a git revision of the repository."""
    path = Path(spec)
    if path.is_file():
        parent = "" if path.parent == Path() else f"{path.parent}/"
        return Tree(spec, {path.name: path.read_bytes()}, prefix=parent)
    if path.is_dir():
        return folder_tree(path, spec)
    if spec == WORKTREE:
        return folder_tree(repository, f"{WORKTREE} ({repository})")
    try:
        return revision_tree(repository, spec)
    except UnknownRevision:
        raise UnknownRevision(
            f"{spec!r} is not a file, a folder, {WORKTREE} or a git revision of {repository}"
            f" / το {spec!r} δεν είναι αρχείο, φάκελος, {WORKTREE} ή αναθεώρηση git"
        ) from None


def uncommitted(repository: Path) -> list[str]:
    """The paths under ontologies/ and shapes/ that differ from HEAD or are not tracked, and the
    ignored files a release would read (a ``.ttl`` or anything in ontologies/checks/): the
    release records HEAD, so it must hold nothing HEAD does not."""
    status = git(
        repository,
        *("status", "--porcelain", "-z", "--ignored", "--untracked-files=all"),
        *("--", *RELEASED_FOLDERS),
    )
    fields = iter(status.split("\0"))
    found = []
    for entry in fields:
        if not entry:
            continue
        code, path = entry[:2], entry[3:]
        if code[0] in "RC":
            next(fields, None)  # -z gives a rename's old path as the next field
        if code == "!!" and not _released(path):
            continue
        if not _LEFTOVER.fullmatch(path):
            found.append(path)
    return found


#: The temporary changelog of a release killed while writing it: not part of any release.
_LEFTOVER = re.compile(r"ontologies/\.CHANGELOG\.md-[^/]*\.partial")


def _released(path: str) -> bool:
    return path.endswith(".ttl") or path.startswith("ontologies/checks/")


def head(repository: Path) -> str:
    return commit_of(repository, "HEAD")


def last_commit_date(repository: Path, relative: str) -> str:
    """The day (YYYY-MM-DD) of the last commit that changed the file."""
    date = git(repository, "log", "-1", "--format=%cs", "--", relative).strip()
    if not date:
        raise DataError(f"{relative} has never been committed / το {relative} δεν έχει υποβληθεί")
    return date
