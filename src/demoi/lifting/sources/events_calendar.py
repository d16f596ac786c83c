"""A municipality's cultural agenda: one line per event, as the culture department keeps it in
Excel (``;``-separated, Windows-1253 or «CSV UTF-8» with a BOM, Greek headers, dates 12/7/2024,
times 21:00, 21.00 or 9:30 μ.μ.) or as the municipal website exports it (``,``-separated UTF-8,
headers such as «Event Start Date», ISO dates, HTML in the description, a price in «Event Cost»).

Each line becomes a Core Public Event (m8g:PublicEvent) whose time (time:hasTime) begins, and
may end, at an instant that is a date (time:inXSDDate) when the agenda gives no time and a date
and time with the Greek UTC offset (time:inXSDDateTimeStamp, +02:00 or +03:00 in summer) when it
does. An end time earlier than the start time on the same day is the next day (a concert that
ends at 00:30). The event kind («Είδος»: Συναυλία, Θέατρο, Έκθεση...) gives a schema.org type;
an unknown kind gives none. «Στο πλαίσιο» names the code of the festival an event belongs to
(m8g:subEvent / m8g:parentEvent), which must be a line of the same file.

The venue («Χώρος») is minted from its name (``id/venue/<municipality>/<slug>``), a
dcterms:Location with that name: agendas name venues, they do not carry the GIS codes of the
places area.

Personal data: an organiser («Διοργανωτής») is published only when it is the municipality (by
its name in the municipality code list: ``id/organisation/<code>``) or recognisably an
organisation (a Σύλλογος, ΔΗΠΕΘΕ, Φιλαρμονική, an acronym...). Anything else may name a natural
person (an artist or a private organiser) and is dropped, so it never reaches the output.

Tables: ``source`` (the events), ``ends`` (the events that have an end), ``venues``,
``organisers`` (one line per event and organiser).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError
from demoi.greek_time import utc_offset
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._delimited import read_delimited
from demoi.lifting.sources._greek import (
    Cell,
    cell_error,
    checked,
    clock,
    new_table,
    rows_of,
    strip_html,
    yes_no,
)
from demoi.lifting.tabular import normalise_header
from demoi.municipalities import municipalities
from demoi.transliteration import slug

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

EVENT_COLUMNS = [
    "code",
    "title",
    "title_en",
    "description",
    "schema_type",
    "free",
    "venue",
    "parent",
    "start_date",
    "start_stamp",
]
END_COLUMNS = ["code", "end_date", "end_stamp"]
VENUE_COLUMNS = ["venue", "name"]
ORGANISER_COLUMNS = ["code", "organiser_municipality", "organiser", "label"]

# The event kinds of municipal agendas, by a stem of their name (no accents, lower case), and
# the schema.org type each gives; the first stem found wins («Παράσταση χορού» is dance).
KINDS = (
    ("φεστιβαλ", "Festival"),
    ("festival", "Festival"),
    ("χορωδ", "MusicEvent"),
    ("χορ", "DanceEvent"),
    ("dance", "DanceEvent"),
    ("συναυλ", "MusicEvent"),
    ("μουσικ", "MusicEvent"),
    ("ρεσιταλ", "MusicEvent"),
    ("music", "MusicEvent"),
    ("concert", "MusicEvent"),
    ("εκθεσ", "ExhibitionEvent"),
    ("exhibition", "ExhibitionEvent"),
    ("κινηματογραφ", "ScreeningEvent"),
    ("προβολ", "ScreeningEvent"),
    ("cinema", "ScreeningEvent"),
    ("screening", "ScreeningEvent"),
    ("θεατρ", "TheaterEvent"),
    ("παρασταση", "TheaterEvent"),
    ("theat", "TheaterEvent"),
)

# Words that make an organiser an organisation (no accents, lower case): a word of the name
# starts with one of these. They are whole words or long stems, so that surnames such as
# Δημόπουλος or Κεντρωτής do not pass for organisations.
ORGANISATION_STEMS = tuple(
    normalise_header(stem)  # as the words are compared: «δήμος» -> «δημοσ»
    for stem in (
    "δημος", "δημου", "δημοτικ", "αντιδημαρχ", "διευθυνσ", "τμημα", "νπδδ", "κοινωφελ",
    "συλλογος", "συλλογου", "σωματειο", "συνδεσμος", "συνδεσμου", "ιδρυμα", "οργανισμο",
    "ενωση", "ενωσης", "εταιρεια", "εταιρειας", "εταιρια", "ομιλος", "ομιλου", "ομαδα",
    "ομαδας", "χορωδια", "ορχηστρα", "φιλαρμονικ", "μουσειο", "μουσειου", "θεατρο", "θεατρου",
    "θεατρικ", "δηπεθε", "κεντρο", "κεντρου", "σχολη", "σχολης", "σχολειο", "πανεπιστημ",
    "περιφερεια", "περιφερειας", "υπουργειο", "εφορεια", "επιμελητηριο", "μητροπολ", "ενορια",
    "λεσχη", "λεσχης", "ινστιτουτο", "φεστιβαλ", "εργαστηρι", "ακαδημια", "βιβλιοθηκη",
    "πολιτιστικ", "πνευματικ",
    )
)  # fmt: skip
COMPANY_FORMS = {"αε", "ικε", "επε", "οε", "εε", "αμκε"}  # Α.Ε., Ι.Κ.Ε., Ε.Π.Ε....
ACRONYM = re.compile(r"^[Α-ΩΆ-ΏA-Z.]{2,10}$")
SEPARATORS = re.compile(r"\s*(?:[;,/&]|\s-\s|\s–\s)\s*")


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    table = read_delimited(path, mapping.columns, options, mapping.delimiter)
    headers = {column.name: column.headers[0] for column in mapping.columns}
    events = checked(
        list(rows_of(table, str(path))), lambda row: _event(row, headers), options.rejects
    )
    events = checked(events, lambda event: _with_parent(event, events, headers), options.rejects)
    return SourceData(
        {
            MAIN_TABLE: new_table(
                EVENT_COLUMNS, [e.row for e in events], [e.line for e in events], table
            ),
            "ends": new_table(
                END_COLUMNS,
                [e.end for e in events if e.end],
                [e.line for e in events if e.end],
                table,
            ),
            "venues": new_table(VENUE_COLUMNS, *_venues(events), table),
            "organisers": new_table(
                ORGANISER_COLUMNS,
                [organiser for e in events for organiser in e.organisers],
                [e.line for e in events for _ in e.organisers],
                table,
            ),
        },
        table.sha256,
        table.encoding,
    )


@dataclass
class Event:
    row: list[str]
    end: list[str] | None
    venue: str
    organisers: list[list[str]]
    cell: Cell

    @property
    def line(self) -> int:
        return self.cell.location().line or 0

    @property
    def cells(self) -> list[str]:
        return self.cell.cells

    @property
    def code(self) -> str:
        return self.row[0]

    @property
    def parent(self) -> str:
        return self.row[EVENT_COLUMNS.index("parent")]


def _event(row: Cell, headers: dict[str, str]) -> Event:
    for column in ("code", "title", "start_date", "venue"):
        if not row[column]:
            raise DataError(
                f"the cell of column {headers[column]!r} is empty; every event needs one",
                location=row.location(headers[column]),
            )
    start = _instant(row, "start_date", "start_time", headers)
    end = _end(row, start, headers)
    venue = slug(row["venue"])
    if not venue:
        raise cell_error(row, headers["venue"], row["venue"], "the name of a venue")
    event = [
        row["code"],
        row["title"],
        row["title_en"],
        strip_html(row["description"]),
        _kind(row["category"]),
        _free(row, headers),
        venue,
        row["parent"],
        *_written(start),
    ]
    ends = [row["code"], *_written(end)] if end else None
    return Event(event, ends, venue, _organisers(row), row)


def _instant(
    row: Cell, date_column: str, time_column: str, headers: dict[str, str]
) -> tuple[datetime.date, str]:
    day = datetime.date.fromisoformat(row[date_column])
    try:
        time_of_day = clock(row[time_column])
    except ValueError as error:
        raise cell_error(row, headers[time_column], row[time_column], str(error)) from None
    if time_of_day == "24:00:00":
        return day + datetime.timedelta(days=1), "00:00:00"
    return day, time_of_day


def _end(
    row: Cell, start: tuple[datetime.date, str], headers: dict[str, str]
) -> tuple[datetime.date, str] | None:
    if not row["end_date"] and not row["end_time"]:
        return None
    if not row["end_date"]:
        # Only an end time: the same day, or the next one if it is earlier than the start.
        day, time_of_day = _instant(row, "start_date", "end_time", headers)
        if start[1] and time_of_day and time_of_day < start[1] and day == start[0]:
            day += datetime.timedelta(days=1)
        end = (day, time_of_day)
    else:
        end = _instant(row, "end_date", "end_time", headers)
    if _sort_key(end) < _sort_key(start):
        column = "end_date" if row["end_date"] else "end_time"
        value = row[column]
        if column == "end_date":
            value = f"{datetime.date.fromisoformat(value):%d/%m/%Y}"
        raise cell_error(row, headers[column], value, f"after the start ({_shown(start)})")
    return end


def _shown(instant: tuple[datetime.date, str]) -> str:
    day, time_of_day = instant
    return f"{day:%d/%m/%Y}" + (f" {time_of_day[:5]}" if time_of_day else "")


def _sort_key(instant: tuple[datetime.date, str]) -> tuple[datetime.date, str]:
    return instant[0], instant[1] or "00:00:00"


def _written(instant: tuple[datetime.date, str]) -> list[str]:
    """[date, date-time stamp]: a whole day is a date, a time a stamp with its UTC offset."""
    day, time_of_day = instant
    if not time_of_day:
        return [day.isoformat(), ""]
    offset = utc_offset(day, datetime.time.fromisoformat(time_of_day))
    return ["", f"{day.isoformat()}T{time_of_day}{offset}"]


def _kind(category: str) -> str:
    key = normalise_header(category)
    return next((schema_type for stem, schema_type in KINDS if stem in key), "")


FREE_WORDS = {
    normalise_header(words)
    for words in ("Ελεύθερη", "Ελεύθερη είσοδος", "Δωρεάν", "Χωρίς εισιτήριο", "free")
}
PAID_WORDS = {
    normalise_header(words) for words in ("Επί πληρωμή", "Εισιτήριο", "Με εισιτήριο", "paid")
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _free(row: Cell, headers: dict[str, str]) -> str:
    """Free entry as xsd:boolean: ΝΑΙ/ΟΧΙ, «Ελεύθερη», «Δωρεάν», or a price (0 is free)."""
    value = row["free"]
    key = normalise_header(value)
    if not key:
        return ""
    if key in FREE_WORDS:
        return "true"
    if key in PAID_WORDS:
        return "false"
    price = NUMBER.search(value)
    if price:
        try:
            return "true" if Decimal(price[0].replace(",", ".")) == 0 else "false"
        except InvalidOperation:
            pass
    try:
        return yes_no(value)
    except ValueError:
        raise cell_error(
            row, headers["free"], value, "ΝΑΙ / ΟΧΙ, «Ελεύθερη», «Δωρεάν» or a price such as 10 €"
        ) from None


def _organisers(row: Cell) -> list[list[str]]:
    found = []
    for name in SEPARATORS.split(row["organiser"]):
        name = name.strip()
        if not name:
            continue
        municipality = _municipality_named(name)
        if municipality:
            found.append([row["code"], municipality, "", ""])
        elif is_organisation(name):
            found.append([row["code"], "", slug(name), name])
        # Otherwise it may be a natural person's name: dropped, never published.
    return found


def is_organisation(name: str) -> bool:
    """Whether an organiser's name is recognisably an organisation's, not a person's."""
    words = [normalise_header(word) for word in name.split()]
    if any(word.startswith(ORGANISATION_STEMS) or word in COMPANY_FORMS for word in words):
        return True
    # A lone acronym in capitals: ΔΗΠΕΘΕ, ΚΕΔΗΚ, ΟΑΕΔ.
    return len(words) == 1 and bool(ACRONYM.match(name))


