"""``demoi vocab reason``."""

from __future__ import annotations

from pathlib import Path

import click

TEXT = {
    "el": {
        "consistent": "συνεπή: {classes} κλάσεις ταξινομήθηκαν με τον HermiT σε {seconds:.1f} s",
        "inconsistent": "ασυνεπή: ο HermiT βρήκε αντίφαση στα λεξιλόγια",
        "unsatisfiable": "μη ικανοποιήσιμη κλάση (καμία οντότητα δεν μπορεί να ανήκει σε αυτήν)",
        "inferred": "πληροφορία: συνάγεται {child} ⊑ {parent} (δεν δηλώνεται σε κανένα αρχείο)",
        "equivalent": "πληροφορία: συνάγεται {one} ≡ {other} (δεν δηλώνεται σε κανένα αρχείο)",
        "none": "καμία συναγόμενη αλλαγή στην ιεραρχία",
        "note": "σημείωση του owlready2",
    },
    "en": {
        "consistent": "consistent: {classes} classes classified by HermiT in {seconds:.1f} s",
        "inconsistent": "inconsistent: HermiT found a contradiction in the vocabularies",
        "unsatisfiable": "unsatisfiable class (nothing can be a member of it)",
        "inferred": "info: inferred {child} ⊑ {parent} (stated in no file)",
        "equivalent": "info: inferred {one} ≡ {other} (stated in no file)",
        "none": "no inferred change to the hierarchy",
        "note": "owlready2 note",
    },
}


@click.command("reason")
@click.option(
    "--standards",
    "root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A standards tree (holding ontologies/) instead of demoi's own.",
)
@click.option("--lang", type=click.Choice(("el", "en")), default="el", show_default=True)
def reason_command(root: Path | None, lang: str) -> None:
    """Classify all vocabularies and code lists with the HermiT OWL reasoner.

    Reports an inconsistency, every unsatisfiable class, and, as information, the subclass
    and equivalence relations HermiT infers that no file states. Needs Java.

    Exit codes: 0 consistent with no unsatisfiable class, 1 inconsistent or unsatisfiable
    classes (or a file does not parse: file, line and column named), 2 usage error or no
    Java runtime.
    """
    from demoi.standards import vocabulary_graph
    from demoi.vocab.reason import reason

    text = TEXT[lang]
    result = reason(vocabulary_graph(root))
    for note in result.notes:
        click.echo(f"{text['note']}: {note}", err=True)
    if not result.consistent:
        click.echo(f"error: {text['inconsistent']}", err=True)
        click.echo(result.explanation, err=True)
        raise click.exceptions.Exit(1)
    for iri in result.unsatisfiable:
        click.echo(f"error: {iri}: {text['unsatisfiable']}")
    for child, parent in result.inferred_superclasses:
        click.echo(text["inferred"].format(child=child, parent=parent))
    for one, other in result.inferred_equivalences:
        click.echo(text["equivalent"].format(one=one, other=other))
    if not (result.inferred_superclasses or result.inferred_equivalences):
        click.echo(text["none"])
    if result.unsatisfiable:
        raise click.exceptions.Exit(1)
    click.echo(text["consistent"].format(classes=result.classes, seconds=result.seconds))
