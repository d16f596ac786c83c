"""The documentation site's pages as HTML, for the written site (``demoi vocab docs --out``)
and for the server (``/standards/…``): the same templates, with links made by a ``Links``.

The written site has one page set per language, ``el/`` and ``en/``, with relative links (it
works from ``file://``) and a bilingual ``index.html`` at its top; the served pages follow
``?lang=``. Pages carry their style inline and load nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import jinja2

from demoi.errors import UsageError
from demoi.vocab.diagram import svg
from demoi.vocab.docs_terms import Ref, Target
from demoi.vocab.site import Site

LANGUAGES = ("el", "en")
#: Written into the folder of a written site, so that a later run knows it may replace it.
MARKER = ".demoi-vocab-docs"

TEXT = {
    "el": {
        "site": "Τα πρότυπα του demoi",
        "intro": "Τα λεξιλόγια, οι κατάλογοι κωδικών και τα προφίλ εφαρμογής SHACL του demoi, "
        "ένα πεδίο ανά σελίδα.",
        "areas": "Λειτουργικά πεδία και λεξιλόγια",
        "code_lists": "Κατάλογοι κωδικών",
        "changelog": "Αλλαγές (changelog)",
        "index": "Ευρετήριο",
        "switch": "English",
        "home": "Αρχική demoi",
        "overview": "Επισκόπηση",
        "diagram": "Διάγραμμα κλάσεων",
        "no_diagram": "Το λεξιλόγιο δεν ορίζει κλάσεις.",
        "classes": "Κλάσεις",
        "properties": "Ιδιότητες",
        "others": "Άλλοι όροι",
        "concepts": "Έννοιες",
        "reused": "Όροι που επαναχρησιμοποιούνται",
        "reused_intro": "Όροι άλλων λεξιλογίων που δηλώνονται εδώ με ελληνική και αγγλική "
        "ετικέτα· ορίζονται από τους κατόχους τους.",
        "rules": "Κανόνες (σχήματα SHACL)",
        "no_rules": "Κανένα προφίλ SHACL για αυτό το λεξιλόγιο.",
        "node_rules": "Σχήματα κόμβων",
        "property_rules": "Κανόνες ιδιοτήτων",
        "examples": "Παραδείγματα",
        "no_examples": "Κανένα παράδειγμα: τα παραδείγματα (tests/cases/shapes/) δεν "
        "περιλαμβάνονται σε αυτή την εγκατάσταση.",
        "none_for_area": "Κανένα έγκυρο παράδειγμα για αυτό το πεδίο.",
        "more_lines": "… και {n} ακόμη γραμμές",
        "none": "Κανένας.",
        "file": "Αρχείο",
        "files": "Αρχεία",
        "iri": "IRI",
        "prefix": "Πρόθεμα",
        "severity": "σοβαρότητα",
        "message": "Μήνυμα",
        "targets": "Στόχος",
        "property_shapes": "Κανόνες ιδιοτήτων",
        "used_by": "Χρησιμοποιείται από",
        "rules_of": "Οι κανόνες του πεδίου",
        "all_terms": "ολόκληρη η σελίδα του πεδίου",
        "terms": "όροι",
        "concept_count": "έννοιες",
        "notation": "Κωδικός",
        "label": "Όνομα",
        "no_releases": "Δεν έχει γίνει ακόμη καμία έκδοση των προτύπων.",
        "release": "Έκδοση",
        "data_view": "όλες οι τριάδες",
        "not_found": "Η σελίδα δεν υπάρχει",
        "not_found_text": "Τα πρότυπα δεν έχουν τέτοια σελίδα. Δείτε το ευρετήριο.",
    },
    "en": {
        "site": "The demoi standards",
        "intro": "demoi's vocabularies, code lists and SHACL application profiles, one area per "
        "page.",
        "areas": "Functional areas and vocabularies",
        "code_lists": "Code lists",
        "changelog": "Changelog",
        "index": "Index",
        "switch": "Ελληνικά",
        "home": "demoi home",
        "overview": "Overview",
        "diagram": "Class diagram",
        "no_diagram": "The vocabulary defines no classes.",
        "classes": "Classes",
        "properties": "Properties",
        "others": "Other terms",
        "concepts": "Concepts",
        "reused": "Reused terms",
        "reused_intro": "Terms of other vocabularies declared here with a Greek and English "
        "label; their owners define them.",
        "rules": "Rules (SHACL shapes)",
        "no_rules": "No SHACL profile for this vocabulary.",
        "node_rules": "Node shapes",
        "property_rules": "Property rules",
        "examples": "Examples",
        "no_examples": "No examples: the example cases (tests/cases/shapes/) are not part of "
        "this installation.",
        "none_for_area": "No valid example for this area.",
        "more_lines": "… and {n} more lines",
        "none": "None.",
        "file": "File",
        "files": "Files",
        "iri": "IRI",
        "prefix": "Prefix",
        "severity": "severity",
        "message": "Message",
        "targets": "Target",
        "property_shapes": "Property rules",
        "used_by": "Used by",
        "rules_of": "The rules of the area",
        "all_terms": "the whole page of the area",
        "terms": "terms",
        "concept_count": "concepts",
        "notation": "Code",
        "label": "Name",
        "no_releases": "No release of the standards has been made yet.",
        "release": "Release",
        "data_view": "all statements",
        "not_found": "No such page",
        "not_found_text": "The standards have no such page. See the index.",
    },
}


class Links(Protocol):
    language: str

    def page(self, key: str, language: str | None = None) -> str: ...

    def target(self, target: Target, current: str) -> str: ...

    def data_view(self, iri: str) -> str | None: ...

    def home(self) -> str | None: ...


def _anchor(anchor: str | None) -> str:
    return "#" + quote(anchor, safe="-._~!$&'()*+,;=:@/?") if anchor else ""


#: File names of the written site that are not an area's: an area whose name would be one of
#: them (or starts like a code list's) is written as ``area-<slug>.html`` instead.
_RESERVED = ("index", "changelog")


def file_name(key: str) -> str:
    """The page's file in a language folder; distinct for distinct keys, so no page overwrites
    another (an area ``index`` or ``code-kae`` included)."""
    if key in _RESERVED:
        return f"{key}.html"
    kind, _, slug = key.partition("/")
    if kind == "code":
        return f"code-{slug.replace('%', '%25').replace('/', '%2F')}.html"
    if slug in _RESERVED or slug.startswith(("code-", "area-")):
        return f"area-{slug}.html"
    return f"{slug}.html"


def _file_href(key: str) -> str:
    """A relative link to the page's file: its name URL-quoted (``%``, ``#``, ``?``)."""
    return quote(file_name(key), safe="")


