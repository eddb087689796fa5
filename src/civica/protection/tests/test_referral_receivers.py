"""Protection referrals go only to organisations that may receive them (issue 14, point 11): the public
agencies and NGOs of the lead's country. A time bank in Italy, a company or a municipality is refused
by the service (whoever calls it) and is not offered by the form or the API."""

import pytest
from django.core.exceptions import ValidationError

from civica.protection import selectors
from civica.protection.models import Referral

from .conftest import refer

pytestmark = pytest.mark.django_db

# (kind, country) -> may receive a referral from the Romanian lead
CASES = {
    ("public_agency", "RO"): True,
    ("ngo", "RO"): True,
    ("ngo", "IT"): False,
    ("public_agency", "IT"): False,
    ("centre", "RO"): False,
    ("company", "RO"): False,
    ("municipality", "RO"): False,
}


@pytest.mark.parametrize(("kind", "country"), sorted(CASES))
def test_only_agencies_and_ngos_of_the_leads_country_receive_referrals(world, pcase, make_organisation, kind, country):
    """The service and the list of receivers agree for every kind and country."""
    target = make_organisation(name=f"{kind} {country}", slug=f"t-{kind}-{country}".lower(), kind=kind, country=country)
    world["target"] = target
    allowed = CASES[(kind, country)]
    assert (target in selectors.receivers(pcase)) == allowed
    if allowed:
        assert refer(pcase, world, to="target").to_organisation == target
    else:
        with pytest.raises(ValidationError) as error:
            refer(pcase, world, to="target")
        assert "to_organisation" in error.value.message_dict
        assert not Referral.objects.filter(to_organisation=target).exists()


def test_the_lead_cannot_refer_to_itself(world, pcase):
    assert world["lead"] not in selectors.receivers(pcase)
    with pytest.raises(ValidationError):
        refer(pcase, world, to="lead")
