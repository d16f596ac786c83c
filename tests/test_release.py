"""``demoi vocab release``: a throwaway git repository holding a few of the real standards is
released, and every refusal leaves the repository and the output folder as they were."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from conftest import REPO, git
from demoi.cli import cli

OWL = "http://www.w3.org/2002/07/owl#"
MODIFIED = ox.NamedNode("http://purl.org/dc/terms/modified")
COPIED = (
    "ontologies/finance.ttl",
    "ontologies/codelists/functional-areas.ttl",
    "ontologies/codelists/data-themes.ttl",
    "shapes/finance.ttl",
    "shapes/finance-recommended.ttl",
)
HEADER = "# Changelog\n\nIntro.\n\n"
NEW_CLASS = (
    "\n<https://w3id.org/demoi/def/finance#Grant> a <http://www.w3.org/2002/07/owl#Class> ;\n"
    '    <http://www.w3.org/2000/01/rdf-schema#label> "Επιχορήγηση"@el , "Grant"@en .\n'
)


def commit(repository: Path, message: str) -> str:
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", message)
    return git(repository, "rev-parse", "HEAD")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Released as 0.1.0 at its first commit; the changelog is committed after it."""
    root = tmp_path / "repo"
    for relative in COPIED:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / relative, root / relative)
    shutil.copytree(REPO / "ontologies" / "checks", root / "ontologies" / "checks")
    git(root, "init", "-q")
    released = commit(root, "standards")
    (root / "ontologies" / "CHANGELOG.md").write_text(
        HEADER + f"## 0.1.0 — 2026-01-02\n<!-- released from git revision {released} -->\n\n"
        "### Ελληνικά\n- Πρώτη.\n\n### English\n- First.\n",
        encoding="utf-8",
    )
    commit(root, "changelog")
    return root


