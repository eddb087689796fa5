"""Every link field of every model, and the forms built on them, refuse `javascript:` (and other schemes).

The walk finds URLFields and any text field named like a link (`url`, `*_url`, `website`, `*_link`),
so a field added later is covered without touching this test.
"""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from civica.core.validators import PublicURLValidator

LINK_NAMES = ("url", "website", "link")


def _link_fields():
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("civica."):
            continue
        for field in model._meta.concrete_fields:
            named = field.name in LINK_NAMES or field.name.endswith(("_url", "_link", "website"))
            if isinstance(field, models.URLField) or (isinstance(field, models.CharField | models.TextField) and named):
                found.append(pytest.param(model, field, id=f"{model._meta.label}.{field.name}"))
    return found


def test_the_walk_finds_the_directory_and_notice_links():
    """The walk sees plain text fields too (the HSDS directory's `url`, the notices' `url`)."""
    ids = {param.id for param in _link_fields()}
    assert {"directory.Service.url", "directory.Organization.website", "core.Notice.url"} <= ids


@pytest.mark.parametrize(("model", "field"), _link_fields())
@pytest.mark.parametrize("value", ["javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)", "data:text/html,x"])
def test_every_link_field_refuses_script_schemes(model, field, value):
    """The field's own validators refuse the value (so full_clean, ModelForms and imports refuse it)."""
    assert any(isinstance(v, PublicURLValidator) for v in field.validators), "uses core's validator"
    with pytest.raises(ValidationError):
        field.run_validators(value)


@pytest.mark.parametrize(("model", "field"), _link_fields())
def test_every_link_field_accepts_a_web_address(model, field):
    """An https address passes every link field."""
    field.run_validators("https://example.org/page")
