"""The `leitstand` command: Django's manage.py under the product's name.

`leitstand migrate`, `leitstand load_demo`, `leitstand analyze --org SLUG --json`, ...
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
