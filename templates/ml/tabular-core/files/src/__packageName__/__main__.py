"""Command line: `python -m <package> <command> [options]`.

Each command is a module of this package with a `main(argv)` function. `train` and
`evaluate` are always there; `batch` and `service` exist when the project has batch or
online serving, and with `service` comes `serve`, SageMaker's name for starting an endpoint
container. The containers use this form, so they need only the package name.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

COMMANDS = ("train", "evaluate", "batch", "service", "serve")


def available_commands() -> list[str]:
    """The commands whose module is part of this project."""
    return [name for name in COMMANDS if importlib.util.find_spec(f"{__package__}.{name}") is not None]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    commands = available_commands()
    if not args or args[0] not in commands:
        print(f"usage: python -m {__package__} {{{','.join(commands)}}} [options]", file=sys.stderr)
        return 2
    return importlib.import_module(f"{__package__}.{args[0]}").main(args[1:])


if __name__ == "__main__":
    raise SystemExit(main())