class WrittenLinks:
    """Relative links between the files of one language's folder."""

    def __init__(self, language: str) -> None:
        self.language = language

    def page(self, key: str, language: str | None = None) -> str:
        if language and language != self.language:
            return f"../{language}/{_file_href(key)}"
        return _file_href(key)

    def target(self, target: Target, current: str) -> str:
        here = "" if target.page == current and target.anchor else _file_href(target.page)
        return here + _anchor(target.anchor)

    def data_view(self, iri: str) -> str | None:
        return None

    def home(self) -> str | None:
        return None


class ServedLinks:
    """Links of the server's ``/standards/…`` pages, with ``?lang=``."""

    def __init__(self, root: str, language: str) -> None:
        self.root, self.language = root.rstrip("/"), language

    def page(self, key: str, language: str | None = None) -> str:
        path = "/" if key == "index" else "/" + quote(key.removeprefix("area/"))
        return f"{self.root}/standards{path}?lang={language or self.language}"

    def target(self, target: Target, current: str) -> str:
        here = "" if target.page == current and target.anchor else self.page(target.page)
        return here + _anchor(target.anchor)

    def data_view(self, iri: str) -> str | None:
        return f"{self.root}/resource?iri={quote(iri, safe='')}&lang={self.language}"

    def home(self) -> str | None:
        return f"{self.root}/?lang={self.language}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("demoi.vocab", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["web_iri"] = is_web_iri
    return env


def is_web_iri(iri: object) -> bool:
    """Only http(s) IRIs become links: another scheme (``javascript:``) from a standards tree
    would run in a page of the written site, which has no CSP."""
    return isinstance(iri, str) and iri.startswith(("http://", "https://"))


