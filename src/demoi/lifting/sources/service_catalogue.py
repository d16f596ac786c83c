"""A municipality's catalogue of services («Υπηρεσίες», «Ηλεκτρονικές υπηρεσίες») as its website
exports it in JSON: a list of services, bare or under a key (``{"nodes": [{"node": {…}}]}`` as
Drupal views write it, ``{"services": […]}``, ``{"data": […]}``), with Greek, English or
Greeklish field names («Τίτλος», ``title``, ``field_epipedo``). The descriptor's columns name the
fields of a service and the names they go by; what a field holds is read the way such sites
write it:

- description: HTML (``<p>…</p>``, ``&nbsp;``) reduced to plain text;
- interactivity level: «Επίπεδο 2», «2», 2 (Ministerial Decision 40055/2011, levels 1 to 3);
- channels: a list of names («Ηλεκτρονικά», «ΚΕΠ», «Αυτοπρόσωπα», «Τηλεφωνικά»...) or of
  objects with a type, a web address, a description and a processing time; a level 2 or 3
  service must have an online channel, as shapes/services.ttl requires;
- cost: «Δωρεάν», «Παράβολο 5,00 €», a number, or objects with an amount and a description;
- processing time and deadline: «20 ημέρες», «10 λεπτά», «2 μήνες», «Αυθημερόν», or an ISO 8601
  duration, as xsd:duration. Working days («20 εργάσιμες ημέρες») have no xsd:duration of
  their own: n working days are written as the calendar days they span, ⌈7n/5⌉ (P28D);
- legal basis: a list (or a «;»-separated text) of references; «ν. 3463/2006, άρθρο 75» is named
  ``id/legal-resource/n-3463-2006-arthro-75`` and keeps its text as label;
- Mitos id: digits, or a Mitos link ending in them;
- supporting documents: names, or objects; «(αναζητείται αυτεπάγγελτα)» after a name, or an
  ex officio flag, marks those the municipality retrieves itself;
- output: a name or a list of names.

Personal data: catalogues often name the employee in charge of a service with a direct phone
and e-mail («Υπεύθυνος», ``field_ypeythynos``); the descriptor names no such field, so they are
never read.

Tables: ``source`` (the services), ``channels``, ``costs``, ``evidence``, ``outputs``,
``legal`` (service -> legal resource) and ``laws`` (one line per legal resource).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError, Location
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._greek import strip_html
from demoi.lifting.sources._jsonpath import Path as JsonPath
from demoi.lifting.sources._jsonpath import dotted, parse_json
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.tabular import Column, Table, decode, normalise_header, read_bytes
from demoi.lifting.values import CONVERTERS
from demoi.transliteration import slug

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

SERVICE_COLUMNS = ["id", "title", "title_en", "description", "level", "processing_time"]
SERVICE_COLUMNS += ["deadline", "mitos"]
TABLES = {
    "channels": ["id", "channel", "type", "url", "description", "processing_time"],
    "costs": ["id", "number", "amount", "description"],
    "evidence": ["id", "number", "title", "ex_officio"],
    "outputs": ["id", "number", "title"],
    "legal": ["id", "law"],
    "laws": ["law", "label"],
}
# Where a list of services may sit in the document.
LIST_KEYS = ("nodes", "services", "υπηρεσίες", "items", "data", "results")


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    data = read_bytes(path)
    text, encoding = decode(data, str(path), options.encoding)
    parts = Parts()
    laws: dict[str, tuple[str, int]] = {}
    for line, where, record in json_records(text, str(path)):
        service = Record(record, line, str(path), where)
        try:
            parts.add(_service(service, mapping.columns, laws))
        except DataError as error:
            record_or_raise(error, [json.dumps(record, ensure_ascii=False)], options.rejects)
        if options.progress is not None and parts.services and len(parts.services) % 1000 == 0:
            options.progress(len(parts.services))
    tables = parts.tables(encoding)
    law_rows = [[law, label] for law, (label, _) in laws.items()]
    law_lines = [line for _, line in laws.values()]
    tables["laws"] = _table(TABLES["laws"], law_rows, law_lines, encoding)
    return SourceData(tables, hashlib.sha256(data).hexdigest(), encoding)


def json_records(text: str, file: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """The services of the document: the line each starts on, its JSON path, its fields."""
    document = parse_json(text, file, advice="is the file complete?")
    where, services = _service_list(document.data, file)
    for index, value in enumerate(services):
        path: JsonPath = (*where, index)
        if isinstance(value, dict) and set(value) == {"node"} and isinstance(value["node"], dict):
            value, path = value["node"], (*path, "node")  # Drupal views: {"node": {…}}
        line = document.line(path) or 1
        if not isinstance(value, dict):
            raise DataError("each service must be a JSON object", location=document.location(path))
        yield line, dotted(path), value


def _service_list(document: Any, file: str) -> tuple[JsonPath, list[Any]]:
    """Where the list of services is in the document (its path), and the list."""
    if isinstance(document, list):
        return (), document
    if isinstance(document, dict):
        for key, value in document.items():
            if normalise_header(key) in map(normalise_header, LIST_KEYS) and isinstance(
                value, list
            ):
                return (key,), value
    raise DataError(
        "the document is neither a list of services nor an object with one under "
        + ", ".join(f'"{key}"' for key in LIST_KEYS),
        location=Location(file, 1),
    )


@dataclass
class Record:
    """One service of the document, its fields looked up by any name they go by."""

    fields: dict[str, Any]
    line: int
    file: str
    #: The JSON path of the service in the document (``nodes[3].node``).
    path: str

    def __post_init__(self) -> None:
        self.index = {normalise_header(key): key for key in self.fields}

    def find(self, column: Column) -> tuple[str, Any]:
        """(the field's name in the document, its value), or (first name, None)."""
        for name in column.headers:
            key = self.index.get(normalise_header(name))
            if key is not None and self.fields[key] not in (None, "", [], {}):
                return key, self.fields[key]
        return column.headers[0], None

    def error(self, name: str, value: Any, expected: str) -> DataError:
        shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
        return DataError(
            f"{shown!r} in field {name!r} is not {expected}",
            location=self.where(name),
        )

    def where(self, name: str) -> Location:
        """The location of the service's field ``name``, by its JSON path."""
        return Location(self.file, self.line, field=f"{self.path}.{name}")


@dataclass
class Service:
    row: list[str]
    line: int
    parts: dict[str, list[list[str]]] = field(default_factory=dict)


@dataclass
class Parts:
    services: list[Service] = field(default_factory=list)

    def add(self, service: Service) -> None:
        self.services.append(service)

    def tables(self, encoding: str) -> dict[str, Table]:
        tables = {
            MAIN_TABLE: _table(
                SERVICE_COLUMNS,
                [s.row for s in self.services],
                [s.line for s in self.services],
                encoding,
            )
        }
        for name, columns in TABLES.items():
            if name == "laws":
                continue
            rows = [(row, s.line) for s in self.services for row in s.parts.get(name, [])]
            tables[name] = _table(columns, [r for r, _ in rows], [n for _, n in rows], encoding)
        return tables


def _table(columns: list[str], rows: list[list[str]], lines: list[int], encoding: str) -> Table:
    return Table(columns, rows, encoding, lines)


def _service(
    record: Record, columns: tuple[Column, ...], laws: dict[str, tuple[str, int]]
) -> Service:
    values: dict[str, tuple[str, Any]] = {}
    for column in columns:
        name, value = record.find(column)
        if value is None and column.required:
            raise DataError(
                f"the service has no field {' / '.join(column.headers)}; every service needs one",
                location=record.where(column.headers[0]),
            )
        values[column.name] = (name, value)
    code = _text(record, *values["id"], "code")
    level = _level(record, *values["level"])
    channels = _channels(record, code, *values["channels"])
    if level in ("2", "3") and not any(channel[2] == "online" for channel in channels):
        name, value = values["channels"]
        raise record.error(
            name,
            value if value is not None else "",
            f"a list with an online channel: level {level} means the service is used online "
            "(add «Ηλεκτρονικά» with its web address, or correct the level)",
        )
    row = [
        code,
        _text(record, *values["title"]),
        _text(record, *values["title_en"]),
        strip_html(_text(record, *values["description"])),
        level,
        _duration(record, *values["processing_time"]),
        _duration(record, *values["deadline"]),
        _mitos(record, *values["mitos"]),
    ]
    references = _legal(record, *values["legal_basis"])
    service = Service(row, record.line)
    service.parts = {
        "channels": channels,
        "costs": _costs(record, code, *values["cost"]),
        "evidence": _evidence(record, code, *values["evidence"]),
        "outputs": [
            [code, str(n), title]
            for n, title in enumerate(_names(record, *values["output"]), start=1)
        ],
        "legal": [[code, law] for law, _ in references],
    }
    for law, reference in references:  # only now that the whole service has been read
        laws.setdefault(law, (reference, record.line))  # a law cited twice keeps its first text
    return service


def _text(record: Record, name: str, value: Any, kind: str = "text") -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise record.error(name, value, "a text")
    return CONVERTERS[kind](str(value))


LEVEL = re.compile(r"^(?:επιπεδο|level)?([123])(?:ο|o)?(?:επιπεδο)?$")


def _level(record: Record, name: str, value: Any) -> str:
    match = LEVEL.match(normalise_header(str(value)))
    if isinstance(value, bool) or not match:
        raise record.error(name, value, "an interactivity level 1, 2 or 3 (e.g. «Επίπεδο 2»)")
    return match[1]


# Channel names, by a part of their name (no accents, lower case); the first match wins, so
# «Ηλεκτρονικό ταχυδρομείο» is e-mail and not online.
CHANNEL_WORDS = (
    ("email", "email"), ("ηλεκτρονικοταχυδρομ", "email"),
    ("κεπ", "kep"), ("κεντροεξυπηρετησησπολιτων", "kep"),
    ("ταχυδρομ", "post"), ("post", "post"),
    ("τηλεφων", "telephone"), ("phone", "telephone"),
    ("ηλεκτρον", "online"), ("διαδικτ", "online"), ("online", "online"), ("govgr", "online"),
    ("web", "online"), ("αυτοπροσωπ", "office"), ("διαζωσησ", "office"), ("γραφει", "office"),
    ("υπηρεσια", "office"), ("office", "office"), ("inperson", "office"),
)  # fmt: skip
CHANNEL_FIELDS: dict[str, tuple[str, ...]] = {
    "type": ("type", "τύπος", "κανάλι", "channel", "name", "όνομα"),
    "url": ("url", "σύνδεσμος", "link", "διεύθυνση"),
    "description": ("description", "περιγραφή", "details", "λεπτομέρειες", "οδηγίες"),
    "processing_time": ("processing_time", "χρόνος διεκπεραίωσης", "χρόνος"),
}
URL = re.compile(r"https?://\S+")


def _channels(record: Record, code: str, name: str, value: Any) -> list[list[str]]:
    found: list[list[str]] = []
    used: dict[str, int] = {}
    for item in _items(value):
        fields = _sub_fields(record, name, item, CHANNEL_FIELDS, "type")
        kind_text = fields["type"]
        key = normalise_header(kind_text)
        kind = next((kind for word, kind in CHANNEL_WORDS if word in key), None)
        if kind is None:
            raise record.error(
                name, kind_text, "a channel such as Ηλεκτρονικά, ΚΕΠ, Αυτοπρόσωπα or Τηλεφωνικά"
            )
        written = URL.search(kind_text)  # «Ηλεκτρονικά: https://…»
        url = fields["url"] or (written[0] if written else "")
        used[kind] = used.get(kind, 0) + 1
        suffix = kind if used[kind] == 1 else f"{kind}-{used[kind]}"
        time = _duration(record, name, fields["processing_time"] or None)
        found.append([code, suffix, kind, url.rstrip(".,;)"), fields["description"], time])
    return found


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return [item for item in value if item not in (None, "")]
    if isinstance(value, str):
        return [part for part in re.split(r"\s*[;\n]\s*", value) if part]
    return [value]


def _sub_fields(
    record: Record, name: str, item: Any, names: dict[str, tuple[str, ...]], main: str
) -> dict[str, str]:
    """A list item's fields: a bare text is its ``main`` field."""
    if isinstance(item, str | int | float) and not isinstance(item, bool):
        return {key: str(item) if key == main else "" for key in names}
    if not isinstance(item, dict):
        raise record.error(name, item, "a text or an object")
    index = {normalise_header(key): value for key, value in item.items()}
    found = {}
    for key, aliases in names.items():
        value = next((index[k] for k in map(normalise_header, aliases) if k in index), None)
        found[key] = "" if value is None else str(value).strip()
    return found


COST_FIELDS: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "ποσό", "value", "τιμή"),
    "description": ("description", "περιγραφή", "αιτιολογία", "τύπος"),
}
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?")
FREE = tuple(
    normalise_header(words)
    for words in ("Δωρεάν", "Χωρίς κόστος", "Χωρίς χρέωση", "Ατελώς", "free")
)


