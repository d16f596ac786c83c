"""Validators of Greek personal identifiers: each a pure function on one string, true only when the
string IS that identifier (its format and, where it has one, its check digit), so that the
detector (``demoi.privacy.detect``) keeps a pattern's candidate only when it validates.

Written here rather than taken from PyPI: python-stdnum covers ΑΦΜ, ΑΜΚΑ and IBAN but not ΑΔΤ,
the Personal Number, Greek phone numbers or plates, and each rule below is a few lines that the
tests check against the published rule; one module keeps the normalisation (prefixes, separators,
Greek/Latin look-alike letters) the same for every identifier.
"""

from __future__ import annotations

import datetime
import re

#: Separators people write inside numbers: spaces (also no-break), dots, dashes.
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]")
#: Latin capitals that look like Greek ones, as written on identity cards and plates.
LATIN_TO_GREEK = dict(zip("ABEZHIKMNOPTYX", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", strict=True))
#: Letters of police identity cards (ΑΔΤ) and vehicle plates: the Greek capitals that have a
#: Latin look-alike, so that the number reads the same in either script.
ID_LETTERS = frozenset(LATIN_TO_GREEK.values())

_AFM_PREFIX = re.compile(r"^(?:EL|GR)", re.IGNORECASE)
_DIGITS = re.compile(r"^[0-9]+$")
_ADT = re.compile(r"^([^\W\d_]{1,2})[ \-]?([0-9]{6})$")
_PERSONAL_NUMBER = re.compile(r"^([0-9A-ZΑ-Ω]{3})[ \-]?(.+)$")
_IBAN_GR = re.compile(r"^GR[0-9]{2}[0-9A-Z]{23}$")
_IBAN_GROUPS = re.compile(
    r"^GR[0-9]{2}(?:(?P<s>[ \-]?)[0-9A-Z]{4}){5}(?P=s)[0-9A-Z]{3}$", re.IGNORECASE
)
_PHONE_PREFIX = re.compile(r"^(?:\+30|0030)[ .\-]?")
#: The area or mobile prefix in brackets: «(691) 2345678», «(2721) 012345».
_PHONE_BRACKETS = re.compile(r"^\(([0-9]{2,5})\)\s?")
_PHONE_GROUPS = re.compile(r"^[0-9]{2,}(?:[ .\-][0-9]{2,})*$")
_MOBILE = re.compile(r"^69[0-9]{8}$")
_LANDLINE = re.compile(r"^2[1-8][0-9]{8}$")
# A practical address syntax (RFC 5322's dot-atom local part, a dotted domain with a top-level
# label of letters), not the full RFC grammar: quoted local parts do not occur in municipal data.
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,}$"
)
_PLATE = re.compile(r"^([^\W\d_]{3})[ \-]?([1-9][0-9]{3})$")


def compact(text: str) -> str:
    """``text`` without the separators people write inside numbers."""
    return _SEPARATORS.sub("", text)


def greek_letters(text: str) -> str:
    """Latin look-alike capitals as the Greek ones (``AK`` -> ``ΑΚ``), other characters kept."""
    return "".join(LATIN_TO_GREEK.get(char, char) for char in text)


def afm_digits(text: str) -> str | None:
    """The nine digits of a tax number written as ``text``, or None when it is not one.

    ΑΦΜ (Αριθμός Φορολογικού Μητρώου), ΑΑΔΕ: nine digits, the ninth the check digit
    ``(Σ_{i=1..8} d_i·2^(9−i) mod 11) mod 10``; the EU VAT form carries the prefix ``EL`` (``GR``
    in some systems); numbers issued before 1998 have eight digits and are written padded with a
    leading 0. ``000000000`` passes the arithmetic but is no number (a placeholder). The rule
    folds remainders 10 and 0 into the same check digit 0, so a change of one digit that moves
    the remainder between them goes unnoticed (``100000090`` and ``100000040`` both pass).
    """
    digits = compact(_AFM_PREFIX.sub("", text.strip()))
    if not _DIGITS.match(digits) or len(digits) not in (8, 9):
        return None
    digits = digits.zfill(9)
    if digits == "000000000" or afm_check_digit(digits[:8]) != int(digits[8]):
        return None
    return digits


def afm_check_digit(first_eight: str) -> int:
    total = sum(int(digit) << (8 - position) for position, digit in enumerate(first_eight))
    return total % 11 % 10


def is_afm(text: str) -> bool:
    """A Greek tax number (ΑΦΜ), see ``afm_digits``."""
    return afm_digits(text) is not None


def is_amka(text: str) -> bool:
    """ΑΜΚΑ (Αριθμός Μητρώου Κοινωνικής Ασφάλισης), ΗΔΙΚΑ: eleven digits, the first six the
    holder's date of birth as DDMMYY, the whole number valid under the Luhn algorithm (ISO/IEC
    7812-1 annex B)."""
    digits = compact(text.strip())
    return (
        bool(_DIGITS.match(digits))
        and len(digits) == 11
        and is_ddmmyy(digits[:6])
        and luhn_valid(digits)
    )


