"""The region / regional-unit / municipality code lists and their crosswalk
(ontologies/codelists/municipalities.ttl, made by tools/derive_codelists.py from the real data in
../shared/data/external and the curated tables tools/municipality_crosswalk.csv and
tools/regional_units.csv), and the code lists the DCAT-AP catalogue needs in the second pass of
validation (languages, frequencies, access rights, countries, publisher types, planned
availability, file types, media types, standards).

Each test checks the committed file against the sources directly, not against the generator, so
a bug in the generator shows here too."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS

from conftest import REPO, SHARED_DATA

CODE_LIST = REPO / "ontologies" / "codelists" / "municipalities.ttl"
CROSSWALK = REPO / "tools" / "municipality_crosswalk.csv"
REGIONAL_UNITS = REPO / "tools" / "regional_units.csv"

MUNICIPALITY = rdflib.URIRef("https://w3id.org/demoi/code/municipality")
UNIT = rdflib.URIRef("https://w3id.org/demoi/code/regional-unit")
REGION = rdflib.URIRef("https://w3id.org/demoi/code/region")
DORG = rdflib.Namespace("https://w3id.org/demoi/def/organisation#")
CROSSWALK_PROPERTIES = ["elstatCode", "ypesCode", "nutsCode", "diavgeiaUid", "vatNumber"]
ATHOS = "9901"

# The municipalities created by the 2019 splits (L.4600/2019): Σερβίων - Βελβεντού into 2,
# Κέρκυρας into 3, Κεφαλονιάς into 3, Λέσβου into 2, Σάμου into 2. They have no 2011 YPES code.
SPLIT_2019 = {
    "1402", "1405",
    "3201", "3202", "3203",
    "3501", "3502", "3503",
    "5301", "5302",
    "5601", "5602",
}  # fmt: skip


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def afm_is_valid(afm: str) -> bool:
    """Greek ΑΦΜ: 9 digits, check digit = (sum of d_i * 2^(9-i), i = 1..8) mod 11 mod 10."""
    if not re.fullmatch(r"[0-9]{9}", afm) or afm == "000000000":
        return False
    total = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(afm[:8]))
    return total % 11 % 10 == int(afm[8])


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(CODE_LIST, format="turtle")


@pytest.fixture(scope="module")
def source() -> dict:
    """The facts of ../shared/data/external the tests compare with (read once per module)."""
    assert SHARED_DATA.is_dir(), f"{SHARED_DATA} is missing: tests read real data from there"
    data = SHARED_DATA
    census = data / "elstat-census-2021"
    diavgeia = json.loads(
        (data / "diavgeia-api-samples" / "organizations_municipalities_regions.json").read_text(
            encoding="utf-8"
        )
    )["organizations"]
    kallikratis = json.loads(
        (data / "kallikratis-2011" / "kallikratis.json").read_text(encoding="utf-8")
    )
    return {
        "codes": {r["code"]: r["name"] for r in read_csv(census / "elstat_municipality_codes.csv")},
        "populations": read_csv(census / "municipalities_populations.csv"),
        "regions": read_csv(census / "regions_populations.csv"),
        "diavgeia": {o["uid"]: o for o in diavgeia},
        "ypes": {
            m["id"]: m["name"]
            for region in kallikratis
            for unit in region["regional_units"]
            for m in unit["municipalities"]
        },
        "kallikratis_units": [u["id"] for region in kallikratis for u in region["regional_units"]],
    }


def members(graph: rdflib.Graph, scheme: rdflib.URIRef) -> dict[str, rdflib.URIRef]:
    """Concepts of a scheme by notation."""
    found = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        (notation,) = graph.objects(concept, SKOS.notation)
        assert str(notation) not in found, f"notation {notation} used twice in {scheme}"
        assert str(concept) == f"{scheme}/{notation}", f"{concept} is not named by its notation"
        found[str(notation)] = concept
    return found


def one(graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef) -> str:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} has {len(values)} values of {predicate}"
    return str(values[0])


# ---------------------------------------------------------------------------------------------
# Counts and coverage
# ---------------------------------------------------------------------------------------------


def test_exactly_the_332_elstat_municipalities_without_mount_athos(graph, source) -> None:
    municipalities = members(graph, MUNICIPALITY)
    assert len(municipalities) == 332
    assert set(municipalities) == set(source["codes"]) - {ATHOS}
    assert ATHOS in source["codes"], "the ELSTAT list should still have Mount Athos, left out here"


def test_13_regions(graph, source) -> None:
    regions = members(graph, REGION)
    assert len(regions) == 13
    assert set(regions) == {r["nuts2_region_code"] for r in source["regions"]}


def test_74_regional_units(graph, source) -> None:
    # ELSTAT 2021 codes are RRNN, RR the regional unit: the distinct RR other than Athos' 99 are
    # the 74 regional units of L.3852/2010, as many as the 2011 Kallikratis codebook has.
    prefixes = {code[:2] for code in source["codes"] if code != ATHOS}
    assert len(prefixes) == 74 == len(source["kallikratis_units"])
    units = members(graph, UNIT)
    assert set(units) == prefixes


def test_curated_tables_cover_every_code_once(source) -> None:
    rows = read_csv(CROSSWALK)
    counts = Counter(r["elstat_code"] for r in rows)
    assert all(n == 1 for n in counts.values()), [c for c, n in counts.items() if n > 1]
    assert set(counts) == set(source["codes"]) - {ATHOS}
    assert all(r["name_en"] and r["name_nom_el"] for r in rows)
    assert {r["name_en_from"] for r in rows} <= {"ELOT 743", "conventional"}
    units = Counter(r["code"] for r in read_csv(REGIONAL_UNITS))
    assert all(n == 1 for n in units.values())
    assert set(units) == {code[:2] for code in source["codes"] if code != ATHOS}


# ---------------------------------------------------------------------------------------------
# Hierarchy and labels
# ---------------------------------------------------------------------------------------------


def test_every_municipality_reaches_a_region_through_its_regional_unit(graph) -> None:
    units = members(graph, UNIT)
    regions = members(graph, REGION)
    for code, concept in members(graph, MUNICIPALITY).items():
        unit = rdflib.URIRef(one(graph, concept, SKOS.broader))
        assert unit == units[code[:2]], f"{code} is not in regional unit {code[:2]}"
        region = rdflib.URIRef(one(graph, unit, SKOS.broader))
        assert region in regions.values(), f"{unit} is not in a region"
        assert not list(graph.objects(region, SKOS.broader))
        assert (region, SKOS.topConceptOf, REGION) in graph


def test_every_region_has_municipalities(graph) -> None:
    regions_reached = Counter(
        one(graph, rdflib.URIRef(one(graph, concept, SKOS.broader)), SKOS.broader)
        for concept in members(graph, MUNICIPALITY).values()
    )
    assert len(regions_reached) == 13
    assert sum(regions_reached.values()) == 332


@pytest.mark.parametrize("scheme", [MUNICIPALITY, UNIT, REGION], ids=lambda s: s.split("/")[-1])
def test_labels_and_definitions_bilingual_and_unique_per_scheme(graph, scheme) -> None:
    for subject in [scheme, *members(graph, scheme).values()]:
        for predicate in (SKOS.prefLabel, SKOS.definition):
            languages = Counter(v.language for v in graph.objects(subject, predicate))
            assert languages == Counter({"el": 1, "en": 1}), f"{subject} {predicate}: {languages}"
    for language in ("el", "en"):
        labels = Counter(
            str(label)
            for concept in members(graph, scheme).values()
            for label in graph.objects(concept, SKOS.prefLabel)
            if label.language == language
        )
        assert [label for label, n in labels.items() if n > 1] == []


def test_greek_labels_are_greek_and_english_labels_ascii(graph) -> None:
    for concept in members(graph, MUNICIPALITY).values():
        for label in graph.objects(concept, SKOS.prefLabel):
            if label.language == "el":
                assert label.startswith("Δήμος ")
                assert not re.search(r"[A-Za-z]", label), f"Latin letter in {label}"
            else:
                assert label.startswith("Municipality of ") and label.isascii()


def test_the_two_heraklion_are_told_apart_and_keep_the_plain_name(graph) -> None:
    municipalities = members(graph, MUNICIPALITY)

    def labels(code: str, predicate: rdflib.URIRef) -> dict[str, str]:
        return {v.language: str(v) for v in graph.objects(municipalities[code], predicate)}

    assert labels("4604", SKOS.prefLabel) == {
        "el": "Δήμος Ηρακλείου (Αττική)",
        "en": "Municipality of Irakleio (Attica)",
    }
    assert labels("7101", SKOS.prefLabel) == {
        "el": "Δήμος Ηρακλείου (Κρήτη)",
        "en": "Municipality of Heraklion (Crete)",
    }
    assert labels("4604", SKOS.altLabel)["el"] == labels("7101", SKOS.altLabel)["el"]
    assert labels("4604", SKOS.altLabel)["el"] == "Δήμος Ηρακλείου"


def test_english_labels_are_the_curated_nominatives(graph) -> None:
    municipalities = members(graph, MUNICIPALITY)
    names = {r["elstat_code"]: r["name_en"] for r in read_csv(CROSSWALK)}
    for code, concept in municipalities.items():
        english = [str(v) for v in graph.objects(concept, SKOS.prefLabel) if v.language == "en"]
        assert english[0].removesuffix(" (Attica)").removesuffix(" (Crete)") == (
            f"Municipality of {names[code]}"
        )
    expected = {
        "4401": ("Δήμος Καλαμάτας", "Municipality of Kalamata"),
        "0701": ("Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki"),
        "4501": ("Δήμος Αθηναίων", "Municipality of Athens"),
        "3701": ("Δήμος Πατρέων", "Municipality of Patras"),
    }
    for code, (el, en) in expected.items():
        got = {v.language: str(v) for v in graph.objects(municipalities[code], SKOS.prefLabel)}
        assert got == {"el": el, "en": en}


def test_definition_names_the_regional_unit_and_region(graph) -> None:
    kalamata = members(graph, MUNICIPALITY)["4401"]
    definitions = {v.language: str(v) for v in graph.objects(kalamata, SKOS.definition)}
    assert definitions == {
        "el": "Δήμος της Περιφερειακής Ενότητας Μεσσηνίας, Περιφέρεια Πελοποννήσου.",
        "en": "Municipality in the regional unit of Messinia, Region of Peloponnese.",
    }


# ---------------------------------------------------------------------------------------------
# The crosswalk
# ---------------------------------------------------------------------------------------------


def test_every_municipality_has_exactly_one_of_each_crosswalk_value(graph) -> None:
    for code, concept in members(graph, MUNICIPALITY).items():
        for name in CROSSWALK_PROPERTIES:
            values = list(graph.objects(concept, DORG[name]))
            expected = 0 if name == "ypesCode" and code in SPLIT_2019 else 1
            assert len(values) == expected, f"{code}: {len(values)} dorg:{name}"
        assert one(graph, concept, DORG.elstatCode) == code
        population = list(graph.objects(concept, DORG.population2021))
        assert len(population) == 1
        assert population[0].datatype == rdflib.XSD.nonNegativeInteger


@pytest.mark.parametrize("name", ["elstatCode", "ypesCode", "diavgeiaUid", "vatNumber"])
def test_crosswalk_values_are_unique(graph, name) -> None:
    values = Counter(
        str(v)
        for scheme in (MUNICIPALITY, REGION)
        for concept in members(graph, scheme).values()
        for v in graph.objects(concept, DORG[name])
    )
    assert values, f"no dorg:{name} at all"
    assert [v for v, n in values.items() if n > 1] == []


def test_afm_check_digit(graph) -> None:
    assert afm_is_valid("997911992")  # Δήμος Καλαμάτας
    assert not afm_is_valid("997911993")
    assert not afm_is_valid("000000000")
    afms = [
        str(v)
        for scheme in (MUNICIPALITY, REGION)
        for concept in members(graph, scheme).values()
        for v in graph.objects(concept, DORG.vatNumber)
    ]
    assert len(afms) == 332 + 13
    assert [a for a in afms if not afm_is_valid(a)] == []


def test_diavgeia_uid_and_afm_are_those_diavgeia_publishes(graph, source) -> None:
    diavgeia = source["diavgeia"]
    used = set()
    for scheme, category in ((MUNICIPALITY, "MUNICIPALITY"), (REGION, "REGION")):
        for code, concept in members(graph, scheme).items():
            uid = one(graph, concept, DORG.diavgeiaUid)
            assert uid in diavgeia and diavgeia[uid]["category"] == category, f"{code}: {uid}"
            assert one(graph, concept, DORG.vatNumber) == diavgeia[uid]["vatNumber"]
            used.add(uid)
    assert len(used) == 332 + 13


def test_every_diavgeia_entry_left_out_is_explained(graph, source) -> None:
    used = {str(v) for v in graph.objects(None, DORG.diavgeiaUid)}
    left_out = sorted(set(source["diavgeia"]) - used)
    # 337 MUNICIPALITY entries for 332 municipalities: 4 abolished in 2019 and 1 that is not a
    # municipality; each is explained in the header of the code list.
    assert len(left_out) == 337 + 13 - 332 - 13 == 5
    header = CODE_LIST.read_text(encoding="utf-8").split("\n@prefix", 1)[0]
    for uid in left_out:
        assert re.search(rf"^#\s+- {uid}: ", header, re.M), f"Diavgeia {uid} is not explained"


def test_ypes_codes_are_the_2011_codebook_codes(graph, source) -> None:
    ypes = [str(v) for v in graph.objects(None, DORG.ypesCode)]
    assert set(ypes) <= set(source["ypes"])
    # 325 municipalities in 2011: 320 continue, 5 were split into the 12 of SPLIT_2019
    assert len(source["ypes"]) == 325
    assert len(ypes) == 332 - len(SPLIT_2019) == 320
    abolished = set(source["ypes"]) - set(ypes)
    assert len(abolished) == 5
    text = CODE_LIST.read_text(encoding="utf-8")
    for code in abolished:
        assert f"(YPES {code})" in text, f"abolished 2011 municipality {code} is not explained"


def test_nuts_codes(graph) -> None:
    regions = members(graph, REGION)
    units = members(graph, UNIT)
    for code, concept in regions.items():
        assert one(graph, concept, DORG.nutsCode) == code
    nuts3 = set()
    for concept in units.values():
        region = one(graph, concept, SKOS.broader)
        nuts = one(graph, concept, DORG.nutsCode)
        assert re.fullmatch(r"EL[0-9]{3}", nuts) and nuts.startswith(region.rsplit("/", 1)[1])
        nuts3.add(nuts)
    assert len(nuts3) == 52  # Greece has 52 NUTS 3 regions (NUTS 2021)
    for code, concept in members(graph, MUNICIPALITY).items():
        assert one(graph, concept, DORG.nutsCode) == one(graph, units[code[:2]], DORG.nutsCode)


# ---------------------------------------------------------------------------------------------
# Populations
# ---------------------------------------------------------------------------------------------


def test_populations_add_up_to_the_national_total_minus_mount_athos(graph, source) -> None:
    national = sum(int(r["pop_total_2021"]) for r in source["regions"])
    (athos,) = [int(r["pop_total_2021"]) for r in source["populations"]
                if r["elstat_municipality_code"] == ATHOS]  # fmt: skip
    total = sum(
        int(one(graph, concept, DORG.population2021))
        for concept in members(graph, MUNICIPALITY).values()
    )
    assert total == national - athos


def test_populations_are_the_census_figures(graph, source) -> None:
    rows = [r for r in source["populations"] if r["elstat_municipality_code"] != ATHOS]
    ours = {
        code: int(one(graph, concept, DORG.population2021))
        for code, concept in members(graph, MUNICIPALITY).items()
    }
    # the same figures, whatever the (one mis-keyed) codes of the source rows
    assert Counter(ours.values()) == Counter(int(r["pop_total_2021"]) for r in rows)
    keyed = Counter(r["elstat_municipality_code"] for r in rows)
    for r in rows:
        if keyed[r["elstat_municipality_code"]] == 1:
            assert ours[r["elstat_municipality_code"]] == int(r["pop_total_2021"])
    assert ours["7101"] > ours["4604"]  # Heraklion (Crete) is the larger of the two


# ---------------------------------------------------------------------------------------------
# Decisions and the generator
# ---------------------------------------------------------------------------------------------


def test_every_hand_decision_is_commented_above_its_concept() -> None:
    lines = CODE_LIST.read_text(encoding="utf-8").splitlines()
    starts = {
        line.rsplit("/", 1)[1].rstrip(">"): i
        for i, line in enumerate(lines)
        if line.startswith("<https://w3id.org/demoi/code/municipality/")
    }
    decided = [r for r in read_csv(CROSSWALK) if r["decision"]]
    assert decided, "the crosswalk records no decision at all"
    for row in decided:
        assert row["ypes_code"] or row["diavgeia_uid"] or row["decision"]
        i = starts[row["elstat_code"]] - 1
        while lines[i].startswith("# ") and not lines[i].startswith(f"# {row['elstat_code']}: "):
            i -= 1
        assert lines[i].startswith(f"# {row['elstat_code']}: "), row["elstat_code"]
    for code in ("7201", "4604", "7101", "3201", "6202"):  # Latin A, homonyms, split, 6202
        assert code in {r["elstat_code"] for r in decided}


def test_generator_check_mode(shared_data: Path, tmp_path: Path) -> None:
    tool = REPO / "tools" / "derive_codelists.py"
    ok = subprocess.run(
        [sys.executable, tool, "--check", "--data", shared_data],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    stale = tmp_path / "municipalities.ttl"
    stale.write_text(CODE_LIST.read_text(encoding="utf-8").replace("71894", "71895"))
    drift = subprocess.run(
        [sys.executable, tool, "--check", "--data", shared_data, "--out", stale],
        capture_output=True,
        text=True,
        check=False,
    )
    assert drift.returncode == 1
    assert "out of date" in drift.stderr  # the stale file is named where errors go


# ---------------------------------------------------------------------------------------------
# The catalogue's code lists: what the second pass of DCAT-AP 3.0.1 checks
# ---------------------------------------------------------------------------------------------

CODE_LISTS = REPO / "ontologies" / "codelists"
MDR_VOCABULARIES = "dcat-ap-shacl/dcat-ap-3.0.1-mdr-vocabularies.shape.ttl"
R5R = rdflib.Namespace("http://data.europa.eu/r5r#")
AUTHORITY = "http://publications.europa.eu/resource/authority"


@dataclass(frozen=True)
class CatalogueList:
    file: str
    scheme: str
    restriction: str | None  # the mdr-vocabularies node shape that names the scheme
    value_class: rdflib.URIRef | None  # the class DCAT-AP's ranges expect of a value
    required: tuple[str, ...]  # notations demoi's catalogue uses


CATALOGUE_LISTS = [
    CatalogueList(
        "languages.ttl",
        f"{AUTHORITY}/language",
        "LanguageRestriction",
        DCTERMS.LinguisticSystem,
        ("ELL", "ENG", "FRA", "DEU", "ITA", "SPA", "BUL", "TUR", "SQI", "RUS", "UKR", "ARA"),
    ),
    CatalogueList(
        "frequencies.ttl",
        f"{AUTHORITY}/frequency",
        "FrequencyRestriction",
        DCTERMS.Frequency,
        ("ANNUAL", "QUARTERLY", "MONTHLY", "DAILY", "HOURLY", "IRREG", "DECENNIAL", "UNKNOWN"),
    ),
    CatalogueList(
        "access-rights.ttl",
        f"{AUTHORITY}/access-right",
        "AccessRightRestriction",
        DCTERMS.RightsStatement,
        ("PUBLIC", "RESTRICTED", "NON_PUBLIC"),
    ),
    CatalogueList(
        "countries.ttl", f"{AUTHORITY}/country", "CountryRestriction", DCTERMS.Location, ("GRC",)
    ),
    CatalogueList(
        "publisher-types.ttl",
        "http://purl.org/adms/publishertype/1.0",
        "PublisherTypeRestriction",
        SKOS.Concept,
        ("LocalAuthority", "RegionalAuthority", "NationalAuthority"),
    ),
    CatalogueList(
        "planned-availability.ttl",
        f"{AUTHORITY}/planned-availability",
        "AvailabilityRestriction",
        SKOS.Concept,
        ("AVAILABLE", "EXPERIMENTAL", "STABLE", "TEMPORARY"),
    ),
    CatalogueList(
        "file-types.ttl",
        f"{AUTHORITY}/file-type",
        "FileTypeRestriction",
        DCTERMS.MediaTypeOrExtent,
        (
            "RDF_TURTLE",
            "RDF_N_TRIPLES",
            "JSON_LD",
            "CSV",
            "RDF_XML",
            "HTML",
            "SPARQLQ",
            "SPARQLQRES",
        ),
    ),
    CatalogueList(
        "data-themes.ttl", f"{AUTHORITY}/data-theme", "DataThemeRestriction", SKOS.Concept, ()
    ),
    CatalogueList(
        "media-types.ttl",
        "https://www.iana.org/assignments/media-types",
        None,  # DCAT-AP checks the IRI (IANARestrictionRegexURI) and the class only
        DCTERMS.MediaType,
        (
            "text/turtle",
            "application/n-triples",
            "application/ld+json",
            "text/csv",
            "application/rdf+xml",
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/html",
            "application/sparql-query",
        ),
    ),
]


@cache
def catalogue_list(file: str) -> rdflib.Graph:
    return rdflib.Graph().parse(CODE_LISTS / file, format="turtle")


@cache
def mdr_vocabularies() -> rdflib.Graph:
    return rdflib.Graph().parse(SHARED_DATA / MDR_VOCABULARIES, format="turtle")


def concepts_of(code_list: CatalogueList) -> dict[str, rdflib.URIRef]:
    graph = catalogue_list(code_list.file)
    found = {}
    for concept in graph.subjects(SKOS.inScheme, rdflib.URIRef(code_list.scheme)):
        assert isinstance(concept, rdflib.URIRef)
        notation = one(graph, concept, SKOS.notation)
        assert str(concept) == f"{code_list.scheme.removesuffix('/1.0')}/{notation}", concept
        found[notation] = concept
    return found


@pytest.mark.parametrize("code_list", CATALOGUE_LISTS, ids=lambda c: c.file)
def test_catalogue_list_is_the_scheme_dcat_ap_checks(code_list: CatalogueList) -> None:
    if code_list.restriction is None:
        pattern = one(mdr_vocabularies(), R5R.IANARestrictionRegexURI, rdflib.SH.pattern)
        assert all(re.match(pattern, str(c)) for c in concepts_of(code_list).values())
        return
    (scheme,) = mdr_vocabularies().objects(
        mdr_vocabularies().value(R5R[code_list.restriction], rdflib.SH.property),
        rdflib.SH.hasValue,
    )
    assert str(scheme) == code_list.scheme
    graph = catalogue_list(code_list.file)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph


@pytest.mark.parametrize("code_list", CATALOGUE_LISTS, ids=lambda c: c.file)
def test_every_value_has_the_class_dcat_ap_expects(code_list: CatalogueList) -> None:
    graph = catalogue_list(code_list.file)
    concepts = concepts_of(code_list)
    assert concepts
    assert set(code_list.required) <= set(concepts), set(code_list.required) - set(concepts)
    for concept in concepts.values():
        assert (concept, RDF.type, SKOS.Concept) in graph
        assert (concept, RDF.type, code_list.value_class) in graph, concept
        for predicate in (SKOS.prefLabel, SKOS.definition):
            languages = Counter(v.language for v in graph.objects(concept, predicate))
            assert languages == Counter({"el": 1, "en": 1}), f"{concept} {predicate}"
    scheme = rdflib.URIRef(code_list.scheme)
    titles = Counter(v.language for v in graph.objects(scheme, DCTERMS.title))
    assert titles == Counter({"el": 1, "en": 1})


def test_every_frequency_the_data_inventory_reads_is_in_the_list() -> None:
    """Regression guard: the data-inventory reader turns «Ετήσια» into …/frequency/ANNUAL; a
    code missing from frequencies.ttl would fail DCAT-AP's second pass on every inventory."""
    from demoi.lifting.sources.data_inventory import FREQUENCIES

    (frequencies,) = [c for c in CATALOGUE_LISTS if c.file == "frequencies.ttl"]
    assert set(FREQUENCIES) <= set(concepts_of(frequencies))