def _costs(record: Record, code: str, name: str, value: Any) -> list[list[str]]:
    found = []
    for number, item in enumerate(_items(value), start=1):
        fields = _sub_fields(record, name, item, COST_FIELDS, "description")
        text = fields["description"]
        if isinstance(item, int | float) and not isinstance(item, bool):
            fields["amount"], text = str(item), f"{item} €"
        amount = _amount(record, name, fields["amount"] or text)
        found.append([code, str(number), amount, text or f"{amount} €"])
    return found


def _amount(record: Record, name: str, text: str) -> str:
    if any(word in normalise_header(text) for word in FREE):
        return "0.0"
    match = AMOUNT.search(text)
    if not match or "-" in text[: match.start()].strip()[-1:]:
        raise record.error(name, text, "an amount in euro such as 5,00 €, or «Δωρεάν»")
    number = match[0]
    if "," in number:
        number = number.replace(".", "").replace(",", ".")
    elif number.count(".") == 1 and len(number.split(".")[1]) == 3:
        number = number.replace(".", "")  # 1.500: thousands, as Greek amounts are written
    return str(Decimal(number))


DURATION_UNITS = (
    ("λεπτ", "M", True), ("minute", "M", True), ("ωρ", "H", True), ("hour", "H", True),
    ("εργασιμ", "working", False), ("ημερ", "D", False), ("μερ", "D", False),
    ("day", "D", False), ("εβδομαδ", "week", False), ("week", "week", False),
    ("μην", "M", False), ("month", "M", False),
)  # fmt: skip
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
SAME_DAY = ("αυθημερον", "sameday")