def _municipality_named(name: str) -> str:
    return municipality_names().get(normalise_header(name), "")


@cache
def municipality_names() -> dict[str, str]:
    """Normalised «Δήμος Καλαμάτας» -> 4401; a name two municipalities share is left out."""
    names: dict[str, str] = {}
    shared = set()
    for code, municipality in municipalities().items():
        plain = re.sub(r"\s*\(.*\)$", "", municipality.label_el)
        for key in {normalise_header(municipality.label_el), normalise_header(plain)}:
            if key in names and names[key] != code:
                shared.add(key)
            names[key] = code
    return {key: code for key, code in names.items() if key not in shared}


def _venues(events: list[Event]) -> tuple[list[list[str]], list[int]]:
    seen: dict[str, list[str]] = {}
    lines = []
    for event in events:
        if event.venue not in seen:
            seen[event.venue] = [event.venue, event.cell["venue"]]
            lines.append(event.line)
    return list(seen.values()), lines


def _with_parent(event: Event, events: list[Event], headers: dict[str, str]) -> Event:
    """An event's «Στο πλαίσιο» must be the code of another event of the file."""
    if event.parent and event.parent == event.code:
        raise cell_error(event.cell, headers["parent"], event.parent, "another event's code")
    if event.parent and event.parent not in {other.code for other in events}:
        raise cell_error(
            event.cell,
            headers["parent"],
            event.parent,
            "the code of another event of this file (the festival it belongs to)",
        )
    return event
