"""The ``kg`` command line: a thin shell over the Python API (one command per module in
``kg/commands/``, as spaCy keeps one CLI command per file).

Errors in the user's input are printed as one line, ``kg: error: <where>: <problem>``, with a
non-zero exit status and no traceback.
"""
from __future__ import annotations

import typer

from .commands.build import build_command
from .commands.evaluate import evaluate_command
from .commands.export import export_command
from .commands.path import path_command
from .commands.query import query_command
from .commands.serve import serve_command
from .commands.stats import stats_command
from .commands.train import train_command
from .commands.validate import validate_command
from .commands.viz import viz_command

app = typer.Typer(
    name="kg",
    help="Build an evidence-backed knowledge graph from news articles; query, analyse and draw it.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("build")(build_command)
app.command("query")(query_command)
app.command("stats")(stats_command)
app.command("path")(path_command)
app.command("export")(export_command)
app.command("viz")(viz_command)
app.command("evaluate")(evaluate_command)
app.command("train")(train_command)
app.command("serve")(serve_command)
app.command("validate")(validate_command)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app(prog_name="kg")


if __name__ == "__main__":
    main()
