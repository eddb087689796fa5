"""Directory records without links to an organisation stay public."""

import pytest

from civica.directory import visibility
from civica.directory.models import Contact, Phone


@pytest.mark.django_db
def test_records_without_links_stay_public():
    """Hiding what points at a confidential place must not hide what points nowhere (NULL links)."""
    Phone.objects.create(number="+30 210 000 0000")
    Contact.objects.create(name="Reception")
    assert visibility.public(Phone).count() == 1
    assert visibility.public(Contact).count() == 1