def is_ddmmyy(text: str) -> bool:
    """A calendar date as DDMMYY in the 20th or 21st century (29 February in a leap year)."""
    day, month, year = int(text[:2]), int(text[2:4]), int(text[4:6])
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def luhn_valid(digits: str) -> bool:
    """The Luhn check: doubling every second digit from the right, the digit sum is 0 mod 10."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_adt(text: str) -> bool:
    """ΑΔΤ (Αριθμός Δελτίου Ταυτότητας), Hellenic Police: one or two capitals of Α Β Ε Ζ Η Ι Κ Μ
    Ν Ο Ρ Τ Υ Χ (or their Latin look-alikes) and six digits, e.g. ``ΑΚ 123456``, ``X-654321``."""
    match = _ADT.match(text.strip())
    return match is not None and _id_letters(match[1])


def is_personal_number(text: str) -> bool:
    """The Personal Number (Προσωπικός Αριθμός, ΚΥΑ 2025 under law 4635/2019 art. 20): twelve
    characters, three alphanumerics followed by the holder's nine-digit ΑΦΜ."""
    match = _PERSONAL_NUMBER.match(text.strip().upper())
    if not match:
        return False
    rest = compact(match[2])
    return len(rest) == 9 and is_afm(rest)


def is_iban_gr(text: str) -> bool:
    """A Greek IBAN (ISO 13616, Bank of Greece): 27 characters, ``GR``, two check digits and the
    23-character BBAN (3-digit bank, 4-digit branch, 16-character account), written whole or in
    groups of four; valid when the number (BBAN + ``GR`` + check digits, letters as 10..35) is 1
    modulo 97 (ISO 7064 MOD 97-10)."""
    written = text.strip()
    if not _IBAN_GROUPS.match(written):
        return False
    iban = written.replace(" ", "").replace("-", "").upper()
    return bool(_IBAN_GR.match(iban)) and iban_remainder(iban) == 1


def iban_remainder(iban: str) -> int:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97


def phone_digits(text: str) -> str | None:
    """The ten national digits of a Greek phone number written as ``text``, or None.

    National numbering plan (ΕΕΤΤ): ten digits; mobile numbers start with 69, landlines with 2
    and the area code (21 Athens … 28 Crete). The country code is written ``+30`` or ``0030``;
    the digits may be grouped with spaces or dashes (one kind of separator per number, groups of
    two digits or more: «21 1 1 1 1 1 1 1 1» is a list of numbers); dots separate groups too
    («69.1234.5678») and the prefix may be in brackets («+30 (691) 2345678»).
    """
    written = _PHONE_PREFIX.sub("", text.strip())
    written = _PHONE_BRACKETS.sub(r"\1 ", written)
    if not _PHONE_GROUPS.match(written) or sum(sep in written for sep in " .-") > 1:
        return None
    if "." in written and not _dotted_phone(written):
        return None
    digits = written.replace(" ", "").replace("-", "").replace(".", "")
    return digits if _MOBILE.match(digits) or _LANDLINE.match(digits) else None


def _dotted_phone(written: str) -> bool:
    """«69.1234.5678» is a phone; «24535935.41» (a decimal) and «2.123.456.789» (thousands)
    are amounts: a phone has two dots or more, and groups other than thousands'."""
    groups = written.split(".")
    return len(groups) > 2 and not all(len(group) == 3 for group in groups[1:])


def is_mobile(text: str) -> bool:
    digits = phone_digits(text)
    return digits is not None and digits.startswith("69")


def is_landline(text: str) -> bool:
    digits = phone_digits(text)
    return digits is not None and digits.startswith("2")


def is_phone(text: str) -> bool:
    """A Greek mobile or landline number, see ``phone_digits``."""
    return phone_digits(text) is not None


def is_email(text: str) -> bool:
    """An e-mail address: ``local@domain`` (see ``_EMAIL`` for the syntax accepted)."""
    written = text.strip()
    return len(written) <= 254 and bool(_EMAIL.match(written))


def is_vehicle_plate(text: str) -> bool:
    """A Greek vehicle plate (ΚΟΚ, Υπουργείο Μεταφορών): three capitals of the plate alphabet
    (Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ or their Latin look-alikes) and four digits not starting with 0,
    e.g. ``ΙΚΒ-1234``, ``ZKN 4821``."""
    match = _PLATE.match(text.strip())
    return match is not None and _id_letters(match[1])


def _id_letters(letters: str) -> bool:
    """Letters of the plate alphabet, in either case: people write plates in lower case too."""
    return all(char in ID_LETTERS for char in greek_letters(letters.upper()))