def _duration(record: Record, name: str, value: Any) -> str:
    """«20 ημέρες» -> P20D, «10 λεπτά» -> PT10M, «20 εργάσιμες ημέρες» -> P28D."""
    if value is None or value == "":
        return ""
    text = str(value).strip()
    if ISO_DURATION.match(text.upper()):
        return text.upper()
    key = normalise_header(text)
    if any(word in key for word in SAME_DAY):
        return "P1D"
    match = re.fullmatch(r"(?:εωσ|μεχρι|upto)?(\d+)([^\d]+)", key)  # «έως 20 ημέρες»
    if match:
        amount, unit = int(match[1]), match[2]
        for stem, letter, clock in DURATION_UNITS:
            if unit.startswith(stem):
                return _iso(amount, letter, clock)
    raise record.error(name, value, "a duration such as 20 ημέρες, 10 λεπτά or 2 μήνες")


def _iso(amount: int, unit: str, clock: bool) -> str:
    if unit == "working":
        return f"P{math.ceil(amount * 7 / 5)}D"  # the calendar days n working days span
    if unit == "week":
        return f"P{amount * 7}D"  # xsd:duration has no weeks
    return f"PT{amount}{unit}" if clock else f"P{amount}{unit}"


def _mitos(record: Record, name: str, value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    match = re.fullmatch(r"(?:.*[:/=])?\s*(\d+)/?", text)
    if isinstance(value, bool) or not match:
        raise record.error(name, value, "a Mitos id of digits, such as 123456")
    return match[1]


EVIDENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "τίτλος", "name", "όνομα", "δικαιολογητικό"),
    "ex_officio": ("ex_officio", "αυτεπάγγελτα", "αναζητείται αυτεπάγγελτα"),
}
EX_OFFICIO = re.compile(r"\s*\((?:αναζητείται\s+)?αυτεπάγγελτα\)\s*$", re.IGNORECASE)


