"""Diavgeia OpenData API JSON: a municipality's decisions, as tables for the decisions mapping.

Accepted files (UTF-8 JSON):

* a search response, ``GET /search?org=<uid>&…``: ``{"decisions": [...], "info": {...}}``;
* one decision, ``GET /decisions/{ΑΔΑ}``: ``{"ada": ..., ...}``;
* a JSON array of either, e.g. every page of a search saved in one file.

Tables (each reaches the mapping as ``<name>.csv``; the municipality and year are added):

=============  ============================================================================
decisions      ada, protocol, title, type, class, issued, published, published_at, status,
               version, issuer_municipality, issuer_body, financial_year, register_number, total
versions       ada, version, time, corrects (the current version, and the one it corrects)
units          ada, unit, issuer_municipality, issuer_body
items          ada, item, kae, amount, cpv, beneficiary, beneficiary_person (amountWithKae of
               Β.1.3, sponsor of Β.2.x)
contractors    ada, afm, person (person of Δ.1 / Δ.2.2)
cpvs           ada, cpv (the award's own CPV codes)
commitments    ada, commitment (the Β.1.3 an expense or award rests on)
related        ada, related (relatedDecisions and the other related ΑΔΑ fields)
entities       afm, name (the legal entities named as beneficiaries or contractors)
=============  ============================================================================

What real payloads hold, and what this reader does with it:

* Dates come as epoch milliseconds from the API (``1744848000000``) and as ISO strings from
  clients that re-serialise it (``"2025-04-15T00:00:00+00:00"``, the search sample), or as a date
  with an offset (``"2014-06-30+02:00"``, older responses). All are read; a day (issue date,
  posting date) is taken in Greek local time, since Diavgeia stores the midnight of the issue day
  either in UTC or in Greek time; the posting time is written in UTC.
* ``amount: null``: a commitment's total (``amountWithVAT``) may be null while its lines have
  amounts; the total is then the sum of the lines, which is how Diavgeia's form computes it. A
  null line amount, or a null ``awardAmount``, cannot be made up: the decision is refused.
* ``sponsorAFMName: {}``: a line without a beneficiary; the line is kept without one.
* No ``kae``: Diavgeia requires the KAE code on a commitment's lines (``amountWithKae``) but not
  on the ``sponsor`` lines of Β.2.x, and real payments omit it. A Β.1.3 line without one is
  refused; a Β.2.x line is kept without dec:kae (the recommended profile warns).
* Misplaced values: the awarding body listed among its own contractors (``person`` of Δ.2.2
  holds the body's own ΑΦΜ) or as the beneficiary of its own commitment is left out; an amount
  field holding a tax number or a KAE code, and a ``kae`` field holding a state-budget or ΣΑΕ
  project code, are refused with what was found.
* KAE codes are free text, often with the first parts of the budget line in front
  (``20.6641.0001``, ``02.20.6641.001``): those are dropped and the KAE code is kept. CPV codes
  lose their check digit and description (``79212100-4`` -> ``79212100``).
* ΑΔΑ codes and decision types typed with Latin look-alike letters (``B.1.3``) get their Greek
  letters; a Greek status label (``Αναρτημένη``) becomes Diavgeia's code (``PUBLISHED``).
* A search response that found more decisions than the file holds (``info.total``) is refused:
  publishing replaces the year's graph, and the missing pages would vanish from it.

Personal data: a beneficiary or contractor is an entity of ``entities`` only when it is a legal
entity (see ``_counterparties``). Any other counterparty may be a natural person: its ΑΦΜ as
written goes to ``items.beneficiary_person`` or ``contractors.person``, which the reader declares
personal (``SourceData.personal``), so the personal-data guard (demoi.privacy) refuses the lift
unless the mapping's privacy policy drops or pseudonymises them; the name is never kept. An award
must still name at least one legal entity (the decisions profile). ``signerIds`` identify persons
(Diavgeia's signer records carry first and last names); the post a signer signed as can only be
read from ``GET /organizations/{uid}/signers``, which this reader does not take, so dec:signer is
left out and the recommended shape warns of it.

One organisation per file: a municipality exports its own decisions (``org=<uid>``). The
issuer's ELSTAT code (from the code list's Diavgeia uids) becomes the decision's municipality
as well as ``--municipality``, so an export of another municipality gives two and is refused by
the decisions profile. Related acts of another body are left out: their IRI would need that
body's municipality.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pyoxigraph as ox

from demoi.errors import DataError, Location
from demoi.greek_time import greek_date, in_greek_time
from demoi.lifting.sources import ReadOptions, SourceData
from demoi.lifting.sources._counterparties import (
    Party,
    bodies,
    legal_entity,
    name_words,
    valid_afm,
)
from demoi.lifting.sources._jsonpath import JsonText, diavgeia_text, dotted, parse_json
from demoi.lifting.sources._jsonpath import Path as JsonPath
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.tabular import Table, read_bytes
from demoi.lifting.values import greek_code
from demoi.resources import standards_path

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

DECISION_TYPE = "https://w3id.org/demoi/code/decision-type/"
DEC = "https://w3id.org/demoi/def/decisions#"
CLASSES = {
    "Β.1.3": DEC + "CommitmentDecision",
    "Β.2.1": DEC + "ExpenditureDecision",
    "Β.2.2": DEC + "ExpenditureDecision",
    "Δ.1": DEC + "AwardDecision",
    "Δ.2.2": DEC + "AwardDecision",
}
STATUSES = {
    "PUBLISHED": "PUBLISHED",
    "PENDING_REVOCATION": "PENDING_REVOCATION",
    "REVOKED": "REVOKED",
    "ΑΝΑΡΤΗΜΕΝΗ": "PUBLISHED",
    "ΣΕ ΕΚΚΡΕΜΟΤΗΤΑ ΑΝΑΚΛΗΣΗΣ": "PENDING_REVOCATION",
    "ΑΝΑΚΛΗΘΕΙΣΑ": "REVOKED",
    "ΑΝΑΚΛΗΜΕΝΗ": "REVOKED",
}
ADA = re.compile(r"^[0-9Α-Ω]{4,12}-[0-9Α-Ω]{3}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UID = re.compile(r"^[0-9]{1,12}$")
YEAR = re.compile(r"^(19|20)[0-9]{2}$")
CPV = re.compile(r"^\s*([0-9]{8})(?:-[0-9])?(?:\s.*)?$", re.DOTALL)
KAE_PART = re.compile(r"^[0-9]{1,4}$")
SAE_CODE = re.compile(r"^[0-9]{4}\s*ΣΕ\s*[0-9]{5,8}$")
GREEK_AMOUNT = re.compile(r"^-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+$")
DOT_AMOUNT = re.compile(r"^-?[0-9]+(?:\.[0-9]{1,2})?$")
THOUSANDS = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]{3})+$")
DATE_WITH_OFFSET = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$")

TABLES = {
    "decisions": [
        "ada",
        "protocol",
        "title",
        "type",
        "class",
        "issued",
        "published",
        "published_at",
        "status",
        "version",
        "issuer_municipality",
        "issuer_body",
        "financial_year",
        "register_number",
        "total",
    ],
    "versions": ["ada", "version", "time", "corrects"],
    "units": ["ada", "unit", "issuer_municipality", "issuer_body"],
    "items": ["ada", "item", "kae", "amount", "cpv", "beneficiary", "beneficiary_person"],
    "contractors": ["ada", "afm", "person"],
    "cpvs": ["ada", "cpv"],
    "commitments": ["ada", "commitment"],
    "related": ["ada", "related"],
    "entities": ["afm", "name"],
}

#: The columns of counterparties that may be natural persons (see the module's docstring).
PERSONAL = {("items", "beneficiary_person"): "afm", ("contractors", "person"): "afm"}


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    data = read_bytes(path)
    file = str(path)
    advice = "save the Diavgeia API response as it came"
    source = _Source(parse_json(diavgeia_text(data, file), file, advice=advice))
    tables = _Tables()
    organisation: tuple[str, JsonPath] | None = None
    for number, (where, raw) in enumerate(source.entries(), 1):
        try:
            uid = _Fields(raw, where, source).uid("organizationId")
            organisation = organisation or (uid, where)
            _check_same_organisation(raw, where, uid, organisation, source)
            tables.add(_Decision.parse(raw, where, source), source.line(where))
        except DataError as error:
            record_or_raise(error, _summary(raw), options.rejects)
        if options.progress is not None and number % 1000 == 0:
            options.progress(number)
    return SourceData(
        tables.tables(), hashlib.sha256(data).hexdigest(), "utf-8", personal=dict(PERSONAL)
    )


def _summary(raw: object) -> list[str]:
    """What a rejected decision is, for the rejects file: never a counterparty."""
    if not isinstance(raw, dict):
        return []
    return [str(raw.get(key) or "") for key in ("ada", "decisionTypeId", "organizationId")]


def _check_same_organisation(
    raw: dict[str, Any],
    where: JsonPath,
    uid: str,
    first: tuple[str, JsonPath],
    source: _Source,
) -> None:
    organisation, first_where = first
    if uid != organisation:
        raise source.error(
            (*where, "organizationId"),
            f"decision {raw.get('ada')} is of the Diavgeia organisation {uid}, but the file's "
            f"first decision ({dotted(first_where)}) is of {organisation}: a file holds "
            "one organisation's decisions; search with org=<its uid> (or leave the others out "
            "with --skip-invalid-rows)",
        )


# ---------------------------------------------------------------------------------------------
# The file: its entries and where they are
# ---------------------------------------------------------------------------------------------


class _Source:
    def __init__(self, document: JsonText) -> None:
        self.file = document.file
        self.json = document
        self.document = document.data

    def line(self, where: JsonPath) -> int:
        return self.json.line(where) or 1

    def error(self, where: JsonPath, message: str) -> DataError:
        where_in_file = Location(self.file, self.line(where), field=dotted(where))
        return DataError(message, location=where_in_file)

    def entries(self) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
        """Each decision of the file, with its path; duplicates (overlapping pages) once."""
        seen: dict[str, tuple[str, JsonPath]] = {}
        for where, raw in self._decisions(self.document, ()):
            ada, version = raw.get("ada"), raw.get("versionId")
            if isinstance(ada, str) and ada in seen:
                if seen[ada][0] == version:
                    continue
                raise self.error(
                    where,
                    f"decision {ada} appears twice, with two versions ({seen[ada][0]} at "
                    f"{dotted(seen[ada][1])} and {version}): fetch the pages again so that "
                    "each decision appears once",
                )
            if isinstance(ada, str):
                seen[ada] = (str(version), where)
            yield where, raw

    def _decisions(self, node: object, where: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from self._decisions(item, (*where, index))
        elif isinstance(node, dict) and "decisions" in node:
            decisions = node["decisions"]
            if not isinstance(decisions, list):
                raise self.error((*where, "decisions"), "«decisions» is not a list")
            self._check_complete(node, where)
            for index, item in enumerate(decisions):
                yield self._decision_object(item, (*where, "decisions", index))
        elif isinstance(node, dict) and "ada" in node:
            yield where, node
        else:
            raise self.error(
                where,
                'neither a Diavgeia search response ({"decisions": [...]}) nor a decision '
                '({"ada": ...}) nor a list of them',
            )

    def _decision_object(self, item: object, where: JsonPath) -> tuple[JsonPath, Any]:
        if not isinstance(item, dict):
            raise self.error(where, "a decision is not a JSON object")
        return where, item

    def _check_complete(self, page: dict[str, Any], where: JsonPath) -> None:
        info = page.get("info")
        if not isinstance(info, dict) or not isinstance(info.get("total"), int):
            return
        pages = [
            node
            for node in (self.document if isinstance(self.document, list) else [self.document])
            if isinstance(node, dict)
            and isinstance(node.get("info"), dict)
            and node["info"].get("query") == info.get("query")
        ]
        held = sum(len(node.get("decisions") or []) for node in pages)
        if held < info["total"]:
            raise self.error(
                (*where, "info", "total"),
                f"the search found {info['total']} decisions but the file holds {held}: fetch "
                "every page (page=0, 1, …) and save them together as a JSON array; publishing "
                "replaces the year's graph, and the missing decisions would disappear from it",
            )


# ---------------------------------------------------------------------------------------------
# One decision
# ---------------------------------------------------------------------------------------------


@dataclass
class _Item:
    kae: str
    amount: str
    cpv: str
    beneficiary: Party | None
    #: The ΑΦΜ (or, without one, the name) of a beneficiary that may be a natural person.
    person: str = ""


@dataclass
class _Decision:
    ada: str
    cells: dict[str, str]
    version: str
    version_time: str
    corrects: str
    units: list[str] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    contractors: list[Party] = field(default_factory=list)
    #: Contractors that may be natural persons: their ΑΦΜ as written.
    persons: list[str] = field(default_factory=list)
    cpvs: list[str] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, raw: dict[str, Any], where: JsonPath, source: _Source) -> _Decision:
        fields = _Fields(raw, where, source)
        ada = fields.ada("ada", required=True)
        fields.ada_of_decision = ada
        type_code = fields.decision_type()
        organisation = fields.uid("organizationId")
        issuer_municipality, issuer_afms = _issuer(fields, organisation, ada)
        extra = fields.child("extraFieldValues")
        version = fields.version("versionId", required=True)
        decision = cls(
            ada=ada,
            cells={
                "ada": ada,
                "protocol": fields.text("protocolNumber", required=True),
                "title": fields.text("subject", required=True),
                "type": DECISION_TYPE + quote(type_code, safe="."),
                "class": CLASSES.get(type_code, ""),
                "issued": greek_date(fields.instant("issueDate")).isoformat(),
                "published": greek_date(fields.instant("publishTimestamp")).isoformat(),
                "published_at": _utc_text(fields.instant("publishTimestamp")),
                "status": fields.status(),
                "version": version,
                "issuer_municipality": issuer_municipality,
                "issuer_body": "" if issuer_municipality else organisation,
            },
            version=version,
            version_time=_utc_text(fields.instant("submissionTimestamp", "publishTimestamp")),
            corrects=fields.version("correctedVersionId"),
            units=[fields.uid_at(("unitIds", index)) for index in range(fields.length("unitIds"))],
        )
        _financial(decision, type_code, extra, issuer_afms)
        _links(decision, extra)
        return decision


def _issuer(fields: _Fields, organisation: str, ada: str) -> tuple[str, set[str]]:
    """The issuer's ELSTAT code when it is a municipality, and the tax numbers it goes by."""
    known = bodies()
    if organisation in known.region_uids:
        raise fields.error(
            ("organizationId",),
            f"decision {ada} is of the Diavgeia organisation {organisation}, a region: demoi "
            "publishes here the decisions of a municipality and its legal entities",
        )
    afms = {known.afm_by_uid[organisation]} if organisation in known.afm_by_uid else set()
    org = fields.raw.get("extraFieldValues", {}) or {}
    own = org.get("org") if isinstance(org, dict) else None
    if isinstance(own, dict) and isinstance(own.get("afm"), str):
        afms.add(own["afm"].strip())
    return known.municipality_by_uid.get(organisation, ""), afms


