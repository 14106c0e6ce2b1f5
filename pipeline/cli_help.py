"""Help pages that read plainly: `Usage: pipeline run [OPTIONS] PATH...`, arguments by name, examples.

Typer's own help writes required arguments as `{paths}...` and adds type
labels such as `<list[Path]>`; `PlainHelp` writes each argument as its
metavar and leaves the type to the help text.
"""

from __future__ import annotations

from typer.core import TyperCommand


def examples(*commands: str) -> str:
    """An epilog listing example command lines, kept as written (`\\b` stops click re-wrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {command}" for command in commands)


def _argument_label(param) -> str:
    label = param.metavar or param.name.upper()
    if param.nargs != 1 and not label.endswith("..."):
        label += "..."
    return label if param.required else f"[{label}]"


class PlainHelp(TyperCommand):
    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument_label(param) for param in self.get_params(ctx) if param.param_type_name == "argument"]

    def format_options(self, ctx, formatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((_argument_label(param), param.help or ""))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
