"""``demoi vocab reason``: the vocabularies and code lists classified by HermiT (owlready2).

Reports what an editor acts on: an inconsistent whole, unsatisfiable classes (both errors), and,
as information, the subclass and equivalence relations HermiT infers that no file states: often
the first sign of a restriction or a disjointness that says more than was meant.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import UsageError

if TYPE_CHECKING:
    import rdflib

NOTHING = "http://www.w3.org/2002/07/owl#Nothing"
THING = "http://www.w3.org/2002/07/owl#Thing"
#: The Java runtime's complaint can run to pages; the first lines say what HermiT found.
MAX_EXPLANATION_LINES = 12


class JavaMissing(UsageError):
    """HermiT is a Java program; without a Java runtime there is no reasoning."""

    code = "java-missing"


@dataclass
class Reasoning:
    classes: int
    consistent: bool = True
    explanation: str = ""
    unsatisfiable: list[str] = field(default_factory=list)
    #: (class, superclass) pairs HermiT infers that no file asserts.
    inferred_superclasses: list[tuple[str, str]] = field(default_factory=list)
    #: (class, class) pairs HermiT finds equivalent that no file declares equivalent.
    inferred_equivalences: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    #: What owlready2 warned of while reading, e.g. a cycle of subclasses it ignored.
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable


def java_executable() -> str:
    """The Java runtime HermiT will run on: ``$JAVA_HOME/bin/java``, else ``java`` on the PATH.
    Looked up on every run (not once, as owlready2 does at import) so a missing runtime is
    reported plainly instead of as a failed subprocess."""
    home = os.environ.get("JAVA_HOME")
    candidates = [str(Path(home) / "bin" / "java")] if home else []
    for candidate in [*candidates, "java"]:
        found = shutil.which(candidate)
        if found:
            return found
    if home:
        problem_el = f"το JAVA_HOME ({home}) δεν έχει bin/java και δεν υπάρχει `java` στο PATH"
        problem_en = f"JAVA_HOME ({home}) has no bin/java and there is no `java` on the PATH"
    else:
        problem_el = "δεν υπάρχει `java` στο PATH ούτε JAVA_HOME"
        problem_en = "no `java` on the PATH and no JAVA_HOME"
    raise JavaMissing(
        "ο HermiT, ο μηχανισμός συλλογιστικής OWL, είναι πρόγραμμα Java και "
        f"{problem_el}· εγκαταστήστε Java (Debian/Ubuntu: apt install default-jre-headless) / "
        f"HermiT, the OWL reasoner, is a Java program and {problem_en}; install a Java runtime "
        "(Debian/Ubuntu: apt install default-jre-headless) and run again"
    )


def reason(graph: rdflib.Graph) -> Reasoning:
    """Classify the graph with HermiT."""
    import owlready2
    import rdflib

    owlready2.JAVA_EXE = java_executable()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        triples = Path(folder) / "standards.nt"
        # Whatever graph is given, owlready2 must not follow owl:imports (a fetch of any URL,
        # a read of any file): they are left out of what it loads.
        kept = rdflib.Graph()
        kept += (t for t in graph if str(t[1]) != "http://www.w3.org/2002/07/owl#imports")
        kept.serialize(triples, format="nt", encoding="utf-8")
        world = owlready2.World()
        # owlready2 prints its warnings; a library must not, so they become the result's notes.
        printed = io.StringIO()
        result = Reasoning(classes=0)
        try:
            with contextlib.redirect_stderr(printed):
                ontology = world.get_ontology(triples.as_uri()).load(format="ntriples")
                classes = [c for c in world.classes() if c.iri not in (NOTHING, THING)]
                asserted = {c.iri: _named(c.is_a) for c in classes}
                declared_equal = {c.iri: _named(c.equivalent_to) for c in classes}
                result.classes = len(classes)
                try:
                    with ontology:
                        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
                except owlready2.OwlReadyInconsistentOntologyError as error:
                    result.consistent = False
                    # HermiT says only "inconsistent"; the usual cause, a resource in two
                    # classes declared disjoint, is found in the graph itself.
                    result.explanation = _first_lines(
                        "\n".join([str(error), *disjoint_clashes(graph)]).strip()
                    )
                    return result
                result.unsatisfiable = sorted(
                    c.iri for c in world.inconsistent_classes() if c.iri != NOTHING
                )
                for c in classes:
                    for parent in sorted(_named(c.is_a) - asserted[c.iri] - {THING, NOTHING}):
                        result.inferred_superclasses.append((c.iri, parent))
                    for other in sorted(_named(c.equivalent_to) - declared_equal[c.iri]):
                        if c.iri < other:
                            result.inferred_equivalences.append((c.iri, other))
        finally:
            world.close()
            result.notes = _notes(printed.getvalue())
    result.seconds = time.monotonic() - started
    return result


def disjoint_clashes(graph: rdflib.Graph) -> list[str]:
    """Resources typed, directly or through rdfs:subClassOf, with two classes declared
    owl:disjointWith each other."""
    from rdflib.namespace import OWL, RDF, RDFS

    def members(cls: rdflib.term.Node) -> set[rdflib.term.Node]:
        classes = set(graph.transitive_subjects(RDFS.subClassOf, cls))
        return {s for c in classes for s in graph.subjects(RDF.type, c)}

    clashes = []
    for one, other in sorted(graph.subject_objects(OWL.disjointWith), key=str):
        for resource in sorted(members(one) & members(other), key=str):
            clashes.append(f"{resource} is in {one} and in {other}, declared owl:disjointWith")
    return clashes


def _notes(printed: str) -> list[str]:
    """owlready2's warnings, one per note. Those about a property that is both an OWL property
    and a Data Cube property (punning, which owlready2 resolves itself) are left out: the
    vocabularies have dozens and they change nothing."""
    notes: list[str] = []
    for line in printed.splitlines():
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) and notes:
            notes[-1] += " " + line.strip()
        else:
            notes.append(line.replace("* Owlready2 * ", "").strip())
    return [note for note in notes if "belongs to more than one entity types" not in note]


def _named(classes: Any) -> set[str]:
    return {c.iri for c in classes if hasattr(c, "iri")}


def _first_lines(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    shown = lines[:MAX_EXPLANATION_LINES]
    if len(lines) > len(shown):
        shown.append(f"… ({len(lines) - len(shown)} more lines)")
    return "\n".join(shown)
