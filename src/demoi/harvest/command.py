"""``demoi harvest ckan PORTAL_URL --municipality CODE``: a CKAN portal's dataset records as
DCAT-AP, published as one graph (or written to ``--out``), with a summary: how many were
harvested, how many per functional area, which are unclassified, and what the source lacked.

Exit codes as every demoi command (``cli.py`` maps demoi's errors): 0 harvested (notes do not
fail it), 1 the portal's answers are wrong or personal data was found, 2 a usage error (bad
option, unknown municipality, a portal that cannot be reached, an id the portal does not
know, a request it refuses).
"""

from __future__ import annotations

import shlex
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import click
import pyoxigraph as ox

from demoi.command_options import base_uri_option, command_settings, opened_store, store_option
from demoi.errors import UsageError
from demoi.harvest.ckan import (
    DEFAULT_ROWS,
    MAX_DATASETS,
    ROWS_MAX,
    Client,
    Note,
    portal_url,
    printable,
)
from demoi.harvest.ckan_dcat import Records, records
from demoi.harvest.publish import dataset_id, guard, publish
from demoi.municipalities import get_municipality

LANGUAGES = ("el", "en")

#: The summary's words; ``{detail}`` is what the note says about the package.
NOTES = {
    "el": {
        "count-changed": "ο αριθμός συνόλων άλλαξε κατά τη συλλογή ({detail})",
        "empty-page": "κενή σελίδα πριν από το τέλος ({detail}); η συλλογή σταμάτησε εκεί",
        "short-page": "σελίδα μικρότερη από όσο ζητήθηκε ({detail}); συνεχίστηκε μετά από αυτήν",
        "duplicate": "το ίδιο σύνολο δύο φορές ({detail}); κρατήθηκε μία",
        "other-municipality": "ανήκει σε άλλον δήμο («{detail}»); παραλείφθηκε",
        "unclassified": "χωρίς λειτουργικό πεδίο ({detail})",
        "no-description": "χωρίς περιγραφή· χρησιμοποιήθηκε ο τίτλος",
        "not-greek": "τίτλος και περιγραφή όχι στα ελληνικά",
        "bad-date": "ημερομηνία που δεν διαβάζεται ({detail})",
        "unknown-frequency": "άγνωστη συχνότητα ενημέρωσης «{detail}»",
        "unknown-personal-data-statement": "«{detail}» δεν λέει ναι ή όχι για δεδομένα "
        "προσωπικού χαρακτήρα",
        "no-personal-data-statement": "δεν δηλώνει αν προέρχεται από δεδομένα προσωπικού "
        "χαρακτήρα (cat:containsPersonalData)",
        "person-name-left-out": "όνομα φυσικού προσώπου ({detail}) δεν δημοσιεύθηκε",
        "person-email-left-out": "e-mail που δεν είναι υπηρεσιακό ({detail}) δεν δημοσιεύθηκε",
        "no-licence": "χωρίς ανοικτή άδεια του καταλόγου της ΕΕ ({detail})",
        "no-distribution": "χωρίς διανομές (πόρους)",
        "no-access-url": "διανομή χωρίς διεύθυνση ({detail})",
        "unknown-format": "τύπος αρχείου εκτός του καταλόγου της ΕΕ ({detail})",
        "bad-address": "διεύθυνση που δεν είναι http(s) ({detail})",
        "bad-iri": "τιμή που δεν είναι έγκυρο IRI ({detail}); παραλείφθηκε",
    },
    "en": {
        "count-changed": "the number of datasets changed during the harvest ({detail})",
        "empty-page": "an empty page before the end ({detail}); the harvest stopped there",
        "short-page": "a page shorter than asked for ({detail}); went on after it",
        "duplicate": "the same dataset twice ({detail}); kept once",
        "other-municipality": "belongs to another municipality («{detail}»); left out",
        "unclassified": "no functional area ({detail})",
        "no-description": "no description; the title was used",
        "not-greek": "title and description not in Greek",
        "bad-date": "a date that cannot be read ({detail})",
        "unknown-frequency": "unknown update frequency «{detail}»",
        "unknown-personal-data-statement": "«{detail}» does not say yes or no to personal data",
        "no-personal-data-statement": "does not say whether it comes from personal data "
        "(cat:containsPersonalData)",
        "person-name-left-out": "a natural person's name ({detail}) was not published",
        "person-email-left-out": "an e-mail address that is not an office's ({detail}) was "
        "not published",
        "no-licence": "no open licence of the EU list ({detail})",
        "no-distribution": "no distributions (resources)",
        "no-access-url": "a distribution without an address ({detail})",
        "unknown-format": "a file type outside the EU list ({detail})",
        "bad-address": "an address that is not http(s) ({detail})",
        "bad-iri": "a value that is not a valid IRI ({detail}); left out",
    },
}
SUMMARY = {
    "el": {
        "harvested": "Συλλέχθηκαν {count} σύνολα δεδομένων από {portal} ({total} στην πύλη).",
        "area": "  {area}: {count}",
        "unclassified": "  χωρίς λειτουργικό πεδίο: {count}",
        "notes": "Παρατηρήσεις ({count}):",
        "published": "Δημοσιεύθηκαν {triples} τριάδες στο {graph}.",
        "written": "Γράφτηκαν {triples} τριάδες στο {out}.",
    },
    "en": {
        "harvested": "Harvested {count} dataset(s) from {portal} ({total} on the portal).",
        "area": "  {area}: {count}",
        "unclassified": "  unclassified: {count}",
        "notes": "Notes ({count}):",
        "published": "Published {triples} triples in {graph}.",
        "written": "Wrote {triples} triples to {out}.",
    },
}


