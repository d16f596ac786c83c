"""/validate (a page: upload or paste, choose profile and language, read the report) and
POST /api/validate (the same validation for programs, answering the CLI's JSON).

Both read one request the same way (:func:`validation_request`) and run
:func:`demoi.conformance.check` on it; nothing is kept on the server and nothing is written to
the store. The page's download buttons post the same data again to the API with ``format=``.

What is fetched from elsewhere: nothing, unless the operator allow-lists a host. RDF/XML with a
DOCTYPE is refused (as the Graph Store refuses it from the network), a JSON-LD remote
``@context`` is refused by the parser, the ``owl:imports`` of uploaded shapes are followed
only to hosts in the ``allowed_hosts`` setting (:func:`demoi.conformance.read_shapes`), and
their SPARQL may not name another host in SERVICE, LOAD or FROM (the same function).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import RequestEntityTooLarge

from demoi import profiles, validation_report
from demoi.conformance import Outcome, Source
from demoi.conneg import negotiate
from demoi.errors import DemoiError, UsageError
from demoi.server import app_settings, validation_worker
from demoi.server.errors import UnsupportedMediaType
from demoi.server.i18n import LANGUAGES, page_context, page_language

bp = Blueprint("validate_page", __name__)

#: The syntaxes a file or a body may be in: the name conformance.Source takes, and its label.
SYNTAXES = {
    "ttl": "Turtle",
    "nt": "N-Triples",
    "nq": "N-Quads",
    "trig": "TriG",
    "jsonld": "JSON-LD",
    "rdf": "RDF/XML",
}
#: The media type naming each syntax (a raw body's Content-Type, or a file part's).
SYNTAX_OF_MEDIA_TYPE = {
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/n-quads": "nq",
    "application/trig": "trig",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdf",
}
#: File extensions beyond the syntax names (conformance reads .owl as RDF/XML too).
_EXTENSIONS = {**{name: name for name in SYNTAXES}, "owl": "rdf", "json": "jsonld"}
#: The report formats the API answers in, the default (the CLI's JSON) first.
REPORT_FORMATS = ("json", "ttl", "junit", "html", "text")
_FILE_EXTENSIONS = {"json": "json", "ttl": "ttl", "junit": "xml", "html": "html", "text": "txt"}
#: ``profile=none``: only the uploaded shapes, no profile of demoi's.
NO_PROFILE = "none"
#: The profile checked when a request names none and gives no shapes of its own.
DEFAULT_PROFILE = "all"
#: The names of what the request carries when it has no file name.
PASTED = "pasted-text"
BODY = "request body"
#: Above this size the result page does not carry the data again for its download buttons
#: (the page would grow by as much); the API still takes the file.
DOWNLOAD_ECHO_LIMIT = 2 * 1024 * 1024
_TRUE, _FALSE = ("1", "true", "on", "yes"), ("", "0", "false", "off", "no")
TEXT = {
    "el": {
        "title": "Έλεγχος συμμόρφωσης",
        "intro": "Ελέγξτε αν ένα αρχείο RDF συμμορφώνεται με τα προφίλ εφαρμογής: ανεβάστε το "
        "ή επικολλήστε το κείμενό του, διαλέξτε προφίλ και γλώσσα, και πατήστε «Έλεγχος». Τίποτα "
        "δεν αποθηκεύεται στον διακομιστή.",
        "data": "Τα δεδομένα",
        "file": "Αρχείο",
        "paste": "ή επικόλληση κειμένου",
        "syntax": "Σύνταξη",
        "syntax_auto": "αυτόματα (από την κατάληξη του αρχείου· το κείμενο ως Turtle)",
        "profile": "Προφίλ",
        "profile_all": "όλα τα προφίλ του demoi",
        "profile_none": "κανένα (μόνο το αρχείο σχημάτων παρακάτω)",
        "eu_missing": "χρειάζεται τα επίσημα αρχεία SHACL (ρύθμιση DEMOI_EU_SHAPES_DIR)",
        "eu_note": "Τα ευρωπαϊκά προφίλ (DCAT-AP, HVD, CPSV-AP) χρειάζονται τα επίσημα αρχεία "
        "SHACL, που το demoi δεν διανέμει· ο διαχειριστής του διακομιστή ορίζει τον φάκελό τους "
        "με τη ρύθμιση DEMOI_EU_SHAPES_DIR.",
        "shapes": "Δικά σας σχήματα SHACL (Turtle, προαιρετικά)",
        "shapes_help": "Ελέγχονται μαζί με το προφίλ. Τα owl:imports τους ακολουθούνται μόνο "
        "προς κόμβους που επιτρέπει ο διαχειριστής.",
        "language": "Γλώσσα αναφοράς",
        "strict": "Αυστηρός έλεγχος (και οι προειδοποιήσεις αποτυγχάνουν)",
        "submit": "Έλεγχος",
        "error": "Ο έλεγχος δεν έγινε:",
        "too_large": "Το αίτημα ξεπερνά το όριο των {limit} που δέχεται ο διακομιστής.",
        "download": "Λήψη της αναφοράς:",
        "download_too_large": "Τα δεδομένα είναι πολύ μεγάλα για να ξανασταλούν από αυτή τη "
        "σελίδα· για την αναφορά σε άλλη μορφή χρησιμοποιήστε το {api} (docs/validation.md).",
        "api": "Το ίδιο για προγράμματα: POST {api} (multipart ή σώμα RDF), με απάντηση JSON.",
    },
    "en": {
        "title": "Validate",
        "intro": "Check whether an RDF file conforms to the application profiles: upload it or "
        "paste its text, choose a profile and a language, and press “Validate”. Nothing is kept "
        "on the server.",
        "data": "The data",
        "file": "File",
        "paste": "or paste text",
        "syntax": "Syntax",
        "syntax_auto": "automatic (by the file's extension; pasted text as Turtle)",
        "profile": "Profile",
        "profile_all": "every demoi profile",
        "profile_none": "none (only the shapes file below)",
        "eu_missing": "needs the official SHACL files (setting DEMOI_EU_SHAPES_DIR)",
        "eu_note": "The EU profiles (DCAT-AP, HVD, CPSV-AP) need the official SHACL files, "
        "which demoi does not redistribute; the server's operator names their folder with the "
        "DEMOI_EU_SHAPES_DIR setting.",
        "shapes": "Your own SHACL shapes (Turtle, optional)",
        "shapes_help": "Checked together with the profile. Their owl:imports are followed only "
        "to hosts the operator allows.",
        "language": "Report language",
        "strict": "Strict (warnings fail too)",
        "submit": "Validate",
        "error": "The validation did not run:",
        "too_large": "The request is larger than the {limit} the server accepts.",
        "download": "Download the report:",
        "download_too_large": "The data is too large to send again from this page; for the "
        "report in another format use the {api} (docs/validation.md).",
        "api": "The same for programs: POST {api} (multipart or an RDF body), answered in JSON.",
    },
}
#: The labels of the report formats on the download buttons (the same in both languages).
FORMAT_LABELS = {"ttl": "Turtle", "json": "JSON", "junit": "JUnit XML", "html": "HTML"}
LANGUAGE_NAMES = {"el": "Ελληνικά", "en": "English"}


@dataclass(frozen=True)
class ValidationRequest:
    """What one request asks to validate, and how."""

    sources: list[Source]
    profile: str
    language: str
    strict: bool
    shapes: Source | None


# ---------------------------------------------------------------------------------------------
# Reading a request (the page's form, a multipart POST or a raw RDF body)


def _is_form() -> bool:
    return request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded")


def _field(name: str) -> str | None:
    """A form field, else the query string's parameter: a raw body carries its options in the
    query string, and a form may too (the page's download buttons)."""
    if _is_form():
        value = request.form.get(name)
        if value is not None:
            return value
    return request.args.get(name)


def validation_request() -> ValidationRequest:
    # Werkzeug keeps form fields (pasted text) under 500 KB unless told otherwise; pasted text
    # may be as large as an uploaded file.
    request.max_form_memory_size = app_settings(current_app)["max_upload_size"]
    sources = _form_sources() if _is_form() else [_body_source()]
    shapes = _shapes_source()
    return ValidationRequest(
        sources=sources,
        profile=_profile_name(shapes is not None),
        language=_language(),
        strict=_strict(),
        shapes=shapes,
    )


def _form_sources() -> list[Source]:
    syntax = _chosen_syntax()
    uploads = [upload for upload in request.files.getlist("file") if upload.filename]
    text = request.form.get("text", "")
    if uploads and text.strip():
        raise UsageError(
            "give a file or pasted text, not both (the form's 'file' part and 'text' field)"
        )
    if uploads:
        return [
            Source(
                upload.filename or "upload",
                upload.read(),
                syntax or _syntax_of_upload(upload.filename or "", upload.mimetype),
            )
            for upload in uploads
        ]
    if text.strip():
        return [Source(request.form.get("name") or PASTED, text.encode("utf-8"), syntax or "ttl")]
    raise UsageError("no data: upload a file (the 'file' part) or paste text (the 'text' field)")


def _chosen_syntax() -> str | None:
    chosen = (_field("syntax") or "auto").lower()
    if chosen == "auto":
        return None
    if chosen not in SYNTAXES:
        raise UsageError(f"unknown syntax {chosen!r}; choose auto or one of {', '.join(SYNTAXES)}")
    return chosen


def _syntax_of_upload(filename: str, media_type: str) -> str:
    """By the file's extension, else by the part's Content-Type: browsers label many RDF files
    application/octet-stream, so the extension is the surer sign."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    found = _EXTENSIONS.get(extension) or SYNTAX_OF_MEDIA_TYPE.get(media_type)
    if found is None:
        raise UsageError(
            f"{filename}: cannot tell its RDF syntax from its name; choose the syntax "
            f"(syntax={'|'.join(SYNTAXES)})"
        )
    return found


def _body_source() -> Source:
    syntax = SYNTAX_OF_MEDIA_TYPE.get(request.mimetype)
    if syntax is None:
        raise UnsupportedMediaType(
            f"cannot validate {request.mimetype or 'a body without Content-Type'}; send one of: "
            f"{', '.join(SYNTAX_OF_MEDIA_TYPE)}, or multipart/form-data with a 'file' part"
        )
    return Source(BODY, request.get_data(), syntax)


def _shapes_source() -> Source | None:
    """The request's own shapes: a 'shapes' file part or field, always Turtle."""
    if not _is_form():
        return None
    upload = request.files.get("shapes")
    if upload is not None and upload.filename:
        return Source(upload.filename, upload.read(), "ttl")
    text = request.form.get("shapes", "")
    if text.strip():
        return Source(request.form.get("shapes_name") or "shapes.ttl", text.encode(), "ttl")
    return None


def _profile_name(has_shapes: bool) -> str:
    name = _field("profile")
    if not name:
        return NO_PROFILE if has_shapes else DEFAULT_PROFILE
    if name == NO_PROFILE and not has_shapes:
        raise UsageError("profile=none checks only your own shapes: send them as 'shapes'")
    return name


def _language() -> str:
    chosen = _field("lang")
    if not chosen:
        return page_language()
    if chosen not in LANGUAGES:
        raise UsageError(f"unknown language {chosen!r}; choose one of {', '.join(LANGUAGES)}")
    return chosen


def _strict() -> bool:
    value = (_field("strict") or "").lower()
    if value not in _TRUE + _FALSE:
        raise UsageError(f"strict={value!r}: give true or false")
    return value in _TRUE


def _report_format() -> str:
    requested = _field("format")
    if requested:
        if requested not in REPORT_FORMATS:
            raise UsageError(
                f"unknown report format {requested!r}; choose one of {', '.join(REPORT_FORMATS)}"
            )
        return requested
    offered = [(validation_report.MEDIA_TYPES[name].split(";")[0], name) for name in REPORT_FORMATS]
    return negotiate(request.headers.get("Accept"), offered)


# ---------------------------------------------------------------------------------------------
# Validating


def validate(asked: ValidationRequest) -> Outcome:
    """Validate in a child process killed past ``validation_timeout``
    (:mod:`demoi.server.validation_worker`: an upload's own shapes are programs)."""
    settings = app_settings(current_app)
    task = validation_worker.Task(
        sources=asked.sources,
        profile="" if asked.profile == NO_PROFILE else asked.profile,
        shapes=asked.shapes,
        strict=asked.strict,
        eu_shapes_dir=settings["eu_shapes_dir"],
        allowed_hosts=tuple(settings["allowed_hosts"]),
    )
    slots = current_app.extensions.setdefault(
        "demoi.validation_slots", threading.BoundedSemaphore(settings["query_workers"])
    )
    return validation_worker.run(task, timeout=settings["validation_timeout"], slots=slots)


@bp.post("/api/validate")
def api() -> Response:
    """The report of the request's data: the CLI's JSON by default, 200 whatever the
    conformance (``conforms`` says it); errors in the server's JSON error shape."""
    asked = validation_request()
    fmt = _report_format()
    outcome = validate(asked)
    response = Response(
        validation_report.render(outcome, fmt, asked.language),
        content_type=validation_report.MEDIA_TYPES[fmt],
    )
    response.headers["Vary"] = "Accept, Accept-Language"
    if _field("download"):
        response.headers["Content-Disposition"] = (
            f'attachment; filename="validation-report.{_FILE_EXTENSIONS[fmt]}"'
        )
    return response


# ---------------------------------------------------------------------------------------------
# The page


def report_fragment(outcome: Outcome, language: str) -> Markup:
    """The HTML report's body, written (and escaped) by the report module."""
    return Markup(validation_report.html_fragment(outcome, language))


@bp.get("/validate/report.css")
def report_css() -> Response:
    """The report's stylesheet, from the report module (which inlines it in a standalone
    report): the pages' CSP lets stylesheets come from this server only."""
    response = Response(validation_report.CSS, content_type="text/css; charset=utf-8")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def _profile_choices(language: str) -> list[dict[str, Any]]:
    """Every profile with its title in ``language``; the EU ones disabled without their files."""
    has_eu = bool(app_settings(current_app)["eu_shapes_dir"])
    text = TEXT[language]
    choices: list[dict[str, Any]] = []
    for name in profiles.profile_names():
        if name == DEFAULT_PROFILE:
            title, usable = text["profile_all"], True
        elif name in profiles.EU_PROFILES:
            titles = dict(profiles.EU_PROFILES[name].titles)
            title = titles.get(language) or titles.get("en") or name
            usable = has_eu
            if not usable:
                title = f"{title} — {text['eu_missing']}"
        else:
            title, usable = profiles.load(name)[0].title(language), True
        choices.append({"name": name, "title": title, "usable": usable})
    choices.append({"name": NO_PROFILE, "title": text["profile_none"], "usable": True})
    return choices


def _render(
    language: str,
    *,
    form: dict[str, Any] | None = None,
    error: str | None = None,
    outcome: Outcome | None = None,
    asked: ValidationRequest | None = None,
) -> str:
    settings = app_settings(current_app)
    chosen = dict(form or {})
    chosen["profile"] = chosen.get("profile") or DEFAULT_PROFILE
    chosen["lang"] = chosen.get("lang") or language
    return render_template(
        "validate.html",
        **page_context(language),
        text=TEXT[language],
        syntaxes=SYNTAXES,
        profiles=_profile_choices(language),
        has_eu=bool(settings["eu_shapes_dir"]),
        languages=LANGUAGE_NAMES,
        formats=FORMAT_LABELS,
        form=chosen,
        error=error,
        outcome=outcome,
        report=report_fragment(outcome, asked.language) if outcome and asked else None,
        echo=_echo(asked) if outcome and asked else None,
    )


def _echo(asked: ValidationRequest) -> dict[str, str] | None:
    """The fields the download buttons send again (nothing is kept on the server), or None
    when the data is too large or not text to carry in the page."""
    if len(asked.sources) != 1:
        return None
    source = asked.sources[0]
    try:
        data = source.read().decode("utf-8")
        shapes = asked.shapes.read().decode("utf-8") if asked.shapes else ""
    except UnicodeDecodeError:
        return None
    if len(data) + len(shapes) > DOWNLOAD_ECHO_LIMIT:
        return None
    return {
        "text": data,
        "name": source.name,
        "syntax": source.format or "auto",
        "profile": asked.profile,
        "lang": asked.language,
        "strict": "true" if asked.strict else "false",
        "shapes": shapes,
        "shapes_name": asked.shapes.name if asked.shapes else "",
    }


def _form_values() -> dict[str, Any]:
    """What the user chose, to show the form as they left it."""
    if not _is_form():
        return {}
    return {
        "text": request.form.get("text", ""),
        "syntax": request.form.get("syntax", "auto"),
        "profile": request.form.get("profile") or DEFAULT_PROFILE,
        "lang": request.form.get("lang") or None,
        "strict": (request.form.get("strict") or "").lower() in _TRUE,
    }


@bp.get("/validate")
def page() -> str:
    return _render(page_language())


@bp.post("/validate")
def submit() -> tuple[str, int]:
    """The form posted: the same page with the report below it, or with what went wrong."""
    language = page_language()
    try:
        asked = validation_request()
        outcome = validate(asked)
    except RequestEntityTooLarge:
        limit = _size(app_settings(current_app)["max_upload_size"])
        return _render(language, error=TEXT[language]["too_large"].format(limit=limit)), 413
    except DemoiError as error:
        status = 415 if isinstance(error, UnsupportedMediaType) else 400
        return _render(language, form=_form_values(), error=str(error)), status
    return _render(language, form=_form_values(), outcome=outcome, asked=asked), 200


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"
