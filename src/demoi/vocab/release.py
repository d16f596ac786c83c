"""Make a versioned release of the standards: check the version against the changes since the
previous release, write a copy of ontologies/ and shapes/ with the version metadata written in
(which the repository files never carry: docs/standards.md, "IRI policy"), and prepend the
release's entry to ontologies/CHANGELOG.md.

For each vocabulary ``https://w3id.org/demoi/def/<area>`` and profile
``https://w3id.org/demoi/shapes/<area>``: ``owl:versionInfo``, ``owl:versionIRI``
(``<IRI>/<version>``), ``owl:priorVersion`` (the previous release, unless the vocabulary or
profile is new in this one) and ``dcterms:modified``. For
each code list: ``owl:versionInfo`` and ``dcterms:modified`` (a code list gets no version IRI:
``<scheme>/<x>`` names its concepts). ``dcterms:modified`` is the date of the last commit that
changed the file, so two releases of the same commit are byte-identical.

The metadata is appended as a block at the end of each file, so the released file keeps the
comments and the order an editor wrote; re-serialising would lose both.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from demoi.atomic_write import replace_file
from demoi.errors import DataError, Location, UnreadableInput, UsageError
from demoi.vocab.changelog import CHANGELOG, Release, entry, latest, prepended, releases
from demoi.vocab.changes import file_list
from demoi.vocab.diff import Diff, compare
from demoi.vocab.snapshot import OWL, RDF_TYPE, SKOS
from demoi.vocab.trees import (
    RELEASED_FOLDERS,
    Tree,
    folder_tree,
    head,
    last_commit_date,
    revision_tree,
    uncommitted,
)
from demoi.vocab.versions import Level, Version, allowed_level

_OWN = "https://w3id.org/demoi/"
_SHOWN_BREAKING = 20


@dataclass(frozen=True)
class Plan:
    """A release that passed every check: nothing is written until all of them have."""

    repository: Path
    version: Version
    previous: Release
    diff: Diff
    revision: str
    date: str
    out: Path
    #: The changelog as plan() read it, so that write() does not read it again.
    current_changelog: str

    @property
    def entry(self) -> str:
        return entry(self.diff, self.version, self.date, self.revision)

    @property
    def changelog(self) -> str:
        return prepended(self.current_changelog, self.entry)


def previous_release(repository: Path, old: Tree) -> Version | None:
    """The version OLD was released as, when OLD is a git revision of the repository: the
    changelog entry of its commit, else the newest entry. None for a file or a folder (the
    repository's changelog says nothing about them) or without a readable changelog."""
    path = repository / CHANGELOG
    if old.commit is None or not path.is_file():
        return None
    try:
        found = releases(path)
    except DataError as error:  # diff's exit 1 means "breaking changes": an unreadable file is 2
        raise UnreadableInput(error.message, location=error.location) from None
    for release in found:
        if release.revision == old.commit:
            return release.version
    return found[0].version if found else None


def plan(repository: Path, version_text: str, out: Path | None, today: str) -> Plan:
    """Check everything a release needs; raise (UsageError: exit 2, DataError: exit 1) else."""
    version = Version.parse(version_text)
    out = out or repository / "dist" / "standards" / str(version)
    _check_out(repository, out)
    previous = latest(repository / CHANGELOG)
    if version <= previous.version:
        raise DataError(
            f"{version} is not greater than the previous release {previous.version}"
            f" / η {version} δεν είναι μεγαλύτερη από την προηγούμενη έκδοση {previous.version}"
        )
    dirty = uncommitted(repository)
    if dirty:
        raise DataError(
            "ontologies/ or shapes/ have uncommitted changes; commit them first, so that the"
            " recorded revision holds what is released / υπάρχουν αλλαγές χωρίς commit: "
            + file_list(dirty[:10])
            + (" …" if len(dirty) > 10 else "")
        )
    diff = compare(revision_tree(repository, previous.revision), folder_tree(repository))
    _check_version(diff, previous, version)
    current = (repository / CHANGELOG).read_text(encoding="utf-8")  # latest() read it
    return Plan(repository, version, previous, diff, head(repository), today, out, current)


def _check_out(repository: Path, out: Path) -> None:
    """--out must be a new or empty real folder outside the released folders: a release inside
    ontologies/ would be read as part of the standards by the next lint, diff and release."""
    if out.is_symlink():
        raise UsageError(
            f"--out {out} is a symbolic link; give the folder itself"
            f" / το --out {out} είναι συμβολικός σύνδεσμος· δώστε τον ίδιο τον φάκελο"
        )
    real = out.resolve()
    for folder in RELEASED_FOLDERS:
        source = (repository / folder).resolve()
        if real == source or source in real.parents:
            raise UsageError(
                f"--out {out} is inside {folder}/ of the repository, which the release copies;"
                f" choose a folder outside ontologies/ and shapes/ / το --out {out} είναι μέσα"
                f" στον φάκελο {folder}/ που εκδίδεται· επιλέξτε φάκελο έξω από αυτόν"
            )
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(
            f"{out} already exists and is not an empty folder; choose another --out, or delete"
            f" it if an interrupted release left it / το {out} υπάρχει ήδη· επιλέξτε άλλο --out"
            " ή διαγράψτε το, αν το άφησε μια έκδοση που διακόπηκε"
        )


def _check_version(diff: Diff, previous: Release, version: Version) -> None:
    """Refuse a version whose bump is smaller than the changes call for, or that is not a
    successor of the previous one; a larger bump is the editors' choice (versions.py)."""
    if not diff.changes:
        raise DataError(
            f"nothing changed in ontologies/ or shapes/ since {previous.version}; there is"
            f" nothing to release / καμία αλλαγή από την έκδοση {previous.version}"
        )
    allowed = allowed_level(previous.version, version)
    if allowed is None:
        raise DataError(
            f"{version} does not follow {previous.version}: the parts after the one a release"
            f" increases start again at 0 (e.g. {previous.version.bumped(Level.BREAKING)})"
            f" / η {version} δεν ακολουθεί την {previous.version}: τα μέρη μετά από αυτό που"
            f" αυξάνεται ξεκινούν από 0"
        )
    if diff.level is None or allowed >= diff.level:
        return
    expected = previous.version.bumped(diff.level)
    bump = diff.bump(previous.version)
    lines = [
        f"the changes since {previous.version} call for version {expected} ({bump}) or a larger"
        f" bump, not {version} / οι αλλαγές από την {previous.version} ζητούν την έκδοση"
        f" {expected} ή μεγαλύτερη αύξηση, όχι την {version}"
    ]
    breaking = diff.breaking
    if breaking:
        lines.append(f"breaking changes / ασύμβατες αλλαγές ({len(breaking)}):")
        for change in breaking[:_SHOWN_BREAKING]:
            lines += [f"  {change.text('en')}", f"    {change.text('el')}"]
        if len(breaking) > _SHOWN_BREAKING:
            lines.append(f"  … (demoi vocab diff {previous.revision[:12]} WORKTREE)")
    raise DataError("\n".join(lines))


def write(plan: Plan) -> list[Path]:
    """Stage the release beside --out, rename it into place, then replace the changelog.

    The folder goes first because the changelog entry is the record that the release exists,
    and names the revision the next release compares with: it must never name a release that
    was not written. Any failure, Ctrl-C included, removes what was written; only a kill
    between the two renames leaves the folder without its entry, and a rerun then asks to
    delete the folder (docs/releases.md)."""
    out, text = plan.out, plan.changelog
    created: list[Path] = []
    staging: Path | None = None
    try:
        created = _make_folders(out.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        written = _write_release(plan, staging)
        (staging / CHANGELOG).write_text(text, encoding="utf-8")
        _publish(staging, out, plan.repository / CHANGELOG, text)
    except BaseException as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for folder in created:
            _remove_if_empty(folder)
        if isinstance(error, OSError):
            raise UsageError(f"{out}: cannot write: {error.strerror or error}") from None
        raise
    return [out / path.relative_to(staging) for path in written]


def _publish(staging: Path, out: Path, changelog: Path, text: str) -> None:
    """Rename the staged folder to ``out`` and replace the changelog; on a failure of the
    second, put the folder back where it was staged."""
    emptied = out.is_dir()
    if emptied:
        out.rmdir()  # plan() checked that it is empty
    staging.rename(out)
    try:
        _replace(changelog, text)
    except BaseException:
        out.rename(staging)
        if emptied:
            out.mkdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Create a folder and its missing parents; the ones created, deepest first."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: something else was put there meanwhile


def _write_release(plan: Plan, staging: Path) -> list[Path]:
    written = []
    prior = str(plan.previous.version)
    # A vocabulary or profile new in this release has no prior version to point at.
    new = frozenset(c.subject for c in plan.diff.changes if c.kind == "ontology-added")
    for folder in RELEASED_FOLDERS:
        for path in sorted((plan.repository / folder).rglob("*.ttl")):
            relative = path.relative_to(plan.repository).as_posix()
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            source = path.read_text(encoding="utf-8")
            modified = last_commit_date(plan.repository, relative)
            block = release_block(source, relative, str(plan.version), prior, modified, new)
            target.write_text(source + block, encoding="utf-8")
            written.append(target)
    checks = plan.repository / "ontologies" / "checks"
    if checks.is_dir():
        shutil.copytree(checks, staging / "ontologies" / "checks", dirs_exist_ok=True)
    return written


def _replace(path: Path, text: str) -> None:
    """Write the whole file or nothing: a crash midway must not cut the changelog."""
    replace_file(path, text.encode("utf-8"))


def release_block(
    source: str,
    relative: str,
    version: str,
    prior: str,
    modified: str,
    new: frozenset[str] = frozenset(),
) -> str:
    """The metadata appended to one released file; ``new`` are the ontologies that did not
    exist in the ``prior`` release, which get no owl:priorVersion."""
    date = f'"{modified}"^^<http://www.w3.org/2001/XMLSchema#date>'
    lines = [f"\n# Release {version}: generated by `demoi vocab release`, not by hand.\n"]
    quads = _quads(source, relative)
    for ontology in _own_subjects(quads, OWL + "Ontology"):
        before = "" if ontology in new else f"    <{OWL}priorVersion> <{ontology}/{prior}> ;\n"
        lines.append(
            f'<{ontology}> <{OWL}versionInfo> "{version}" ;\n'
            f"    <{OWL}versionIRI> <{ontology}/{version}> ;\n"
            f"{before}"
            f"    <http://purl.org/dc/terms/modified> {date} .\n"
        )
    for scheme in _own_subjects(quads, SKOS + "ConceptScheme"):
        lines.append(
            f'<{scheme}> <{OWL}versionInfo> "{version}" ;\n'
            f"    <http://purl.org/dc/terms/modified> {date} .\n"
        )
    return "".join(lines)


def _quads(source: str, relative: str) -> list[ox.Quad]:
    try:
        return list(ox.parse(input=source.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    except SyntaxError as error:  # plan() read it already; kept for a direct call
        raise DataError(str(error), location=Location(relative, error.lineno)) from None


def _own_subjects(quads: list[ox.Quad], kind: str) -> list[str]:
    """demoi's own ontologies or schemes in the file: the EU schemes demoi reuses (data themes,
    licences...) are versioned by their owners, not by a demoi release."""
    return sorted(
        {
            quad.subject.value
            for quad in quads
            if quad.predicate.value == RDF_TYPE
            and quad.object == ox.NamedNode(kind)
            and isinstance(quad.subject, ox.NamedNode)
            and quad.subject.value.startswith(_OWN)
        }
    )