def _financial(decision: _Decision, type_code: str, extra: _Fields, issuer: set[str]) -> None:
    """Amounts, KAE lines, CPV codes and counterparties of Β.1.3, Β.2.x and Δ.x decisions."""
    cells = decision.cells
    year = extra.year("financialYear")
    cells["financial_year"] = year
    cells["register_number"] = ""
    cells["total"] = ""
    if type_code == "Β.1.3":
        cells["register_number"] = extra.text("entryNumber")
        if not year:
            raise extra.error(
                ("financialYear",),
                f"commitment {decision.ada} has no «financialYear»: a commitment is entered in "
                "one year's budget; correct the posting on Diavgeia",
            )
        decision.items = extra.items(
            "amountWithKae", "amountWithVAT", issuer, required=True, kae_required=True
        )
        total = extra.amount("amountWithVAT")
        # amount: null in real postings; Diavgeia's form makes the total the sum of the lines.
        cells["total"] = total or _sum(item.amount for item in decision.items)
    elif type_code in ("Β.2.1", "Β.2.2"):
        # Diavgeia's Β.2.x form leaves «kae» optional on sponsor lines, and real postings omit
        # it: such a line is published without dec:kae and the recommended profile warns.
        decision.items = extra.items("sponsor", "expenseAmount", issuer, required=True)
    elif type_code in ("Δ.1", "Δ.2.2"):
        cells["total"] = extra.amount("awardAmount", required=True)
        decision.contractors, decision.persons = extra.contractors("person", issuer)
        decision.cpvs = extra.cpvs("cpv")


