"""``demoi vocab``: the standards editors' tools, one module per command."""

from __future__ import annotations

import click

from demoi.vocab.context_command import context_command
from demoi.vocab.docs_command import docs_command
from demoi.vocab.lint_command import lint_command
from demoi.vocab.reason_command import reason_command
from demoi.vocab.release_command import diff_command, release_command


@click.group("vocab")
def vocab_group() -> None:
    """Tools for standards editors: lint, reason, docs, context, diff, release."""


for _command in (
    lint_command,
    reason_command,
    docs_command,
    context_command,
    diff_command,
    release_command,
):
    vocab_group.add_command(_command)
