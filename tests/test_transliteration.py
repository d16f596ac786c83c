"""Greek to Latin by ELOT 743 / ISO 843 (demoi.transliteration): the one romanisation the code
lists and the minted IRIs share."""

from __future__ import annotations

import pytest

from demoi.transliteration import romanise, slug, without_accents


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Καλαμάτα", "Kalamata"),
        ("ΘΕΣΣΑΛΟΝΙΚΗ", "THESSALONIKI"),
        ("Θεσσαλονίκη", "Thessaloniki"),
        ("Ψαχνά", "Psachna"),
        ("Χαλκίδα", "Chalkida"),
        # αυ, ευ, ηυ: v before a vowel or a voiced consonant, f before a voiceless one or at the end
        ("Αυλίδα", "Avlida"),
        ("Ευκλείδου", "Efkleidou"),
        ("Ευρώτα", "Evrota"),
        ("Ηύρα", "Ivra"),
        ("Βασιλεύς", "Vasilefs"),
        ("Ζευ", "Zef"),
        # γ before γ, ξ, χ, κ
        ("Μεσολογγίου", "Mesolongiou"),
        ("Σφίγξ", "Sfinx"),
        ("Εκσυγχρονισμός", "Eksynchronismos"),
        ("Αγκίστρι", "Agkistri"),
        # μπ: b at the start and the end of a word, mp inside it
        ("Μπουμπουλίνας", "Boumpoulinas"),
        ("ΜΠΛΕ", "BLE"),
        ("Λάμπρος", "Lampros"),
        ("ΕΜΠ", "EB"),
        ("«μπλε»", "«ble»"),
        # a diaeresis keeps the vowel apart
        ("Προϋπολογισμός", "Proypologismos"),
        ("Ευϋδρία", "Evydria"),
        ("Κορωνέϊκη", "Koroneiki"),
        ("Αχαΐας", "Achaias"),
        ("Ντίνος", "Ntinos"),
    ],
)
def test_romanise_follows_elot_743(greek: str, latin: str) -> None:
    assert romanise(greek) == latin


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ΕΓΝΑΤΙΑΣ", "egnatias"),
        ("25ης ΜΑΡΤΙΟΥ", "25is-martiou"),
        ("ΝΕΟΥ ΔΗΜΑΡΧΕΙΟΥ", "neou-dimarcheiou"),
        ("Αγίας Σοφίας", "agias-sofias"),
        ("Πλ. Δημοκρατίας", "pl-dimokratias"),
        ("ΥΠΠΟ/ΑΡΧ/Β1/Φ30", "yppo-arch-v1-f30"),
        ("Μπουζίκη & Αθαν. Καρπενησιώτη", "bouziki-athan-karpenisioti"),
        ("Café Ωδείο", "cafe-odeio"),
        ("", ""),
    ],
)
def test_slug_is_a_lower_case_ascii_segment(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_without_accents_drops_accents_and_diaereses_only() -> None:
    assert without_accents("Χαϊδαρίου Ηρακλείου café") == "Χαιδαριου Ηρακλειου cafe"
    assert without_accents("ΆΈΉΊΌΎΏ ΪΫ") == "ΑΕΗΙΟΥΩ ΙΥ"
