"""Privacy policies and their treatments (issue 7): each treatment as a pure function, with
property-based tests of what it promises (a pseudonym is stable, keyed, the same for an
identifier however written, and never itself an identifier; a generalised date keeps its year or
month; suppression leaves no count from 1 to k-1), then reading policy files and applying them to
a source's tables.

The valid identifiers used here are computed by this file's own implementation of each rule, not
by the module under test.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import hmac
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demoi.errors import ConfigError, DataError, UsageError
from demoi.lifting.tabular import Table
from demoi.privacy import treatments
from demoi.privacy.detect import Kind, find_identifiers
from demoi.privacy.policy import EMPTY_POLICY, Policy, read_policy
from demoi.privacy.treatments import (
    CellError,
    age_band,
    generalise_date,
    grid_cell,
    pseudonym,
    redact,
    suppress_count,
)

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases" / "privacy-policy"
SECRET = "a test key, not a real one"
PSEUDONYM = re.compile(r"^ps-[a-z]{16}$")

PROFILE = settings(
    deadline=None,
    derandomize=True,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)


# --- identifiers, written again for the tests ----------------------------------------------


def afm(first_eight: str) -> str:
    total = sum(int(digit) * 2 ** (8 - index) for index, digit in enumerate(first_eight))
    return first_eight + str(total % 11 % 10)


def grouped(value: str, size: int, separator: str = " ") -> str:
    return separator.join(value[index : index + size] for index in range(0, len(value), size))


valid_afms = (
    st.text(alphabet="0123456789", min_size=8, max_size=8)
    .map(afm)
    .filter(lambda number: number != "000000000")
)
mobiles = st.text(alphabet="0123456789", min_size=8, max_size=8).map(lambda rest: "69" + rest)
greek_words = st.lists(
    st.sampled_from(
        "ο δικαιούχος κατέθεσε αίτηση για την πληρωμή του ποσού στο δήμο Καλαμάτας "
        "ΑΠΟΦΑΣΗ ΔΗΜΑΡΧΟΥ ΠΛΗΡΩΜΗ ΠΡΟΣ ΑΦΜ τηλ. με στοιχεία: , ; ( ) « » .".split()
    ),
    max_size=8,
).map(" ".join)


def afm_formats(number: str) -> list[str]:
    return [
        number,
        "EL" + number,
        "EL " + grouped(number, 3),
        "GR" + number,
        grouped(number, 3, "."),
        grouped(number, 3, "-"),
        f" {number}  ",
    ]


def phone_formats(number: str) -> list[str]:
    return [
        number,
        f"{number[:3]} {number[3:6]} {number[6:]}",
        f"{number[:3]}-{number[3:]}",
        "+30 " + number,
        "+30" + number,
        "0030" + number,
    ]


# --- pseudonyms ----------------------------------------------------------------------------


def test_pseudonym_is_short_letters_only_and_iri_safe() -> None:
    made = pseudonym("094019245", SECRET)
    assert PSEUDONYM.match(made), made
    # The form the decisions profile accepts for dec:beneficiaryPseudonym (shapes/decisions.ttl).
    assert re.match(r"^ps-[a-z2-7]{16}$", made)


def test_pseudonym_is_the_hmac_sha256_of_the_normalised_value() -> None:
    digest = hmac.new(SECRET.encode(), b"094019245", "sha256").digest()
    number = int.from_bytes(digest[:10], "big") >> 5  # the first 75 bits
    letters = ""
    for _ in range(16):
        number, letter = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[letter] + letters
    assert pseudonym("EL 094 019 245", SECRET) == "ps-" + letters


@pytest.mark.parametrize("written", afm_formats("094019245") + ["94019245", "el094019245"])
def test_pseudonym_of_an_afm_is_the_same_however_written(written: str) -> None:
    assert pseudonym(written, SECRET) == pseudonym("094019245", SECRET)


@pytest.mark.parametrize("written", phone_formats("6912345678"))
def test_pseudonym_of_a_phone_is_the_same_however_written(written: str) -> None:
    assert pseudonym(written, SECRET) == pseudonym("6912345678", SECRET)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Maria.Papa@Kalamata.GR", "maria.papa@kalamata.gr"),
        ("  Γιώργος   Παπαδόπουλος ", "ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ"),
        ("ΑΚ 123456", "AK-123456"),  # Greek letters and their Latin look-alikes
        ("ΙΚΒ-1234", "IKB 1234"),
        ("01019012341", "010190 12341"),
    ],
)
def test_pseudonym_normalises_before_hashing(one: str, other: str) -> None:
    assert pseudonym(one, SECRET) == pseudonym(other, SECRET)


def test_pseudonym_with_a_kind_normalises_as_that_kind() -> None:
    assert pseudonym("EL 094 019 245", SECRET, Kind.AFM) == pseudonym("094019245", SECRET)
    # Not a valid ΑΦΜ: normalised as text, not refused.
    assert pseudonym("094019246", SECRET, Kind.AFM) == pseudonym(" 094019246 ", SECRET)


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_pseudonym_of_nothing_is_nothing(value: str) -> None:
    assert pseudonym(value, SECRET) == ""


@pytest.mark.parametrize("secret", ["", None])
def test_pseudonymising_without_a_key_is_refused_and_says_which_setting(
    secret: str | None,
) -> None:
    for make in (
        lambda: pseudonym("094019245", secret),  # type: ignore[arg-type]
        lambda: treatments.pseudonymiser(secret),
        lambda: treatments.redactor(secret),
    ):
        with pytest.raises(ConfigError, match="DEMOI_PSEUDONYMISATION_SECRET"):
            make()


@PROFILE
@given(valid_afms, st.data())
def test_property_pseudonym_of_an_afm_is_stable_across_formats(
    number: str, data: st.DataObject
) -> None:
    written = data.draw(st.sampled_from(afm_formats(number)))
    assert pseudonym(written, SECRET) == pseudonym(number, SECRET)
    assert pseudonym(written, SECRET) == pseudonym(written, SECRET)


@PROFILE
@given(mobiles, st.data())
def test_property_pseudonym_of_a_phone_is_stable_across_formats(
    number: str, data: st.DataObject
) -> None:
    written = data.draw(st.sampled_from(phone_formats(number)))
    assert pseudonym(written, SECRET) == pseudonym(number, SECRET)


@PROFILE
@given(valid_afms, valid_afms)
def test_property_different_afms_have_different_pseudonyms(one: str, other: str) -> None:
    if one != other:
        assert pseudonym(one, SECRET) != pseudonym(other, SECRET)


@PROFILE
@given(st.text(), st.text())
def test_property_different_values_give_different_pseudonyms(one: str, other: str) -> None:
    if treatments.normalise(one) != treatments.normalise(other) and one.strip() and other.strip():
        assert pseudonym(one, SECRET) != pseudonym(other, SECRET)


@PROFILE
@given(st.text(min_size=1).filter(str.strip), st.text(min_size=1), st.text(min_size=1))
def test_property_different_keys_give_different_pseudonyms(
    value: str, key: str, other_key: str
) -> None:
    if key != other_key:
        assert pseudonym(value, key) != pseudonym(value, other_key)


@PROFILE
@given(
    st.one_of(st.text().filter(str.strip), valid_afms, mobiles), st.text(min_size=1), greek_words
)
def test_property_a_pseudonym_is_never_an_identifier(value: str, key: str, words: str) -> None:
    made = pseudonym(value, key)
    assert PSEUDONYM.match(made)
    # Alone, in a text, after a label, and glued to the labels the detector reads glued.
    for text in (made, f"{words} {made} {words}", f"ΑΦΜ: {made}", f"afm{made}", f"amka{made}"):
        assert find_identifiers(text) == [], text


def test_pseudonyms_join_across_tables() -> None:
    """The same person in two tables of a source (a payment and its contract) keeps one
    pseudonym, whichever way each table writes the number."""
    payments = treatments.pseudonymiser(SECRET)
    contracts = treatments.pseudonymiser(SECRET)
    assert payments("EL094019245") == contracts("094 019 245")


# --- redaction -----------------------------------------------------------------------------


def test_redact_replaces_each_identifier_and_keeps_the_text() -> None:
    text = "Πληρωμή στον ΑΦΜ EL 094019245, τηλ. 691 234 5678, e-mail m.papa@example.gr."
    redacted = redact(text, SECRET)
    assert redacted == (
        f"Πληρωμή στον ΑΦΜ {pseudonym('094019245', SECRET)}, "
        f"τηλ. {pseudonym('6912345678', SECRET)}, e-mail {pseudonym('m.papa@example.gr', SECRET)}."
    )
    assert find_identifiers(redacted) == []


def test_redact_leaves_text_without_identifiers_as_it_is() -> None:
    text = "Έγκριση δαπάνης 1.234,56 € σε βάρος του ΚΑΕ 00.6121.01 (ΑΔΑ Ψ4ΡΛΩΛ6-ΞΝΣ), 12/07/2024"
    assert redact(text, SECRET) == text
    assert redact("", SECRET) == ""


def test_redact_replaces_a_registry_name() -> None:
    redacted = redact("Δικαιούχος: ΠΑΠΑΔΟΠΟΥΛΟΣ,,ΓΕΩΡΓΙΟΣ,ΙΩΑΝΝΗΣ", SECRET)
    assert "ΠΑΠΑΔΟΠΟΥΛΟΣ" not in redacted
    assert redacted.startswith("Δικαιούχος: ps-")


@PROFILE
@given(valid_afms, mobiles, greek_words, greek_words)
def test_property_redacted_text_holds_no_identifier(
    number: str, phone: str, before: str, after: str
) -> None:
    text = f"{before} ΑΦΜ {number} {after} τηλ. {phone}"
    redacted = redact(text, SECRET)
    assert find_identifiers(redacted) == []
    assert number not in redacted and phone not in redacted
    assert redacted.startswith(before) and after in redacted


# --- generalisation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "month", "year"),
    [
        ("2024-07-12", "2024-07", "2024"),
        ("12/07/2024", "2024-07", "2024"),
        ("1/7/2024", "2024-07", "2024"),
        ("12.07.2024 14:05", "2024-07", "2024"),
        ("2024-07-12T14:05:00", "2024-07", "2024"),
        # The date as written, not moved to Greek time: 23:30 UTC on 31 December stays 2024.
        ("2024-12-31T23:30:00Z", "2024-12", "2024"),
        ("2024-12-31T23:30:00+00:00", "2024-12", "2024"),
        # Already as coarse: kept, so that treating treated data again changes nothing.
        ("2024-07", "2024-07", "2024"),
        ("2024", "2024", "2024"),
        ("", "", ""),
    ],
)
def test_generalise_dates(value: str, month: str, year: str) -> None:
    assert generalise_date(value, "month") == month
    assert generalise_date(value, "year") == year


@pytest.mark.parametrize(
    "value", ["31/02/2024", "2024-13-01", "2024-13", "July 2024", "12/07/24", "45", "20245"]
)
def test_generalise_refuses_what_is_not_a_date(value: str) -> None:
    with pytest.raises(CellError, match=re.escape(repr(value))):
        generalise_date(value, "year")


@PROFILE
@given(
    st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1)),
    st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M", "%d.%m.%Y"]),
)
def test_property_generalised_dates_keep_year_and_month(
    moment: datetime.datetime, written: str
) -> None:
    value = moment.strftime(written)
    assert generalise_date(value, "year") == f"{moment.year:04d}"
    month = generalise_date(value, "month")
    assert month == f"{moment.year:04d}-{moment.month:02d}"
    assert generalise_date(month, "month") == month
    assert generalise_date(month, "year") == f"{moment.year:04d}"


@pytest.mark.parametrize(
    ("age", "width", "band"),
    [("0", 10, "0-9"), ("9", 10, "0-9"), ("37", 10, "30-39"), ("89", 10, "80-89"),
     ("90", 10, "90+"), ("104", 10, "90+"), ("37", 5, "35-39"), ("", 10, "")],
)  # fmt: skip
def test_age_bands(age: str, width: int, band: str) -> None:
    assert age_band(age, width, 90) == band


@pytest.mark.parametrize("value", ["-3", "37.5", "thirty", "1000"])
def test_age_band_refuses_what_is_not_an_age(value: str) -> None:
    with pytest.raises(CellError):
        age_band(value, 10, 90)


@PROFILE
@given(st.integers(0, 150), st.sampled_from([1, 2, 5, 10, 20]))
def test_property_an_age_is_in_its_band(age: int, width: int) -> None:
    band = age_band(str(age), width, 100)
    if age >= 100:
        assert band == "100+"
    else:
        low, high = (int(part) for part in band.split("-"))
        assert low <= age <= high and high - low + 1 == width and low % width == 0


@pytest.mark.parametrize(
    ("value", "cell", "centre"),
    [
        ("POINT(22.1145 37.0389)", "0.01", "POINT(22.115 37.035)"),
        ("point ( 22.1145  37.0389 )", "0.01", "POINT(22.115 37.035)"),
        ("37.0389", "0.01", "37.035"),
        ("37.0389", "0.1", "37.05"),
        ("37.03", "0.01", "37.035"),  # on the edge: the cell it starts
        ("-0.03", "0.01", "-0.025"),
        ("22", "1", "22.5"),
        ("", "0.01", ""),
    ],
)
def test_grid_cells(value: str, cell: str, centre: str) -> None:
    assert grid_cell(value, Decimal(cell)) == centre


@pytest.mark.parametrize(
    "value", ["POINT(22.1 95.0)", "181.5", "POINT(500123.4 4100234.5)", "37,0389", "Καλαμάτα"]
)
def test_grid_refuses_what_is_not_decimal_degrees(value: str) -> None:
    with pytest.raises(CellError):
        grid_cell(value, Decimal("0.01"))


@PROFILE
@given(
    st.decimals(min_value=-90, max_value=90, places=6),
    st.sampled_from(["0.001", "0.01", "0.05", "0.1", "1"]),
)
def test_property_a_position_moves_at_most_half_a_cell(degrees: Decimal, cell: str) -> None:
    size = Decimal(cell)
    centre = Decimal(grid_cell(str(degrees), size))
    assert abs(centre - degrees) <= size / 2
    # Every position of the cell has the same centre: the cell's lower edge gives it too.
    assert grid_cell(str(centre - size / 2), size) == str(centre)


# --- suppression ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "kept"), [("0", "0"), ("1", ""), ("4", ""), ("5", "5"), ("120", "120"), ("", "")]
)
def test_suppress_small_counts(count: str, kept: str) -> None:
    assert suppress_count(count, 5) == kept


@pytest.mark.parametrize("value", ["3.5", "-2", "three", "1.234"])
def test_suppress_refuses_what_is_not_a_count(value: str) -> None:
    with pytest.raises(CellError):
        suppress_count(value, 5)


@PROFILE
@given(st.integers(0, 10_000), st.integers(1, 50))
def test_property_suppression_never_leaves_a_count_below_k(count: int, k: int) -> None:
    kept = suppress_count(str(count), k)
    assert kept in ("", str(count))
    assert kept == "" or not 1 <= int(kept) <= k - 1
    assert (kept == "") == (1 <= count <= k - 1)


# --- reading policy files ------------------------------------------------------------------


def test_a_policy_with_every_treatment_reads() -> None:
    path = CASES / "every-treatment.privacy.toml"
    policy = read_policy(path)
    assert policy.file == path
    assert policy.digest == hashlib.sha256(path.read_bytes()).hexdigest()
    by_column = {(rule.table, rule.column): rule for rule in policy.rules}
    assert by_column["source", "person"].treatment == "drop"  # table defaults to "source"
    assert by_column["items", "beneficiary"].treatment == "pseudonymise"
    assert by_column["items", "beneficiary"].reason["en"].startswith("The tax number")
    assert dict(by_column["source", "birth_date"].options) == {"to": "year"}
    assert dict(by_column["source", "age"].options) == {"to": "band", "width": 10, "open_from": 90}
    assert dict(by_column["source", "position"].options) == {"to": "grid", "cell": Decimal("0.01")}
    assert by_column["meters", "meter_id"].kinds == frozenset({Kind.ADT})
    assert (by_column["source", "person"].line, by_column["meters", "meter_id"].line) == (2, 42)


@pytest.mark.parametrize(
    "path", sorted((REPO / "mappings").glob("*/*.privacy.toml")), ids=lambda path: path.name
)
def test_every_shipped_policy_reads(path: Path) -> None:
    policy = read_policy(path)
    assert policy.rules
    assert all(rule.reason["el"] and rule.reason["en"] for rule in policy.rules)


ENTRY = """
[[column]]
table = "items"
name = "beneficiary_person"
treatment = "drop"
reason = { el = "Φυσικό πρόσωπο", en = "A natural person" }
"""


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('treatment = "pseudonymize"', "unknown treatment 'pseudonymize'"),
        ('treatment = "generalise"\nto = "week"', "to = 'week'"),
        ('treatment = "generalise"', "to = None"),
        ('treatment = "drop"\nto = "year"', 'only for treatment = "generalise"'),
        ('treatment = "generalise"\nto = "year"\nwidth = 5', "width: not an option of to = 'year'"),
        ('treatment = "generalise"\nto = "band"\nwidth = 0', "width must be a whole number"),
        ('treatment = "generalise"\nto = "band"\nwidth = 7', "open_from (90) must be a multiple"),
        ('treatment = "generalise"\nto = "grid"\ncell = 0', "cell must be more than 0"),
        ('treatment = "generalise"\nto = "grid"\ncell = "fine"', "cell must be a number"),
        ('treatment = "not-personal"\nkinds = ["adt", "passport"]', "unknown kind(s) 'passport'"),
        ('treatment = "not-personal"\nkinds = []', "kinds must be a list"),
        ('treatment = "drop"\nkinds = ["adt"]', 'kinds: only for treatment = "not-personal"'),
        ('treatment = "drop"\ntreatement = "drop"', "unknown key(s) treatement"),
    ],
)
def test_errors_in_an_entry_name_the_file_line_and_entry(
    tmp_path: Path, entry: str, message: str
) -> None:
    path = tmp_path / "bad.privacy.toml"
    path.write_text(
        "# a policy\n" + ENTRY + "\n[[column]]\n"
        'table = "items"\nname = "subject"\n'
        'reason = { el = "Ελεύθερο κείμενο", en = "Free text" }\n' + entry + "\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError) as raised:
        read_policy(path)
    shown = str(raised.value)
    assert shown.startswith(f"{path}, line 9: [[column]] #2 (items.subject): "), shown
    assert message in shown


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "reason is required"),
        ('reason = { el = "Φυσικό πρόσωπο" }', "reason must be given in Greek and English"),
        ('reason = { el = "α", en = "a", de = "a" }', "and only in them"),
        ('reason = { el = "Φυσικό πρόσωπο", en = " " }', "must be non-empty"),
        ('reason = "A natural person"', "reason must be given in Greek and English"),
    ],
)
def test_a_reason_in_greek_and_english_is_required(
    tmp_path: Path, reason: str, message: str
) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(f'[[column]]\nname = "person"\ntreatment = "drop"\n{reason}\n', "utf-8")
    with pytest.raises(UsageError, match=re.escape(message)) as raised:
        read_policy(path)
    assert str(raised.value).startswith(f"{path}, line 1: [[column]] #1 (source.person): ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[column]\nname = 1", "not valid TOML"),
        ('treatment = "drop"', "unknown key(s) treatment"),
        ('column = "person"', "column must be a list"),
        ("[[column]]\ntreatment = 'drop'", "[[column]] #1: name, the column's name, is missing"),
        ("[[column]]\nname = 7", "[[column]] #1: name must be the column's name as text, not 7"),
        # The one-line form of two keys, as someone used to other formats may write it.
        ('[[column]]\ntable = "meters"; name = "meter_id"', "not valid TOML: Expected newline"),
        (ENTRY + ENTRY.replace("drop", "pseudonymise"), "already has an entry, [[column]] #1"),
    ],
)
def test_errors_in_a_policy_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(UsageError, match=re.escape(message)) as raised:
        read_policy(path)
    assert str(raised.value).startswith(str(path))


def test_a_policy_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read the privacy policy"):
        read_policy(tmp_path / "missing.privacy.toml")
    latin = tmp_path / "latin.privacy.toml"
    latin.write_bytes("# Πολιτική\n".encode("cp1253"))
    with pytest.raises(UsageError, match="not UTF-8"):
        read_policy(latin)


def test_an_empty_policy_file_is_an_empty_policy(tmp_path: Path) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text("# nothing here is personal\n", "utf-8")
    policy = read_policy(path)
    assert policy.rules == ()
    assert policy.digest == hashlib.sha256(path.read_bytes()).hexdigest()


# --- applying a policy ---------------------------------------------------------------------


def source_tables() -> dict[str, Table]:
    source = Table(
        ["id", "person", "birth_date", "age", "position", "count"],
        [
            ["1", "ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ", "12/07/1984", "39", "POINT(22.1145 37.0389)", "3"],
            ["2", "", "1990-01-31", "91", "POINT(22.1199 37.0311)", "12"],
        ],
        "utf-8",
        [2, 3],
        file="source.csv",
    )
    items = Table(
        ["decision", "beneficiary", "subject"],
        [
            ["Ψ1", "EL 094 019 245", "Πληρωμή στον ΑΦΜ 094019245"],
            ["Ψ2", "800123456", "Επιχορήγηση συλλόγου"],
        ],
        "utf-8",
        [5, 9],
        file="decisions.json",
    )
    meters = Table(["meter_id"], [["Α123456"]], "utf-8", [2])
    return {"source": source, "items": items, "meters": meters}


def test_apply_treats_each_column_as_the_policy_says() -> None:
    tables = source_tables()
    before = copy.deepcopy(tables)
    policy = read_policy(CASES / "every-treatment.privacy.toml")
    treated = policy.apply(tables, secret=SECRET, k=5)
    assert tables == before  # the inputs are untouched
    source = treated["source"]
    assert source.rows == [
        ["1", "", "1984", "30-39", "POINT(22.115 37.035)", ""],
        ["2", "", "1990", "90+", "POINT(22.115 37.035)", "12"],
    ]
    assert (source.lines, source.file, source.columns) == (
        [2, 3],
        "source.csv",
        before["source"].columns,
    )
    items = treated["items"]
    assert items.rows == [
        [
            "Ψ1",
            pseudonym("094019245", SECRET),
            f"Πληρωμή στον ΑΦΜ {pseudonym('094019245', SECRET)}",
        ],
        ["Ψ2", pseudonym("800123456", SECRET), "Επιχορήγηση συλλόγου"],
    ]
    assert treated["meters"].rows == [["Α123456"]]  # not-personal changes nothing


def test_apply_leaves_tables_without_rules_as_they_are() -> None:
    tables = source_tables()
    treated = EMPTY_POLICY.apply(tables, secret="", k=5)
    assert treated == tables and treated is not tables
    assert all(treated[name] is tables[name] for name in tables)


def test_a_policy_that_only_drops_needs_no_key(tmp_path: Path) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(ENTRY.replace("beneficiary_person", "beneficiary"), "utf-8")
    treated = read_policy(path).apply(source_tables(), secret="", k=5)
    assert [row[1] for row in treated["items"].rows] == ["", ""]


def test_apply_without_a_key_changes_nothing_and_names_the_setting() -> None:
    policy = read_policy(CASES / "every-treatment.privacy.toml")
    with pytest.raises(ConfigError, match="DEMOI_PSEUDONYMISATION_SECRET"):
        policy.apply(source_tables(), secret="", k=5)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('table = "payments"\nname = "x"', "[[column]] #1 (payments.x): the source has no table"),
        (
            'table = "items"\nname = "afm"',
            "[[column]] #1 (items.afm): the table items has no column",
        ),
    ],
)
def test_a_rule_for_a_column_the_source_does_not_have(
    tmp_path: Path, entry: str, message: str
) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(
        f'\n[[column]]\n{entry}\ntreatment = "drop"\nreason = {{ el = "α", en = "a" }}\n', "utf-8"
    )
    with pytest.raises(UsageError) as raised:
        read_policy(path).apply(source_tables(), secret=SECRET, k=5)
    assert str(raised.value).startswith(f"{path}, line 2: {message}")


def test_a_cell_that_cannot_be_treated_names_table_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(
        '[[column]]\nname = "birth_date"\ntreatment = "generalise"\nto = "year"\n'
        'reason = { el = "Ημερομηνία γέννησης", en = "Date of birth" }\n',
        "utf-8",
    )
    tables = source_tables()
    tables["source"].rows[1][2] = "31/02/1990"
    with pytest.raises(DataError) as raised:
        read_policy(path).apply(tables, secret=SECRET, k=5)
    shown = str(raised.value)
    assert shown.startswith("source.csv, line 3, column birth_date: table source, "), shown
    assert "'31/02/1990' is not a date" in shown and "[[column]] #1 (source.birth_date)" in shown


def test_a_cell_of_a_table_without_lines_is_named_by_its_row(tmp_path: Path) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(
        '[[column]]\ntable = "meters"\nname = "meter_id"\ntreatment = "suppress"\n'
        'reason = { el = "Πλήθος", en = "Count" }\n',
        "utf-8",
    )
    tables = source_tables()
    tables["meters"] = Table(["meter_id"], [["4"], ["many"]], "utf-8")
    with pytest.raises(DataError, match=r"table meters, row 2 of the table, cannot suppress"):
        read_policy(path).apply(tables, secret=SECRET, k=5)


def test_not_personal_gives_the_kinds_by_column() -> None:
    policy = read_policy(CASES / "every-treatment.privacy.toml")
    assert policy.not_personal() == {("meters", "meter_id"): frozenset({Kind.ADT})}
    assert EMPTY_POLICY.not_personal() == {}


def test_not_personal_without_kinds_is_refused(tmp_path: Path) -> None:
    """Found in review: without kinds it let every kind through, a "keep" for any column."""
    path = tmp_path / "p.privacy.toml"
    path.write_text(
        '[[column]]\nname = "code"\ntreatment = "not-personal"\n'
        'reason = { el = "Κωδικός είδους", en = "An item code" }\n',
        "utf-8",
    )
    with pytest.raises(UsageError, match="kinds"):
        read_policy(path)


# --- the statement -------------------------------------------------------------------------


def test_statement_names_each_treatment_column_and_reason_in_both_languages() -> None:
    policy = read_policy(CASES / "every-treatment.privacy.toml")
    statement = policy.statement(k=5)
    assert set(statement) == {"el", "en"}
    assert statement["el"].startswith("Διαγραφή: source.person — Ονοματεπώνυμο φυσικού προσώπου; ")
    assert "Ψευδωνυμοποίηση με κλειδί (HMAC-SHA256): items.beneficiary — Ο ΑΦΜ" in statement["el"]
    assert (
        "Keyed pseudonymisation (HMAC-SHA256): items.beneficiary — The tax number"
        in (statement["en"])
    )
    assert "Small counts suppressed (below k = 5): source.count" in statement["en"]
    assert "Απόκρυψη μικρών πληθών (κάτω από k = 5): source.count" in statement["el"]
    assert "κελιού πλέγματος 0,01°: source.position" in statement["el"]
    assert "a 0.01° grid cell: source.position" in statement["en"]
    assert "(below the threshold k)" in policy.statement()["en"]
    assert "Ages generalised to 10-year bands, 90 and over as one band" in statement["en"]
    assert "Not personal data (identity card number (ΑΔΤ)): meters.meter_id" in statement["en"]
    assert statement["en"].endswith(".") and not statement["en"].endswith("..")


def test_statement_of_an_empty_policy() -> None:
    assert EMPTY_POLICY.statement() == {
        "el": "Δεν εφαρμόστηκε ανωνυμοποίηση: ο έλεγχος δεν βρήκε προσωπικά δεδομένα.",
        "en": "No anonymisation was applied: the check found no personal data.",
    }
    assert EMPTY_POLICY.digest == ""


def test_statement_of_a_policy_that_only_declares_columns_not_personal(tmp_path: Path) -> None:
    path = tmp_path / "p.privacy.toml"
    path.write_text(
        '[[column]]\nname = "meter_id"\ntreatment = "not-personal"\nkinds = ["adt"]\n'
        'reason = { el = "Αριθμός μετρητή.", en = "A meter number." }\n',
        "utf-8",
    )
    assert read_policy(path).statement()["en"] == (
        "No anonymisation was applied: the check found no personal data; "
        "Not personal data (identity card number (ΑΔΤ)): source.meter_id — A meter number."
    )


def test_policy_is_the_same_for_the_same_file() -> None:
    path = CASES / "every-treatment.privacy.toml"
    assert read_policy(path) == read_policy(path)
    assert isinstance(read_policy(path), Policy)
