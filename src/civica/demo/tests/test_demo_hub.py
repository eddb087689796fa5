"""The demo Athens centre holds needs by sector (some answered by directory services, some gaps), offers
in every state, and an inactive preparedness plan with a contact tree, capacities and tasks; a second
load changes nothing."""

import pytest

from civica.demo.services import demo_load
from civica.hub.models import CapacityReport, ContactTreeEntry, EmergencyPeriod, Need, Offer, PreparednessTask


def _counts():
    return [
        model.objects.count()
        for model in (Need, Offer, EmergencyPeriod, ContactTreeEntry, CapacityReport, PreparednessTask)
    ]


@pytest.mark.django_db
def test_demo_hub(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    demo_load(pdf_copies=False)
    needs = Need.objects.filter(centre__slug="accmr")
    assert set(needs.values_list("sector", flat=True)) == {"legal", "health_social", "housing", "education", "labour"}
    assert needs.filter(services__isnull=False).distinct().count() >= 5
    assert needs.filter(status="open", services__isnull=True).exists()
    assert needs.filter(status="proposed").count() == 1
    assert needs.exclude(committee=None).count() == needs.count()
    assert set(Offer.objects.values_list("state", flat=True)) == {
        "offered",
        "matched",
        "accepted",
        "delivered",
        "declined",
    }
    assert not EmergencyPeriod.objects.filter(ended_at__isnull=True).exists()
    assert sorted(ContactTreeEntry.objects.values_list("level", flat=True)) == [1, 1, 2]
    assert CapacityReport.objects.count() == 6 and PreparednessTask.objects.count() == 4
    before = _counts()
    demo_load(pdf_copies=False)
    assert _counts() == before
