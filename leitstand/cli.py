"""The `leitstand` command: Django's manage.py under the product's name.

`leitstand migrate`, `leitstand load_demo`, `leitstand analyze --org SLUG --json`, ...
`leitstand check import FILE --org SLUG` is the company check's import (`check_import`);
any other `leitstand check` stays Django's system check.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(dispatch(sys.argv))


def dispatch(argv: list[str]) -> list[str]:
    if argv[1:3] == ["check", "import"]:
        return [argv[0], "check_import", *argv[3:]]
    return argv


if __name__ == "__main__":
    main()