def shape_titles(area: str) -> dict[str, str]:
    shapes = rdflib.Graph().parse(REPO / "shapes" / f"{area}.ttl", format="turtle")
    return {
        title.language: str(title).split(" (")[0]
        for title in shapes.objects(rdflib.URIRef(f"https://w3id.org/demoi/shapes/{area}"),
                                    DCTERMS.title)
        if isinstance(title, rdflib.Literal) and title.language
    }  # fmt: skip


def test_every_area_profile_and_the_sparql_protocol_are_standards() -> None:
    from demoi import profiles

    graph = catalogue_list("standards.ttl")
    standards = set(graph.subjects(RDF.type, DCTERMS.Standard))
    areas = profiles.area_names()
    assert len(areas) == 12
    for area in areas:
        iri = rdflib.URIRef(profiles._area_profile(area).documentation)
        assert iri in standards, iri
        labels = {v.language: str(v) for v in graph.objects(iri, SKOS.prefLabel)}
        assert labels == {lang: f"demoi: {text}" for lang, text in shape_titles(area).items()}
    for other in (
        "https://www.w3.org/TR/sparql11-protocol/",
        "http://data.europa.eu/r5r/",
        "https://semiceu.github.io/DCAT-AP/releases/3.0.1/",
        "https://semiceu.github.io/DCAT-AP/releases/3.0.0-hvd/",
    ):
        assert rdflib.URIRef(other) in standards, other
    assert len(standards) == len(areas) + 4
    scheme = rdflib.URIRef("https://w3id.org/demoi/code/standard")
    assert set(graph.objects(scheme, DCTERMS.hasPart)) == standards
    for standard in standards:
        for predicate in (SKOS.prefLabel, SKOS.definition):
            languages = Counter(v.language for v in graph.objects(standard, predicate))
            assert languages == Counter({"el": 1, "en": 1}), f"{standard} {predicate}"


def test_every_municipality_is_a_location() -> None:
    """A catalogue names the municipality as dct:spatial, whose DCAT-AP range is dct:Location."""
    graph = rdflib.Graph().parse(CODE_LIST, format="turtle")
    municipalities = set(graph.subjects(SKOS.inScheme, MUNICIPALITY))
    assert len(municipalities) == 332
    assert municipalities == set(graph.subjects(RDF.type, DCTERMS.Location))
