"""The demo's proposed mediator: Luca Ferrari's registry entry is tied to his account, he is proposed for
the Milan family mediation at Le Stanze and sees it from his own dashboard; a second load adds nothing."""

import pytest

from civica.demo.services import demo_load
from civica.mediation.models import MediatorSelection


@pytest.fixture
def demo(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    return demo_load(pdf_copies=False)


def test_luca_ferrari_is_proposed_and_sees_the_family_mediation(demo, client):
    selection = MediatorSelection.objects.get(mediator__user__email="luca.ferrari@stanze.example")
    assert selection.status == MediatorSelection.Status.PROPOSED
    assert selection.mediation.matter == "family" and "Davide Colombo" in selection.mediation.other_parties
    client.login(email="luca.ferrari@stanze.example", password="correct-horse-battery")
    reference = selection.mediation.case.reference
    assert reference in client.get("/it/dashboard/").content.decode()
    page = client.get(f"/it/mediation/{reference}/")
    assert page.status_code == 200
    demo_load(pdf_copies=False)
    assert MediatorSelection.objects.filter(mediator__user__email="luca.ferrari@stanze.example").count() == 1