def _evidence(record: Record, code: str, name: str, value: Any) -> list[list[str]]:
    found = []
    for number, item in enumerate(_items(value), start=1):
        fields = _sub_fields(record, name, item, EVIDENCE_FIELDS, "title")
        title, marked = (
            EX_OFFICIO.sub("", fields["title"]),
            bool(EX_OFFICIO.search(fields["title"])),
        )
        flag = fields["ex_officio"].casefold()
        ex_officio = "true" if marked or flag in ("true", "1", "ναι", "yes") else "false"
        if not marked and flag in ("", "none"):
            ex_officio = ""
        if not title:
            raise record.error(name, item, "a supporting document with a name")
        found.append([code, str(number), title, ex_officio])
    return found


def _names(record: Record, name: str, value: Any) -> list[str]:
    names = []
    for item in _items(value):
        fields = _sub_fields(record, name, item, {"title": EVIDENCE_FIELDS["title"]}, "title")
        if fields["title"]:
            names.append(fields["title"])
    return names


LAW = re.compile(
    r"^(?P<kind>ν\.?δ\.?|π\.?δ\.?|ν\.?|κ\.?υ\.?α\.?|υ\.?α\.?)\s*(?P<number>[\d.]+)\s*/\s*(?P<year>\d{4})"
    r"(?:.*?(?:άρθρο|άρθ\.|αρθρ\.|αρ\.)\s*(?P<article>\d+\w?))?",
    re.IGNORECASE,
)


def law_slug(reference: str) -> str:
    """«ν. 3463/2006, άρθρο 75» -> n-3463-2006-arthro-75; other references: their slug."""
    match = LAW.match(reference.strip())
    if not match:
        return slug(reference)
    kind = slug(match["kind"]).replace("-", "")
    parts = [kind, match["number"].replace(".", ""), match["year"]]
    if match["article"]:
        parts += ["arthro", slug(match["article"])]
    return "-".join(parts)


def _legal(record: Record, name: str, value: Any) -> list[tuple[str, str]]:
    """(legal-resource slug, reference as written) for each reference of the service."""
    found = []
    for item in _items(value):
        if not isinstance(item, str):
            raise record.error(name, item, "a legal reference such as «ν. 3463/2006»")
        reference = " ".join(item.split())
        found.append((law_slug(reference), reference))
    return found
