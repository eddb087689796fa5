"""`civica pb-import` creates a closed process and prints its id last; `civica pb-results` prints the
selected ids, which for Warszawa 2019 Piaski are the ones the city funded; a malformed file saves
nothing; only staff (or SYSTEM) may import; the export of a closed process reads back."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from civica.budgeting import pabulib, services
from civica.budgeting.models import Ballot, Participation, Process

WARSZAWA = Path("/work/shared/reference/pabulib/Poland_Warszawa_2019_Piaski.pb")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WARSZAWA.exists(), reason="the shared Pabulib files are not here"),
]


def _run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip().splitlines()


def test_import_then_results_reproduce_warszawa_piaski():
    """The last line is the process id; greedy selects exactly the published winners."""
    uuid = _run("pb_import", str(WARSZAWA))[-1]
    process = Process.objects.get(uuid=uuid)
    assert process.phase == Process.Phase.CLOSED and process.ballots.count() == 558
    assert Participation.objects.filter(process=process).count() == 558
    pb = pabulib.parse(WARSZAWA.read_text(encoding="utf-8"))
    published = {pid for pid, row in pb.projects.items() if row["selected"] == "1"}
    assert set(_run("pb_results", uuid, "--rule", "greedy")) == published
    again = pabulib.parse(services.process_export_pabulib(process))
    assert again.election().costs == pb.election().costs
    assert sorted(map(sorted, again.election().ballots)) == sorted(map(sorted, pb.election().ballots))


def test_a_malformed_file_is_refused_and_nothing_is_saved(tmp_path):
    """The error names line and section; no process, no ballot is left behind."""
    bad = tmp_path / "bad.pb"
    bad.write_text(WARSZAWA.read_text(encoding="utf-8").replace("2071;2294;", "2071;9999;"), encoding="utf-8")
    with pytest.raises(CommandError, match="section VOTES"):
        _run("pb_import", str(bad))
    assert not Process.objects.exists() and not Ballot.objects.exists()


def test_a_project_over_the_budget_is_refused_and_nothing_is_saved():
    """A project costing more than the budget: refused with a reason, nothing half-saved."""
    text = WARSZAWA.read_text(encoding="utf-8").replace("2233;33600;", "2233;9000000;")
    with pytest.raises(Exception, match="costs more than the budget"):
        services.process_import_pabulib(actor=_system(), text=text)
    assert not Process.objects.exists() and not Ballot.objects.exists()


def _system():
    from civica.core.permissions import SYSTEM

    return SYSTEM


@pytest.mark.parametrize("who", ["anonymous", "resident", "superuser"])
def test_only_platform_staff_may_import(who, django_user_model):
    """Deny unless a rule allows: an ordinary account and the anonymous user are refused."""
    from django.contrib.auth.models import AnonymousUser

    if who == "anonymous":
        actor = AnonymousUser()
    elif who == "resident":
        actor = django_user_model.objects.create_user(email="r@example.org", password="x")
    else:
        actor = django_user_model.objects.create_superuser(email="s@example.org", password="x")
    text = WARSZAWA.read_text(encoding="utf-8")
    if who == "superuser":
        assert services.process_import_pabulib(actor=actor, text=text).ballots.count() == 558
    else:
        with pytest.raises(PermissionDenied):
            services.process_import_pabulib(actor=actor, text=text)
        assert not Process.objects.exists()
