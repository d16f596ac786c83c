"""Greek to Latin script by ELOT 743:2001, the Greek standard identical to ISO 843:1997 type 1
(transcription), the romanisation the Greek state uses for names (passports, road signs).

Used for the English names of the municipalities code list (``tools/derive_codelists.py``
checks the curated names against :func:`romanise`) and for IRI segments minted from Greek text
(:func:`slug`).

Written here rather than taken from PyPI: the packages that claim ELOT 743 (``Romanize`` 1.0.2,
``greek-to-greeklish`` 0.0.8) are unmaintained and get it wrong (``αυ`` at the end of a word,
``μπ`` at its end, a JavaScript interpreter as a dependency). The rules (ELOT 743 table 1):

* one letter each: α a, β v, γ g, δ d, ε e, ζ z, η i, θ th, ι i, κ k, λ l, μ m, ν n, ξ x, ο o,
  π p, ρ r, σ/ς s, τ t, υ y, φ f, χ ch, ψ ps, ω o;
* ``ου`` ou; ``αυ``, ``ευ``, ``ηυ`` av, ev, iv before a vowel or β γ δ ζ λ μ ν ρ, else (before a
  voiceless consonant or at the end of the word) af, ef, if;
* ``γγ`` ng, ``γξ`` nx, ``γχ`` nch, ``γκ`` gk; ``μπ`` b at the start or the end of a word, mp
  inside it;
* a diaeresis keeps a vowel apart: ``ϊ``/``ϋ`` are i/y and form no pair («Προϋπολογισμός» ->
  Proypologismos); other accents are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LETTERS = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)
_BEFORE_V = set("αεηιουωβγδζλμνρ")  # after αυ/ευ/ηυ these give v; anything else gives f
_NASAL_GAMMA = {"γγ": "ng", "γξ": "nx", "γχ": "nch", "γκ": "gk"}
_DIAERESIS = "\u0308"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class _Letter:
    """A base letter of the text, with what the rules need of its marks and case."""

    char: str
    upper: bool
    diaeresis: bool


def romanise(text: str) -> str:
    """``text`` in Latin script by ELOT 743, keeping the case of each word: «Καλαμάτα» ->
    Kalamata, «ΘΕΣΣΑΛΟΝΙΚΗ» -> THESSALONIKI, «Μπουμπουλίνας» -> Boumpoulinas. Characters
    that are not Greek are kept (without their accents)."""
    letters = _letters(text)
    out: list[str] = []
    position = 0
    while position < len(letters):
        latin, used = _group(letters, position)
        out.append(_cased(latin, letters, position))
        position += used
    return "".join(out)


def slug(text: str) -> str:
    """A lower-case ASCII IRI segment: «ΥΠΠΟ/ΑΡΧ/Β1/Φ30» -> ``yppo-arch-v1-f30``,
    «Μπουζίκη & Αθαν. Καρπενησιώτη» -> ``bouziki-athan-karpenisioti``."""
    return "-".join(_WORD.findall(romanise(text).lower()))


def without_accents(text: str) -> str:
    """``text`` without accents, diaereses or any other combining mark: «Χαϊδαρίου» ->
    Χαιδαριου, for matching names however they are accented."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _letters(text: str) -> list[_Letter]:
    letters: list[_Letter] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if char == _DIAERESIS and letters:
                last = letters[-1]
                letters[-1] = _Letter(last.char, last.upper, diaeresis=True)
            continue
        letters.append(_Letter(char.lower(), char.isupper(), diaeresis=False))
    return letters


def _group(letters: list[_Letter], position: int) -> tuple[str, int]:
    """The Latin of the letter or pair of letters at ``position``, and how many it took."""
    char = letters[position].char
    following = letters[position + 1] if position + 1 < len(letters) else None
    pair = char + following.char if following and not following.diaeresis else ""
    if pair == "ου":
        return "ou", 2
    if pair in ("αυ", "ευ", "ηυ"):
        after = letters[position + 2].char if position + 2 < len(letters) else ""
        return _LETTERS[char] + ("v" if after in _BEFORE_V else "f"), 2
    if pair in _NASAL_GAMMA:
        return _NASAL_GAMMA[pair], 2
    if pair == "μπ":
        at_start = position == 0 or not letters[position - 1].char.isalpha()
        at_end = position + 2 == len(letters) or not letters[position + 2].char.isalpha()
        return ("b" if at_start or at_end else "mp"), 2
    return _LETTERS.get(char, char), 1


def _cased(latin: str, letters: list[_Letter], position: int) -> str:
    """``latin`` in the case of the Greek it stands for: all capitals inside a word written in
    capitals (ΘΕΣΣΑΛΟΝΙΚΗ -> THESSALONIKI), else only its first letter (Θεσσαλονίκη)."""
    if not letters[position].upper:
        return latin
    neighbours = [
        letters[index]
        for index in (position + 1, position - 1)
        if 0 <= index < len(letters) and letters[index].char.isalpha()
    ]
    if neighbours and neighbours[0].upper:
        return latin.upper()
    return latin[:1].upper() + latin[1:]