def _links(decision: _Decision, extra: _Fields) -> None:
    """dec:commitment and eli:related_to, to acts of the same body (see the module doc)."""
    for key in ("relatedAnalipsiYpoxreosis", "textRelatedADA"):
        decision.commitments += extra.adas(key)
    for key in ("relatedDecisions", "relatedEkgrisiDapanis", "relatedPartialADA"):
        decision.related += extra.adas(key)
    body = _body_of(decision.ada)
    decision.commitments = _unique(a for a in decision.commitments if _body_of(a) == body)
    decision.related = _unique(
        a
        for a in decision.related
        if _body_of(a) == body and a not in decision.commitments and a != decision.ada
    )


def _body_of(ada: str) -> str:
    """The issuing body's code inside an ΑΔΑ: ΨΚΛ2ΩΞΑ-Ι3Σ -> ΩΞΑ."""
    return ada.split("-")[0][4:]


def _unique(values: Iterator[str] | list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _sum(amounts: Iterator[str]) -> str:
    return _canonical(sum((Decimal(amount) for amount in amounts), Decimal(0)))


# ---------------------------------------------------------------------------------------------
# The fields of a decision, each read with its path for errors
# ---------------------------------------------------------------------------------------------


class _Fields:
    def __init__(self, raw: object, where: JsonPath, source: _Source) -> None:
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self.where = where
        self.source = source
        self.ada_of_decision = ""

    def child(self, key: str) -> _Fields:
        fields = _Fields(self.raw.get(key) or {}, (*self.where, key), self.source)
        fields.ada_of_decision = self.ada_of_decision
        return fields

    def error(self, path: JsonPath, message: str) -> DataError:
        return self.source.error((*self.where, *path), message)

    def _about(self) -> str:
        return f"decision {self.ada_of_decision}: " if self.ada_of_decision else ""

    def _wrong(self, path: JsonPath, value: object, expected: str) -> DataError:
        shown = json.dumps(value, ensure_ascii=False)
        return self.error(path, f"{self._about()}{shown} in «{path[-1]}» is not {expected}")

    def _value(self, path: JsonPath) -> Any:
        node: Any = self.raw
        for part in path:
            if isinstance(part, int):
                node = node[part] if isinstance(node, list) and part < len(node) else None
            else:
                node = node.get(part) if isinstance(node, dict) else None
        return node

    def length(self, key: str) -> int:
        value = self.raw.get(key)
        if value is None:
            return 0
        if not isinstance(value, list):
            raise self._wrong((key,), value, "a list")
        return len(value)

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                raise self.error((key,), f"{self._about()}«{key}» is missing or empty")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self._wrong((key,), value, "text")
        return " ".join(str(value).split())

    def ada(self, key: str, *, required: bool = False) -> str:
        text = self.text(key, required=required)
        return self.ada_text(text, (key,)) if text else ""

    def ada_text(self, text: str, path: JsonPath) -> str:
        code = greek_code(text).replace(" ", "")
        if not ADA.match(code):
            raise self._wrong(
                path,
                text,
                "an ΑΔΑ: Greek capitals and digits, a hyphen and three more, e.g. ΨΚΛ2ΩΞΑ-Ι3Σ",
            )
        return code

    def adas(self, key: str) -> list[str]:
        """Every ΑΔΑ a related-acts field gives: a string, a list of strings or of objects."""
        found: list[str] = []
        for path, value in _strings(self.raw.get(key), (key,)):
            found += [self.ada_text(part, path) for part in re.split(r"[,;\s]+", value) if part]
        return found

    def uid(self, key: str) -> str:
        return self.uid_at((key,))

    def uid_at(self, path: JsonPath) -> str:
        value = self._value(path)
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
        if not UID.match(text):
            raise self._wrong(path, value, "a Diavgeia uid (digits)")
        return text

    def decision_type(self) -> str:
        text = self.text("decisionTypeId", required=True)
        code = greek_code(text).replace(" ", "")
        if code not in decision_types():
            raise self._wrong(
                ("decisionTypeId",),
                text,
                "a Diavgeia decision type that a decision can have "
                "(e.g. Β.1.3, Β.2.1, Δ.1, 2.4.7.1; not the groups 2.4.1–2.4.8)",
            )
        return code

    def status(self) -> str:
        text = self.text("status", required=True)
        found = STATUSES.get(" ".join(name_words(text)))
        if found is None:
            raise self._wrong(("status",), text, "PUBLISHED, PENDING_REVOCATION or REVOKED")
        return found

    def version(self, key: str, *, required: bool = False) -> str:
        text = self.text(key, required=required).lower()
        if text and not UUID.match(text):
            raise self._wrong((key,), self.raw.get(key), "a Diavgeia version UUID")
        return text

    def instant(self, key: str, fallback: str | None = None) -> datetime:
        value = self.raw.get(key)
        if value is None and fallback is not None:
            return self.instant(fallback)
        try:
            return _instant(value)
        except ValueError:
            raise self._wrong(
                (key,),
                value,
                "a time in milliseconds since 1970 (1744848000000) or an ISO "
                "date-time (2025-04-17T10:53:22.831Z)",
            ) from None

    def year(self, key: str) -> str:
        value = self.raw.get(key)
        if value is None or value == "":
            return ""
        text = str(value).strip()
        if isinstance(value, bool) or not YEAR.match(text):
            raise self._wrong((key,), value, "a year such as 2025")
        return text

    def amount(self, key: str, *, required: bool = False) -> str:
        return self.amount_at((key,), required=required)

    def amount_at(self, path: JsonPath, *, required: bool = False) -> str:
        value = self._value(path)
        if isinstance(value, dict):
            currency = value.get("currency")
            if currency not in (None, "EUR"):
                raise self._wrong((*path, "currency"), currency, "EUR")
            path, value = (*path, "amount"), value.get("amount")
        if value is None or value == "":
            if required:
                raise self.error(
                    path,
                    f"{self._about()}«{dotted(path)}» is null: Diavgeia accepts a posting "
                    "without its amount, but demoi cannot publish it; ask the issuing body to "
                    "correct the posting",
                )
            return ""
        try:
            return _amount(value)
        except ValueError as problem:
            raise self._wrong(path, value, str(problem)) from None

    def items(
        self,
        key: str,
        amount_key: str,
        issuer: set[str],
        *,
        required: bool = False,
        kae_required: bool = False,
    ) -> list[_Item]:
        if required and not self.length(key):
            raise self.error(
                (key,),
                f"{self._about()}«{key}» has no lines: a commitment, expenditure or payment "
                "decision states its amounts per KAE code; correct the posting on Diavgeia",
            )
        items = []
        for index in range(self.length(key)):
            line = (key, index)
            amount = self.amount_at((*line, amount_key))
            if not amount:
                raise self.error(
                    (*line, amount_key),
                    f"{self._about()}line {index + 1} of «{key}» has no amount: each amount "
                    "line needs its amount in euro; ask the issuing body to correct the posting",
                )
            sponsor = self._value((*line, "sponsorAFMName"))
            party = _party(sponsor) if isinstance(sponsor, dict) else None
            items.append(
                _Item(
                    kae=self.kae((*line, "kae"), key, index, required=kae_required),
                    amount=amount,
                    cpv=self.cpv_at((*line, "cpv")),
                    beneficiary=None if party is None or party.afm in issuer else party,
                    person=_person(sponsor) if party is None else "",
                )
            )
        return items

    def kae(self, path: JsonPath, key: str, index: int, *, required: bool) -> str:
        value = self._value(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            if not required:
                return ""
            raise self.error(
                path,
                f"{self._about()}line {index + 1} of «{key}» has no «kae»: each line of a "
                "commitment needs the expenditure KAE code its appropriation is committed on "
                "(e.g. 20.6641.0001), which Diavgeia requires; ask the issuing body to correct "
                "the posting",
            )
        text = " ".join(str(value).split())
        try:
            return kae_code(text)
        except ValueError as problem:
            raise self._wrong(path, value, str(problem)) from None

    def cpv_at(self, path: JsonPath) -> str:
        value = self._value(path)
        if value is None or value == "":
            return ""
        match = CPV.match(str(value))
        if isinstance(value, bool) or match is None:
            raise self._wrong(path, value, "a CPV code such as 79212100-4")
        return match.group(1)

    def cpvs(self, key: str) -> list[str]:
        return _unique(self.cpv_at(path) for path, _ in _strings(self.raw.get(key), (key,)))

    def contractors(self, key: str, issuer: set[str]) -> tuple[list[Party], list[str]]:
        found = []
        persons = []
        for index in range(self.length(key)):
            person = self._value((key, index))
            party = _party(person) if isinstance(person, dict) else None
            # The awarding body listed among its own contractors is a misplaced value.
            if party is not None and party.afm not in issuer:
                found.append(party)
            elif party is None and (unknown := _person(person)):
                persons.append(unknown)
        if not found:
            raise self.error(
                (key,),
                f"{self._about()}the award names no contractor that is a legal entity (a "
                "company or a body with its ΑΦΜ): demoi does not publish awards to natural "
                "persons, nor to contractors it cannot tell from one; leave it out with "
                "--skip-invalid-rows",
            )
        return found, persons


def _strings(value: object, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """The strings inside a related-acts or CPV field, with their paths."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))


def _person(raw: object) -> str:
    """What identifies a counterparty that is not a known legal entity: its ΑΦΜ as written, or
    its name when it has no ΑΦΜ ("" for none). The guard decides what becomes of it."""
    if not isinstance(raw, dict):
        return ""
    for key in ("afm", "name"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _party(raw: dict[str, Any]) -> Party | None:
    """A beneficiary or contractor, if a legal entity (personal data are dropped here)."""
    afm, name, kind = raw.get("afm"), raw.get("name"), raw.get("afmType")
    return legal_entity(
        afm if isinstance(afm, str) else None,
        name if isinstance(name, str) else None,
        kind if isinstance(kind, str) else None,
    )


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------


def kae_code(text: str) -> str:
    """The expenditure KAE code of a budget line as Diavgeia gives it: 20.6641.0001 -> 6641.0001,
    02.20.6641.001 -> 6641.001, 6641.01 -> 6641.01. Raises ValueError with what was expected."""
    if SAE_CODE.match(greek_code(text)):
        raise ValueError("a KAE code but a ΣΑΕ project code of the public investment programme")
    parts = [part for part in re.split(r"[.\-/\s]+", text) if part]
    for position, part in enumerate(parts):
        if len(part) == 4 and part.isdigit():
            prefix, rest = parts[:position], parts[position + 1 :]
            if part[0] not in "6789":
                raise ValueError(
                    f"an expenditure KAE code: {part} is a revenue or non-municipal code (an "
                    "expenditure KAE code starts with 6, 7, 8 or 9)"
                )
            if all(p.isdigit() and len(p) <= 2 for p in prefix) and all(
                KAE_PART.match(p) for p in rest
            ):
                return ".".join([part, *rest])
            break
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) >= 8:
        raise ValueError("a municipal KAE code but a state-budget code (ten digits, no dots)")
    raise ValueError("an expenditure KAE code such as 6641.01 or 20.6641.0001")


def _amount(value: object) -> str:
    """Canonical euro amount: 4139.16, 1.604,00 and "4588" all read; a tax number or a KAE
    code in an amount field (a known Diavgeia mistake) is refused."""
    if isinstance(value, bool):
        raise ValueError("an amount in euro")
    if isinstance(value, int | float):
        return _canonical(Decimal(repr(value)))
    if not isinstance(value, str):
        raise ValueError("an amount in euro")
    text = value.replace("€", "").replace("\u00a0", "").replace(" ", "")
    if re.match(r"^[0-9]{9}$", text) and (text.startswith("0") or valid_afm(text)):
        raise ValueError("an amount: it looks like a tax number (ΑΦΜ)")
    if re.match(r"^[0-9]{2}\.[0-9]{4}(\.[0-9]+)*$|^[6-9][0-9]{3}(\.[0-9]{2,4}){2,}$", text):
        raise ValueError("an amount: it looks like a KAE code")
    try:
        if GREEK_AMOUNT.match(text) or THOUSANDS.match(text):
            return _canonical(Decimal(text.replace(".", "").replace(",", ".")))
        if DOT_AMOUNT.match(text):
            return _canonical(Decimal(text))
    except InvalidOperation:
        pass
    raise ValueError("an amount in euro such as 4139.16 or 4.139,16")


def _canonical(amount: Decimal) -> str:
    """At least two decimals, as amounts in euro are written: 4588 -> 4588.00."""
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        amount = amount.quantize(Decimal("0.01"))
    return str(amount)


def _instant(value: object) -> datetime:
    """An instant from epoch milliseconds or an ISO string (UTC when no offset is given is
    wrong for Diavgeia, which writes Greek local time: a bare time is read as Greek time)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, UTC)
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, UTC)
    day = DATE_WITH_OFFSET.match(text)
    if day:
        year, month, date_of_month, offset = day.groups()
        text = f"{year}-{month}-{date_of_month}T00:00:00{offset or ''}"
    moment = datetime.fromisoformat(text)
    return in_greek_time(moment).astimezone(UTC)


def _utc_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@cache
def decision_types() -> frozenset[str]:
    """The types a decision can have: the code list's concepts below the eight groups."""
    store = ox.Store()
    codes = standards_path("ontologies") / "codelists" / "decision-types.ttl"
    store.load(path=str(codes), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?code WHERE { ?type skos:broader ?group ; skos:notation ?code }"""
    )
    assert isinstance(solutions, ox.QuerySolutions)
    return frozenset(row["code"].value for row in solutions)


# ---------------------------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------------------------


class _Tables:
    def __init__(self) -> None:
        self._rows: dict[str, list[list[str]]] = {name: [] for name in TABLES}
        self._lines: dict[str, list[int]] = {name: [] for name in TABLES}
        self._names: dict[str, str] = {}

    def _add(self, table: str, line: int, *cells: str) -> None:
        self._rows[table].append(list(cells))
        self._lines[table].append(line)

    def add(self, decision: _Decision, line: int) -> None:
        ada = decision.ada
        self._add("decisions", line, *(decision.cells[name] for name in TABLES["decisions"]))
        self._add("versions", line, ada, decision.version, decision.version_time, decision.corrects)
        if decision.corrects:
            self._add("versions", line, ada, decision.corrects, "", "")
        issuer = (decision.cells["issuer_municipality"], decision.cells["issuer_body"])
        for unit in _unique(decision.units):
            self._add("units", line, ada, unit, *issuer)
        for number, item in enumerate(decision.items, 1):
            afm = self._party(item.beneficiary, line)
            cells = (item.kae, item.amount, item.cpv, afm, item.person)
            self._add("items", line, ada, str(number), *cells)
        for party in decision.contractors:
            self._add("contractors", line, ada, self._party(party, line), "")
        for person in decision.persons:
            self._add("contractors", line, ada, "", person)
        for cpv in decision.cpvs:
            self._add("cpvs", line, ada, cpv)
        for commitment in decision.commitments:
            self._add("commitments", line, ada, commitment)
        for related in decision.related:
            self._add("related", line, ada, related)

    def _party(self, party: Party | None, line: int) -> str:
        """The legal entity's ΑΦΜ; the entity is described once, by the first name given."""
        if party is None:
            return ""
        if party.afm not in self._names:
            self._names[party.afm] = party.name
            self._add("entities", line, party.afm, party.name)
        return party.afm

    def tables(self) -> dict[str, Table]:
        return {
            name: Table(columns, self._rows[name], "utf-8", self._lines[name])
            for name, columns in TABLES.items()
        }
