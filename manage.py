#!/usr/bin/env python
"""Django's command-line utility; the installed `leitstand` command does the same."""

from leitstand.cli import main

if __name__ == "__main__":
    main()
