"""``demoi vocab diff``: every kind of change is classified as the cases in tests/cases/vocab-diff
say, the bump follows SemVer, and OLD/NEW may be folders, files or git revisions."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, git
from demoi.cli import cli
from demoi.vocab.versions import Level, Version, allowed_level

CASES = sorted((REPO / "tests" / "cases" / "vocab-diff").iterdir())


def diff(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["vocab", "diff", *map(str, args)])
    return result.exit_code, result.output


def side(case: Path, name: str) -> Path:
    return case / name if (case / name).is_dir() else case / f"{name}.ttl"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    code, output = diff(
        side(case, "old"), side(case, "new"), "--format", "json", "--previous", "1.0.0"
    )
    report = json.loads(output)
    found = [
        {"level": c["level"], "kind": c["kind"], "name": c["name"]}
        | ({"predicate": c["predicate_name"]} if c["predicate"] else {})
        for c in report["changes"]
    ]
    key = json.dumps
    assert sorted(found, key=key) == sorted(expected["changes"], key=key)
    assert report["bump"] == expected["bump"]
    assert code == (1 if expected["bump"] == "major" else 0)


@pytest.mark.parametrize(
    ("previous", "level", "following"),
    [
        ("1.4.2", Level.BREAKING, "2.0.0"),
        ("1.4.2", Level.MINOR, "1.5.0"),
        ("1.4.2", Level.PATCH, "1.4.3"),
        ("1.4.2", None, "1.4.2"),
        # While the major version is 0, breaking bumps the minor and the rest the patch.
        ("0.1.0", Level.BREAKING, "0.2.0"),
        ("0.1.3", Level.MINOR, "0.1.4"),
        ("0.1.3", Level.PATCH, "0.1.4"),
    ],
)
def test_bump_for_each_level(previous: str, level: Level | None, following: str) -> None:
    assert str(Version.parse(previous).bumped(level)) == following


@pytest.mark.parametrize(
    ("previous", "version", "level"),
    [
        ("0.3.2", "1.0.0", Level.BREAKING),  # the first 1.0.0, whatever changed
        ("0.3.2", "0.4.0", Level.BREAKING),
        ("0.3.2", "0.3.3", Level.MINOR),
        ("1.4.2", "2.0.0", Level.BREAKING),
        ("1.4.2", "1.7.0", Level.MINOR),
        ("1.4.2", "1.4.3", Level.PATCH),
        ("1.4.2", "2.1.0", None),  # the parts after the increased one start again at 0
        ("1.4.2", "1.5.1", None),
        ("1.4.2", "1.4.2", None),
        ("1.4.2", "1.3.9", None),
    ],
)
def test_the_largest_change_a_version_may_release(
    previous: str, version: str, level: Level | None
) -> None:
    assert allowed_level(Version.parse(previous), Version.parse(version)) is level


@pytest.mark.parametrize("case", ["shape-flags-added", "shape-flags-removed"])
def test_a_flags_change_says_it_cannot_be_compared(case: str) -> None:
    # Review finding 10: an added sh:flags was called tightened with no reason given.
    folder = REPO / "tests" / "cases" / "vocab-diff" / case
    code, output = diff(folder / "old.ttl", folder / "new.ttl", "--previous", "1.0.0")
    assert code == 1
    assert "(the new value cannot be compared with the old one, so it counts as" in output


def test_text_report_groups_breaking_first_with_old_and_new_and_file() -> None:
    case = REPO / "tests" / "cases" / "vocab-diff" / "term-deprecated-with-replacement"
    code, output = diff(case / "old", case / "new", "--previous", "0.3.1")
    assert code == 0
    assert output.splitlines() == [
        "Compatible additions (2):",
        "  Added: class `ex:Location` [ontologies/test.ttl]",
        "  Deprecated: class `ex:Place`, replaced by `ex:Location` [ontologies/test.ttl]",
        "Version bump: patch 0.3.1 → 0.3.2",
    ]
    case = REPO / "tests" / "cases" / "vocab-diff" / "shape-min-count-raised"
    code, output = diff(case / "old", case / "new", "--previous", "1.0.0")
    assert code == 1
    assert (
        "  Tightened: property shape `exsh:Thing-name`; sh:minCount `0` → `1` [shapes/test.ttl]"
        in output.splitlines()
    )
    assert output.splitlines()[-1] == "Version bump: major 1.0.0 → 2.0.0"


def test_greek_report() -> None:
    case = REPO / "tests" / "cases" / "vocab-diff" / "term-removed"
    code, output = diff(case / "old", case / "new", "--lang", "el", "--previous", "1.0.0")
    assert code == 1
    assert output.splitlines() == [
        "Ασύμβατες αλλαγές (1):",
        "  Αφαίρεση: κλάση `ex:Place` [ontologies/test.ttl]",
        "Αύξηση έκδοσης: major 1.0.0 → 2.0.0",
    ]


def test_changelog_entry_is_bilingual() -> None:
    case = REPO / "tests" / "cases" / "vocab-diff" / "concept-label-changed"
    code, output = diff(case / "old", case / "new", "--changelog", "--previous", "0.1.0")
    assert code == 0
    lines = output.splitlines()
    assert lines[0].startswith("## 0.1.1 — ")
    assert lines[1:] == [
        "",
        "### Ελληνικά",
        '- Αλλαγή: έννοια `ex:red`; skos:prefLabel `"κόκινο"@el` → `"κόκκινο"@el`'
        " (ontologies/codelists/colours.ttl)",
        "",
        "### English",
        # The English entry shows the English label, unchanged here: so both languages.
        '- Changed: concept `ex:red`; skos:prefLabel `"κόκινο"@el` → `"κόκκινο"@el`'
        " (ontologies/codelists/colours.ttl)",
    ]


def test_breaking_entry_is_marked_in_both_languages() -> None:
    case = REPO / "tests" / "cases" / "vocab-diff" / "shape-pattern-changed"
    code, output = diff(case / "old", case / "new", "--changelog", "--previous", "1.0.0")
    assert code == 1
    assert "- **Ασύμβατη αλλαγή** — Αυστηρότερος κανόνας: σχήμα ιδιότητας" in output
    assert "- **Breaking** — Tightened: property shape `exsh:Thing-name`; sh:pattern" in output
    assert "(the new value cannot be compared with the old one" in output


def test_real_standards_against_themselves_is_empty() -> None:
    code, output = diff(REPO, REPO, "--format", "json")
    assert code == 0, output
    report = json.loads(output)
    assert report["changes"] == []
    assert report["bump"] == "none"


def test_parse_error_names_file_and_line(tmp_path: Path) -> None:
    good = REPO / "tests" / "cases" / "vocab-diff" / "term-added" / "old"
    broken = tmp_path / "broken"
    shutil.copytree(good, broken)
    target = broken / "ontologies" / "test.ttl"
    target.write_text(target.read_text(encoding="utf-8") + "ex:Oops a .\n", encoding="utf-8")
    line = target.read_text(encoding="utf-8").count("\n")
    code, output = diff(good, broken)
    assert code == 2
    assert f"error: {broken}/ontologies/test.ttl, line {line}, column" in output
    assert "Traceback" not in output


def test_git_revisions(tmp_path: Path) -> None:
    case = REPO / "tests" / "cases" / "vocab-diff" / "shape-max-count-lowered"
    git(tmp_path, "init", "-q")
    shutil.copytree(case / "old", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "old")
    # Not copy2: a copied modification time would hide the same-size edit from git.
    shutil.copytree(case / "new", tmp_path, dirs_exist_ok=True, copy_function=shutil.copy)
    git(tmp_path, "commit", "-q", "-a", "-m", "new")
    code, output = diff("HEAD~1", "HEAD", "--repository", tmp_path, "--previous", "1.0.0")
    assert code == 1
    assert "sh:maxCount `3` → `1` [shapes/test.ttl]" in output
    # WORKTREE is the working tree: the same as HEAD here.
    code, output = diff("HEAD", "WORKTREE", "--repository", tmp_path, "--previous", "1.0.0")
    assert (code, output.splitlines()[0]) == (0, "No changes.")
    code, output = diff("HEAD~1", "no-such-tag", "--repository", tmp_path)
    assert code == 2
    assert "'no-such-tag' is not a file, a folder, WORKTREE or a git revision" in output


def test_control_and_bidi_characters_are_shown_escaped_and_stay_on_their_line(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    name = "a_<b>\n## x.ttl"  # git allows a newline in a path, and so does a folder
    (old / name).write_text('<http://ex/A> <http://ex/label> "a"@en .\n', encoding="utf-8")
    (new / name).write_text(
        '<http://ex/A> <http://ex/label> "\\u001b]0;pwned\\u0007\\u202egnp.exe\\u200b`x`\\n'
        '\\n## 9.9.9"@en .\n',
        encoding="utf-8",
    )
    code, output = diff(old, new, "--previous", "1.0.0")
    assert code == 0
    assert output.splitlines()[1] == (
        '  Changed: resource `<http://ex/A>`; \\<http://ex/label\\> `"a"@en` → '
        "`\"\\u001b]0;pwned\\u0007\\u202egnp.exe\\u200b'x' ## 9.9.9\"@en`"
        " [a\\_\\<b\\> \\#\\# x.ttl]"
    )


def dag(levels: int, width: int, end: str) -> str:
    """Blank nodes each pointing ``width`` times to the next: written out path by path, the
    last one would be written width**levels times."""
    lines = ["@prefix ex: <http://ex/> .", "ex:S ex:p _:b0 ."]
    for level in range(levels):
        pointers = " ; ".join(f"ex:q{k} _:b{level + 1}" for k in range(width))
        lines.append(f"_:b{level} {pointers} .")
    lines.append(f'_:b{levels} ex:end "{end}" .')
    return "\n".join(lines) + "\n"


def test_shared_blank_nodes_are_compared_in_linear_time(tmp_path: Path) -> None:
    # 11 levels of 5: each comparison text was written out 5**11 times (minutes, GBs).
    (tmp_path / "old.ttl").write_text(dag(11, 5, "x"), encoding="utf-8")
    (tmp_path / "new.ttl").write_text(dag(11, 5, "y"), encoding="utf-8")
    started = time.monotonic()
    code, output = diff(tmp_path / "old.ttl", tmp_path / "old.ttl", "--previous", "1.0.0")
    assert (code, output.splitlines()[0]) == (0, "No changes.")
    # A change at the bottom still shows: the long text is cut, but to a digest of the whole.
    code, output = diff(tmp_path / "old.ttl", tmp_path / "new.ttl", "--previous", "1.0.0")
    assert code == 0
    assert output.splitlines()[1].startswith("  Changed: resource `ex:S`; ex:p `[ ex:q0 [ ex:q0")
    assert time.monotonic() - started < 20


def test_blank_nodes_too_deep_to_compare_are_breaking(tmp_path: Path) -> None:
    # The 17-line file of the security review (over two minutes and 2 GB): deeper than the
    # comparison reads, so a change at its bottom cannot be described, and it counts as breaking.
    (tmp_path / "old.ttl").write_text(dag(14, 5, "x"), encoding="utf-8")
    (tmp_path / "new.ttl").write_text(dag(14, 5, "y"), encoding="utf-8")
    assert len(dag(14, 5, "x").splitlines()) == 17
    started = time.monotonic()
    code, output = diff(tmp_path / "old.ttl", tmp_path / "new.ttl", "--previous", "1.0.0")
    assert code == 1
    assert output.splitlines()[1].startswith("  Changed: resource `ex:S`; ex:p `[ ex:q0 [ ex:q0")
    assert "(blank nodes nested too deep or in a cycle are too complex to compare" in output
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    "turtle",
    [
        "dag",
        "@prefix ex: <http://ex/> .\nex:Thing ex:p _:a . _:a ex:q _:b . _:b ex:q _:a .\n",
    ],
    ids=["deep", "cycle"],
)
def test_an_unchanged_file_too_complex_to_read_is_no_change(tmp_path: Path, turtle: str) -> None:
    """Regression: structures past the cut-off got a random token per load, so a file compared
    with itself was a breaking change on every run."""
    text = dag(14, 5, "x") if turtle == "dag" else turtle
    (tmp_path / "old.ttl").write_text(text, encoding="utf-8")
    (tmp_path / "new.ttl").write_text(text, encoding="utf-8")
    code, output = diff(tmp_path / "old.ttl", tmp_path / "new.ttl", "--previous", "1.0.0")
    assert code == 0, output


def test_json_report_escapes_bidi_characters_and_keeps_the_values(tmp_path: Path) -> None:
    (tmp_path / "old.ttl").write_text('<http://ex/A> <http://ex/l> "a"@en .\n', encoding="utf-8")
    (tmp_path / "new.ttl").write_text(
        '<http://ex/A> <http://ex/l> "\\u202eκ\\u0085\\U000e0041"@en .\n', encoding="utf-8"
    )
    code, output = diff(tmp_path / "old.ttl", tmp_path / "new.ttl", "--format", "json")
    assert code == 0
    assert '"\\"\\u202eκ\\u0085\\udb40\\udc41\\"@en"' in output
    assert json.loads(output)["changes"][0]["new"] == ['"\u202eκ\u0085\U000e0041"@en']


def inline_dag(levels: int, width: int, max_count: int) -> str:
    """Inline property shapes, each level's ``width`` shapes all holding the next level's."""
    lines = [
        "@prefix ex: <http://ex/> .",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property _:b0_0 .",
    ]
    for level in range(levels):
        below = " , ".join(f"_:b{level + 1}_{k}" for k in range(width))
        lines += [f"_:b{level}_{k} sh:path ex:p{k} ; sh:property {below} ." for k in range(width)]
    lines += [f"_:b{levels}_{k} sh:path ex:p{k} ; sh:maxCount {max_count} ." for k in range(width)]
    return "\n".join(lines) + "\n"


def test_shared_inline_shapes_are_compared_in_linear_time(tmp_path: Path) -> None:
    # Inline shapes are compared parameter by parameter: once per pair, not once per path
    # (5**10 paths here).
    (tmp_path / "old.ttl").write_text(inline_dag(10, 5, 1), encoding="utf-8")
    (tmp_path / "new.ttl").write_text(inline_dag(10, 5, 2), encoding="utf-8")
    started = time.monotonic()
    code, output = diff(tmp_path / "old.ttl", tmp_path / "new.ttl", "--previous", "1.0.0")
    assert code == 0
    assert output.splitlines()[1].startswith("  Loosened: node shape `ex:S`; sh:property")
    assert time.monotonic() - started < 20
