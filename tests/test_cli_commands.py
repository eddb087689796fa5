"""Every command the README documents runs through the `civica` entry point (hyphens on the command line).

`civica timebank-check` answered "Unknown command" because its module was named with hyphens; this
test reads the command names from the README itself, so a documented command can never go missing.
"""

import re
from pathlib import Path

import pytest

from civica.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def documented_commands():
    names = set(re.findall(r"civica ([a-z][a-z0-9_-]+)", README.read_text(encoding="utf-8")))
    return sorted(names)


def test_the_readme_documents_the_time_bank_commands():
    """The README's list is read correctly (it names the commands that used to fail)."""
    assert {"timebank-check", "timebank-rebuild", "rotate-keys", "hsds-import"} <= set(documented_commands())


@pytest.mark.parametrize("command", documented_commands())
def test_each_documented_command_is_known(command, capsys):
    """`civica COMMAND --help` prints the command's help, never "Unknown command"."""
    with pytest.raises(SystemExit) as done:
        main(["civica", command, "--help"])
    out = capsys.readouterr()
    assert done.value.code in (0, None), out.err
    assert "Unknown command" not in out.err
    assert "usage:" in out.out


# Transactional: like any command run from the command line, each closes its database connection at
# the end, which inside a test's transaction would leave the next query on a closed connection.
@pytest.mark.django_db(transaction=True)
def test_timebank_check_and_rebuild_run_through_the_entry_point(capsys):
    """The two time-bank commands actually run on a (empty) ledger through `civica`."""
    for command in ("timebank-check", "timebank-rebuild"):
        try:
            main(["civica", command])
        except SystemExit as done:
            assert done.code in (0, None), capsys.readouterr().err
    assert "Unknown command" not in capsys.readouterr().err