class Renderer:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.env = environment()

    def keys(self) -> Iterator[str]:
        yield "index"
        yield "changelog"
        for area in self.site.areas:
            yield area.key
        for code_list in self.site.code_lists:
            yield code_list.key

    def render(self, key: str, links: Links, rules_first: bool = False) -> str | None:
        """The page ``key`` in the links' language; None for a page the site does not have."""
        language = links.language
        context = {
            "site": self.site,
            "lang": language,
            "other": "en" if language == "el" else "el",
            "text": TEXT[language],
            "links": links,
            "key": key,
            "href": lambda ref: self._href(ref, links, key),
            "rules_first": rules_first,
        }
        if key == "index":
            return self.env.get_template("index.html").render(context)
        if key == "changelog":
            return self.env.get_template("changelog.html").render(context)
        kind, _, slug = key.partition("/")
        if kind == "area" and (area := self.site.area(slug)) is not None:
            diagram = None
            if not area.diagram.empty:
                title = area.title[language]
                diagram = svg(
                    area.diagram, language, title, lambda iri: self._iri_href(iri, links, key)
                )
            return self.env.get_template("area.html").render(context, area=area, diagram=diagram)
        if kind == "code" and (code_list := self.site.code_list(slug)) is not None:
            return self.env.get_template("codelist.html").render(context, page=code_list)
        return None

    def not_found(self, key: str, links: Links) -> str:
        """The page for a key the site does not have (the server's 404)."""
        language = links.language
        return self.env.get_template("not_found.html").render(
            site=self.site,
            lang=language,
            other="en" if language == "el" else "el",
            text=TEXT[language],
            links=links,
            key=key,
            rules_first=False,
        )

    def _href(self, ref: Ref, links: Links, current: str) -> str | None:
        if ref.target is not None:
            return links.target(ref.target, current)
        return ref.iri if is_web_iri(ref.iri) else None

    def _iri_href(self, iri: str, links: Links, current: str) -> str | None:
        target = self.site.index.get(iri)
        if target is not None:
            return links.target(target, current)
        return iri if is_web_iri(iri) else None

    def chooser(self) -> str:
        return self.env.get_template("chooser.html").render(text=TEXT, site=self.site)


def write_site(site: Site, out: Path) -> int:
    """Write the site into ``out`` (created, or replaced when it holds an earlier site), and
    return the number of pages. Everything is written to a folder beside ``out`` first, so a
    failure leaves ``out`` as it was.

    Raises UsageError when ``out`` is a file, a symbolic link, ``.``/``..`` or the folder the
    command runs in (or holds it), a non-empty folder that is not a site this command wrote
    (it would delete what is there), or a place that cannot be written (its parent is a file,
    or not writable).
    """
    out = _check_out(out)
    renderer = Renderer(site)
    staging = _staging(out)
    try:
        pages = 0
        for language in LANGUAGES:
            folder = staging / language
            folder.mkdir()
            for key in renderer.keys():
                html = renderer.render(key, WrittenLinks(language))
                assert html is not None
                (folder / file_name(key)).write_text(html, encoding="utf-8")
                pages += 1
        (staging / "index.html").write_text(renderer.chooser(), encoding="utf-8")
        (staging / MARKER).write_text("written by demoi vocab docs\n", encoding="utf-8")
        staging.chmod(0o755)
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return pages


def _check_out(given: Path) -> Path:
    """The folder to write, made absolute, once it is one the command may replace."""
    if given.name in ("", ".", ".."):
        raise UsageError(
            f"--out {given}: name the site's folder, not . or .. / δώστε το όνομα του φακέλου"
        )
    if given.is_symlink():
        raise UsageError(
            f"--out {given} is a symbolic link; give the folder itself / είναι συμβολικός σύνδεσμος"
        )
    out = Path.cwd() / given  # not resolve(): a symlink in it must not be followed
    if Path.cwd().resolve().is_relative_to(out.resolve()):
        raise UsageError(
            f"--out {given} is or holds the current folder, which the site would replace / "
            "περιέχει τον τρέχοντα φάκελο"
        )
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {given} is a file; give a folder for the site / είναι αρχείο")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UsageError(
            f"--out {given} is a folder that holds other files; give an empty or new folder, "
            "or one an earlier `demoi vocab docs` wrote (which is replaced) / "
            "ο φάκελος περιέχει άλλα αρχεία"
        )
    return out


def _staging(out: Path) -> Path:
    """A new folder beside ``out``, made with its missing parents."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as error:
        raise UsageError(
            f"--out {out}: cannot write there ({error.strerror or error}) / "
            "δεν μπορεί να γραφτεί εκεί"
        ) from None


def _replace(staging: Path, out: Path) -> None:
    if out.exists():
        old = out.with_name(f".{out.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        staging.rename(out)
        shutil.rmtree(old)
    else:
        staging.rename(out)
