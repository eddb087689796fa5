"""`civica`: Django's management commands under one name, with a few friendly aliases.

civica migrate | civica demo | civica worker | civica load-territories FILE.csv | civica serve
"""

import os
import sys

ALIASES = {
    "serve": "runserver",
}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civica.config.settings")
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        # Commands are spelled with hyphens on the command line (load-territories) and with
        # underscores as Python modules (load_territories).
        argv[1] = ALIASES.get(argv[1], argv[1].replace("-", "_"))
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