@click.group("harvest")
def harvest() -> None:
    """Harvest dataset records from other catalogues (CKAN portals) as DCAT-AP."""


@harvest.command("ckan")
@click.argument("portal", metavar="PORTAL_URL")
@click.option("--municipality", metavar="CODE", required=True, help="ELSTAT 2021 code, e.g. 0701.")
@click.option("--organization", metavar="SLUG", help="Only this CKAN organisation's datasets.")
@click.option(
    "--rows",
    type=click.IntRange(1, ROWS_MAX),
    default=DEFAULT_ROWS,
    show_default=True,
    help="Datasets asked for per page.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the records as Turtle to this file instead of publishing them.",
)
@click.option(
    "--personal-data",
    type=click.Choice(["no", "yes"]),
    help="State for the datasets whose records do not say it whether they come from personal "
    "data (cat:containsPersonalData); without it they are published without the statement.",
)
@click.option(
    "--max-datasets",
    type=click.IntRange(1),
    default=MAX_DATASETS,
    show_default=True,
    help="Stop with an error when the portal has more datasets than this.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Replace a published harvest even when the portal gives no dataset.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the summary.")
@store_option
@base_uri_option
def ckan(
    portal: str,
    municipality: str,
    organization: str | None,
    rows: int,
    out: Path | None,
    personal_data: str | None,
    max_datasets: int,
    allow_empty: bool,
    lang: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """Harvest the datasets of the CKAN portal at PORTAL_URL (its address, e.g.
    https://opendata.thessaloniki.gr) for the municipality CODE, and publish them as the graph
    {base}graph/CODE/harvest-<portal host>.

    Exit codes: 0 harvested, 1 the portal's answers are wrong or hold personal data, or an
    empty harvest would replace a published one, 2 usage error (bad option, portal
    unreachable, request refused, redirect to another origin, more than --max-datasets).
    """
    settings = command_settings(store=store, base_uri=base_uri)
    language = lang or settings["default_language"]
    started = datetime.now(UTC)
    place = get_municipality(municipality)
    address = portal_url(portal)
    dataset_id(address, organization)  # a bad --organization fails before any request
    if out is not None:
        _check_out(out)
    found = Client(address, max_datasets=max_datasets).search(rows=rows, organization=organization)
    made = records(
        found.packages,
        portal=address,
        base=settings.base_uri,
        municipality=place,
        personal_default=None if personal_data is None else personal_data == "yes",
    )
    made.notes[:0] = found.notes
    if out is not None:
        guard(made, address, language=language)
        try:
            out.write_bytes(_turtle(made))
        except OSError as error:
            raise UsageError(f"cannot write {out}: {error.strerror}") from None
        done = SUMMARY[language]["written"].format(triples=len(made.triples), out=out)
    else:
        label = " ".join(
            ["demoi harvest ckan", shlex.quote(address), f"--municipality {place.code}"]
            + ([f"--organization {shlex.quote(organization)}"] if organization else [])
            + ([f"--personal-data {personal_data}"] if personal_data else [])
            + (["--allow-empty"] if allow_empty else [])
        )
        # A failed harvest leaves nothing behind, not even a new store.
        with opened_store(settings, create=True) as opened:
            published = publish(
                opened,
                made,
                base=settings.base_uri,
                code=place.code,
                portal=address,
                packages=found.packages,
                label=label,
                started=started,
                language=language,
                organization=organization,
                allow_empty=allow_empty,
            )
        done = SUMMARY[language]["published"].format(
            triples=published.triples, graph=published.graph
        )
    click.echo(summary(made, address, found.count, language))
    click.echo(printable(done))


def _check_out(out: Path) -> None:
    """Before the portal is read: a harvest of thousands of packages should not end in
    "no such folder"."""
    folder = out.parent
    if not folder.is_dir():
        raise UsageError(f"--out {out}: the folder {folder} does not exist; nothing was harvested")
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name")


def _turtle(made: Records) -> bytes:
    prefixes = {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "demoi": "https://w3id.org/demoi/def/common#",
        "cat": "https://w3id.org/demoi/def/catalogue#",
        "m8g": "http://data.europa.eu/m8g/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    # Grouped by subject, so that each resource is one Turtle block a person can read.
    ordered = sorted(made.triples, key=lambda triple: str(triple.subject))
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""


def summary(made: Records, portal: str, total: int, language: str) -> str:
    text = SUMMARY[language]
    lines = [text["harvested"].format(count=len(made.outcomes), portal=portal, total=total)]
    areas = Counter(outcome.area for outcome in made.outcomes if outcome.area)
    lines += [text["area"].format(area=area, count=count) for area, count in sorted(areas.items())]
    unclassified = [outcome for outcome in made.outcomes if outcome.area is None]
    if unclassified:
        lines.append(text["unclassified"].format(count=len(unclassified)))
        lines += [f"    {outcome.package} «{outcome.title}»" for outcome in unclassified]
    if made.notes:
        lines.append(text["notes"].format(count=len(made.notes)))
        lines += [f"  {note_text(note, language)}" for note in made.notes]
    # Portal text (titles, ids, notes) reaches the terminal: each line is made printable.
    return "\n".join(printable(line) for line in lines)


def note_text(note: Note, language: str) -> str:
    message = NOTES[language].get(note.kind, note.kind).format(detail=note.detail)
    return f"{note.package}: {message}" if note.package else message
