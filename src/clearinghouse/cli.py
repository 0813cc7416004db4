"""The ``clearinghouse`` console script: Django's management commands, with our own help page."""

import os
import sys


def _print_help() -> None:
    """Print Clearinghouse's own commands first, then Django's, each with its one-line help."""
    from django.core.management import get_commands, load_command_class

    ours: list[tuple[str, str]] = [(name, text) for name, (_, text) in PURE_COMMANDS.items()]
    django_names: list[str] = []
    for name, app in sorted(get_commands().items()):
        if app.startswith("clearinghouse."):
            command = load_command_class(app, name)
            ours.append((name, (command.help or "").strip().splitlines()[0]))
        else:
            django_names.append(name)
    width = max(len(name) for name, _ in ours)
    lines = ["usage: clearinghouse <command> [options]", "", "Clearinghouse commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in sorted(ours)]
    lines += ["", "Django commands (clearinghouse <command> --help for each):"]
    lines += ["  " + ", ".join(django_names)]
    print("\n".join(lines))


# Commands of the pure cores: they run without starting Django, so they start fast.
PURE_COMMANDS = {
    "broker": ("clearinghouse.assistance.brokerage.cli", "Allocate provider offers to Member "
               "States' requests (brokerage model v1): broker solve PROBLEM.json."),
    "parse": ("clearinghouse.mandates.parser.cli", "Parse resolution texts (OCR scans "
              "included) into structured provisions."),
}


def main(argv: list[str] | None = None) -> None:
    """Run a management command, or print the command list for no command or --help."""
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] in PURE_COMMANDS:
        import importlib

        module = importlib.import_module(PURE_COMMANDS[args[1]][0])
        raise SystemExit(module.main(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clearinghouse.settings")
    import django
    from django.core.management import execute_from_command_line

    if len(args) < 2 or (args[1] in {"-h", "--help", "help"} and len(args) == 2):
        django.setup()
        _print_help()
        return
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