def edit(repository: Path, relative: str, old: str, new: str) -> None:
    path = repository / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def release(repository: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(
        cli, ["vocab", "release", *map(str, args), "--repository", str(repository)]
    )


def objects(path: Path, subject: str, predicate: str | ox.NamedNode) -> list[str]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    node = predicate if isinstance(predicate, ox.NamedNode) else ox.NamedNode(OWL + predicate)
    return [q.object.value for q in store.quads_for_pattern(ox.NamedNode(subject), node, None)]


def test_release_writes_version_metadata_and_the_changelog(repository: Path) -> None:
    (repository / "ontologies" / "finance.ttl").write_text(
        (REPO / "ontologies" / "finance.ttl").read_text(encoding="utf-8") + NEW_CLASS,
        encoding="utf-8",
    )
    head = commit(repository, "a new class")
    result = release(repository, "0.1.1")  # an addition while the major version is 0: patch
    assert result.exit_code == 0, result.output
    out = repository / "dist" / "standards" / "0.1.1"
    assert f"files released as 0.1.1 in {out}" in result.output
    finance = out / "ontologies" / "finance.ttl"
    vocabulary = "https://w3id.org/demoi/def/finance"
    assert objects(finance, vocabulary, "versionInfo") == ["0.1.1"]
    assert objects(finance, vocabulary, "versionIRI") == [vocabulary + "/0.1.1"]
    assert objects(finance, vocabulary, "priorVersion") == [vocabulary + "/0.1.0"]
    (modified,) = objects(finance, vocabulary, MODIFIED)
    assert modified == git(repository, "log", "-1", "--format=%cs")
    shapes = out / "shapes" / "finance-recommended.ttl"
    profile = "https://w3id.org/demoi/shapes/finance-recommended"
    assert objects(shapes, profile, "versionIRI") == [profile + "/0.1.1"]
    areas = out / "ontologies" / "codelists" / "functional-areas.ttl"
    scheme = "https://w3id.org/demoi/code/functional-area"
    assert objects(areas, scheme, "versionInfo") == ["0.1.1"]
    assert objects(areas, scheme, "versionIRI") == []
    # A scheme the EU owns gets no demoi version.
    themes = out / "ontologies" / "codelists" / "data-themes.ttl"
    eu_scheme = "http://publications.europa.eu/resource/authority/data-theme"
    assert objects(themes, eu_scheme, "versionInfo") == []
    # The released file is the source file plus the block: comments survive.
    source = (repository / "ontologies" / "finance.ttl").read_text(encoding="utf-8")
    assert finance.read_text(encoding="utf-8").startswith(source)
    assert (out / "ontologies" / "checks" / "version-by-hand-violation.rq").is_file()
    # The entry: newest first, today's date, HEAD's revision, both languages; copied too.
    changelog = (repository / "ontologies" / "CHANGELOG.md").read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    assert changelog.startswith(
        HEADER + f"## 0.1.1 — {today}\n<!-- released from git revision {head} -->\n\n"
        "### Ελληνικά\n- Προσθήκη: κλάση `fin:Grant` (ontologies/finance.ttl)\n\n"
        "### English\n- Added: class `fin:Grant` (ontologies/finance.ttl)\n\n## 0.1.0 — "
    )
    assert (out / "ontologies" / "CHANGELOG.md").read_text(encoding="utf-8") == changelog


def test_the_next_release_compares_with_the_recorded_revision(repository: Path) -> None:
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    assert release(repository, "0.1.1").exit_code == 0
    commit(repository, "changelog of 0.1.1")
    # A raised sh:minCount breaks: while the major version is 0, the minor goes up.
    edit(repository, "shapes/finance.ttl", "sh:minCount 1 ;", "sh:minCount 2 ;")
    commit(repository, "stricter")
    result = release(repository, "0.2.0")
    assert result.exit_code == 0, result.output
    finance = repository / "dist" / "standards" / "0.2.0" / "shapes" / "finance.ttl"
    profile = "https://w3id.org/demoi/shapes/finance"
    assert objects(finance, profile, "priorVersion") == [profile + "/0.1.1"]
    changelog = (repository / "ontologies" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert [line[3:9] for line in changelog.splitlines() if line.startswith("## ")] == [
        "0.2.0 ",
        "0.1.1 ",
        "0.1.0 ",
    ]
    assert (
        "- **Breaking** — Tightened: property shape `finsh:BudgetLine-dataSet-count`" in changelog
    )


@pytest.mark.parametrize("version", ["1.0.0", "0.2.0"])
def test_a_larger_bump_than_the_changes_call_for_is_released(
    repository: Path, version: str
) -> None:
    # Review finding 1: only 0.1.1 was accepted, so 1.0.0 could never be released.
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    result = release(repository, version)
    assert result.exit_code == 0, result.output
    bump = "major" if version == "1.0.0" else "minor"
    assert f"files released as {version} in " in result.output
    assert f"({bump} after 0.1.0)" in result.output


def test_a_version_that_does_not_reset_the_lower_parts_is_refused(repository: Path) -> None:
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    result = release(repository, "0.2.1")
    assert result.exit_code == 1
    assert "0.2.1 does not follow 0.1.0" in result.output
    unchanged(repository)


GRANTS = (
    "<https://w3id.org/demoi/def/grants> a <http://www.w3.org/2002/07/owl#Ontology> ;\n"
    '    <http://purl.org/dc/terms/title> "Επιχορηγήσεις"@el , "Grants"@en .\n'
)


def test_a_vocabulary_new_in_the_release_has_no_prior_version(repository: Path) -> None:
    # Review finding 16: every ontology pointed at <IRI/previous>, which never existed for a
    # new one.
    (repository / "ontologies" / "grants.ttl").write_text(GRANTS, encoding="utf-8")
    commit(repository, "a new vocabulary")
    result = release(repository, "0.1.1")
    assert result.exit_code == 0, result.output
    out = repository / "dist" / "standards" / "0.1.1" / "ontologies"
    grants = "https://w3id.org/demoi/def/grants"
    assert objects(out / "grants.ttl", grants, "versionInfo") == ["0.1.1"]
    assert objects(out / "grants.ttl", grants, "priorVersion") == []
    finance = "https://w3id.org/demoi/def/finance"
    assert objects(out / "finance.ttl", finance, "priorVersion") == [finance + "/0.1.0"]


def test_diff_of_files_outside_the_repository_takes_no_version_from_its_changelog(
    repository: Path, tmp_path: Path
) -> None:
    # Review finding 15: two unrelated files were numbered from the repository's CHANGELOG.
    old, new = tmp_path / "old.ttl", tmp_path / "new.ttl"
    old.write_text("<http://ex/A> <http://ex/p> 1 .\n", encoding="utf-8")
    new.write_text("<http://ex/A> <http://ex/p> 2 .\n", encoding="utf-8")

    def diff(*args: str | Path) -> dict[str, object]:
        result = CliRunner().invoke(
            cli,
            ["vocab", "diff", *map(str, args), "--format", "json", "--repository", str(repository)],
        )
        found: dict[str, object] = json.loads(result.output)
        return found

    report = diff(old, new)
    assert (report["previous"], report["next"], report["bump"]) == (None, None, "minor")
    # A git revision of the repository is numbered from the CHANGELOG entry of its commit.
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    report = diff("HEAD~2", "HEAD")
    assert (report["previous"], report["next"]) == ("0.1.0", "0.1.1")


def unchanged(repository: Path) -> None:
    assert not (repository / "dist").exists()
    assert git(repository, "status", "--porcelain", "--", "ontologies/CHANGELOG.md") == ""


def test_a_mismatched_version_is_refused_and_nothing_is_written(repository: Path) -> None:
    edit(repository, "ontologies/finance.ttl", "\nfin:RevenueLine\n", "\nfin:IncomeLine\n")
    commit(repository, "a class renamed")
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert (
        "the changes since 0.1.0 call for version 0.2.0 (minor) or a larger bump, not 0.1.1"
        in result.output
    )
    assert "breaking changes / ασύμβατες αλλαγές (1):" in result.output
    assert "  Renamed: class `fin:RevenueLine` → `fin:IncomeLine`" in result.output
    assert "    Μετονομασία: κλάση `fin:RevenueLine` → `fin:IncomeLine`" in result.output
    assert "Traceback" not in result.output
    unchanged(repository)


@pytest.mark.parametrize(
    ("version", "code", "message"),
    [
        ("v1", 2, "'v1' is not a version MAJOR.MINOR.PATCH"),
        ("0.1.0", 1, "0.1.0 is not greater than the previous release 0.1.0"),
        ("0.0.9", 1, "0.0.9 is not greater than the previous release 0.1.0"),
    ],
)
def test_bad_versions_are_refused(repository: Path, version: str, code: int, message: str) -> None:
    result = release(repository, version)
    assert (result.exit_code, message in result.output) == (code, True), result.output
    unchanged(repository)


def test_nothing_to_release_is_refused(repository: Path) -> None:
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert "nothing changed in ontologies/ or shapes/ since 0.1.0" in result.output
    unchanged(repository)


def test_uncommitted_standards_are_refused(repository: Path) -> None:
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert "uncommitted changes" in result.output
    assert "ontologies/finance.ttl" in result.output
    assert not (repository / "dist").exists()


def test_an_output_folder_in_use_is_refused(repository: Path, tmp_path: Path) -> None:
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = release(repository, "0.1.1", "--out", out)
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    unchanged(repository)


def test_a_broken_file_is_named_with_its_line(repository: Path) -> None:
    path = repository / "shapes" / "finance.ttl"
    path.write_text(path.read_text(encoding="utf-8") + "finsh:Oops a .\n", encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n")
    commit(repository, "broken")
    result = release(repository, "0.1.1")
    assert result.exit_code == 2
    assert re.search(rf"error: \S*shapes/finance.ttl, line {line}, column \d+: ", result.output)
    unchanged(repository)


FORGED = (
    "    owl:deprecated true ;\n"
    '    dcterms:isReplacedBy """see X\n\n## 9.9.9 — 2030-01-01\n'
    f"<!-- released from git revision {'0' * 40} -->\n\n### English\n"
    '- <script>alert(1)</script> [click](javascript:alert(1)) \\u202Eevil\x1b]0;x\x07""" ;\n'
)


def test_a_replacement_literal_cannot_forge_a_changelog_entry(repository: Path) -> None:
    from demoi.vocab.changelog import releases
    from demoi.vocab.docs_changelog import parse_changelog

    declared = "\nfin:BudgetLine\n    a owl:Class ;\n"
    edit(repository, "ontologies/finance.ttl", declared, declared + FORGED)
    commit(repository, "deprecated with a forged replacement")
    result = release(repository, "0.1.1")
    assert result.exit_code == 0, result.output
    changelog = repository / "ontologies" / "CHANGELOG.md"
    assert [str(r.version) for r in releases(changelog)] == ["0.1.1", "0.1.0"]
    site = parse_changelog(changelog.read_text(encoding="utf-8"))
    assert [r.version for r in site.releases] == ["0.1.1", "0.1.0"]
    text = changelog.read_text(encoding="utf-8")
    (bullet,) = [line for line in text.splitlines() if line.startswith("- Deprecated:")]
    assert bullet.startswith(
        '- Deprecated: class `fin:BudgetLine`, replaced by `"see X ## 9.9.9 — 2030-01-01 <!- -'
    )
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert text.count("<!--") == 2  # the two revision lines, nothing else


@pytest.mark.parametrize(
    "version",
    ["9" * 5000 + ".0.0", "0.1.1\n", "1\u0663.0.0", "0.1.1234567890"],
    ids=["huge", "newline", "arabic-digit", "ten-digits"],
)
def test_versions_that_crashed_or_passed_are_refused(repository: Path, version: str) -> None:
    result = release(repository, version)
    assert result.exit_code == 2, result.output
    assert "is not a version MAJOR.MINOR.PATCH" in result.output
    assert len(result.output) < 500
    unchanged(repository)


def test_a_hand_written_heading_is_skipped_by_diff_and_refused_by_release(
    repository: Path,
) -> None:
    changelog = repository / "ontologies" / "CHANGELOG.md"
    bad = f"## 01.0.0 — 2030-01-01\n<!-- released from git revision {'0' * 40} -->\n\n"
    changelog.write_text(
        changelog.read_text(encoding="utf-8").replace(HEADER, HEADER + bad), encoding="utf-8"
    )
    commit(repository, "a heading by hand")
    result = CliRunner().invoke(
        cli, ["vocab", "diff", "HEAD~1", "HEAD", "--repository", str(repository)]
    )
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        0,
        "Version bump: none 0.1.0 → 0.1.0",
    )
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert f"error: {changelog}, line 5: '01.0.0' is not a version" in result.output


def test_a_changelog_that_is_not_utf8_is_a_located_error(repository: Path) -> None:
    changelog = repository / "ontologies" / "CHANGELOG.md"
    changelog.write_bytes(changelog.read_bytes() + "Αλλαγή\n".encode("cp1253"))
    commit(repository, "windows-1253")
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert f"error: {changelog}: cannot read the changelog: not UTF-8 at byte" in result.output


def labelled(repository: Path) -> None:
    edit(repository, "ontologies/finance.ttl", '"Budget line"@en', '"Line of the budget"@en')
    commit(repository, "a label")


@pytest.mark.parametrize("inside", ["ontologies/rel", "shapes/x/y", "link/rel"])
def test_out_inside_the_released_folders_is_refused(repository: Path, inside: str) -> None:
    labelled(repository)
    (repository / "link").symlink_to(repository / "ontologies")
    result = release(repository, "0.1.1", "--out", repository / inside)
    assert result.exit_code == 2
    assert "is inside" in result.output and "of the repository" in result.output
    assert not (repository / "ontologies" / "rel").exists()
    assert not (repository / "shapes" / "x").exists()
    unchanged(repository)


@pytest.mark.parametrize("target", ["empty", "nowhere"])
def test_out_that_is_a_symlink_is_refused(repository: Path, tmp_path: Path, target: str) -> None:
    labelled(repository)
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / target)
    result = release(repository, "0.1.1", "--out", tmp_path / "link")
    assert result.exit_code == 2
    assert f"--out {tmp_path / 'link'} is a symbolic link" in result.output
    assert list((tmp_path / "empty").iterdir()) == []
    assert not (tmp_path / "nowhere").exists()
    unchanged(repository)


def test_ignored_standards_files_are_refused(repository: Path) -> None:
    (repository / "ontologies" / ".gitignore").write_text("build/\n*.swp\n", encoding="utf-8")
    labelled(repository)
    (repository / "ontologies" / "build").mkdir()
    (repository / "ontologies" / "build" / "extra.ttl").write_text("", encoding="utf-8")
    (repository / "ontologies" / ".finance.ttl.swp").write_text("", encoding="utf-8")
    result = release(repository, "0.1.1")
    assert result.exit_code == 1
    assert "uncommitted changes" in result.output
    assert "ontologies/build/extra.ttl" in result.output
    assert ".swp" not in result.output  # ignored and not released: no reason to refuse
    unchanged(repository)


def test_git_does_not_run_the_repository_fsmonitor(repository: Path, tmp_path: Path) -> None:
    ran = tmp_path / "fsmonitor-ran"
    git(repository, "config", "core.fsmonitor", f"touch {ran}; false")
    result = release(repository, "0.1.1")
    assert result.exit_code == 1  # nothing changed
    assert not ran.exists()


def test_a_changelog_that_cannot_be_replaced_leaves_no_release(repository: Path) -> None:
    from demoi.errors import UsageError
    from demoi.vocab.release import plan, write

    labelled(repository)
    checked = plan(repository, "0.1.1", None, "2026-02-03")
    # The changelog turns into a folder: replacing it fails after the release folder is renamed.
    changelog = repository / "ontologies" / "CHANGELOG.md"
    changelog.unlink()
    changelog.mkdir()
    (changelog / "keep").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot write"):
        write(checked)
    assert not (repository / "dist").exists()
    assert [p.name for p in (repository / "ontologies").iterdir() if p.name.startswith(".")] == []


def test_a_changelog_left_half_written_does_not_block_the_next_release(repository: Path) -> None:
    labelled(repository)
    (repository / "ontologies" / ".CHANGELOG.md-x1y2.partial").write_text("## 0.1", "utf-8")
    result = release(repository, "0.1.1")
    assert result.exit_code == 0, result.output
