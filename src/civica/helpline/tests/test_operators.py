"""The coordinator manages who answers for the helpline: add by e-mail, change the role and the access to
contacts, remove with confirmation. The permission matrix, bad input (nothing changes, input kept) and
query counts."""

import pytest
from django.core.exceptions import ValidationError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civica.core.models import AuditEvent
from civica.helpline import services
from civica.helpline.models import Conversation, Operator


def _urls(helpline, operator):
    return {
        "list": reverse("helpline:operators", kwargs={"uuid": helpline.uuid}),
        "change": reverse("helpline:operator_change", kwargs={"uuid": helpline.uuid, "operator_uuid": operator.uuid}),
        "remove": reverse("helpline:operator_remove", kwargs={"uuid": helpline.uuid, "operator_uuid": operator.uuid}),
    }


def _people(world):
    return {
        "coordinator": world["coordinator"],
        "counsellor": world["counsellor"],
        "volunteer": world["volunteer"],
        "organisation_member": world["bystander"],
        "other_organisation": world["other"],
        "anonymous": None,
    }


# role -> expected status of (GET list, POST add, GET change, POST change, GET remove, POST remove)
MATRIX = {
    "coordinator": (200, 302, 200, 302, 200, 302),
    "counsellor": (404, 404, 404, 404, 404, 404),
    "volunteer": (404, 404, 404, 404, 404, 404),
    "organisation_member": (404, 404, 404, 404, 404, 404),
    "other_organisation": (404, 404, 404, 404, 404, 404),
    "anonymous": (302, 302, 302, 302, 302, 302),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(client, world, role):
    person = _people(world)[role]
    if person is not None:
        client.force_login(person)
    helpline = world["helpline"]
    volunteer = Operator.objects.get(helpline=helpline, user=world["volunteer"])
    urls = _urls(helpline, volunteer)
    expected = MATRIX[role]
    got = (
        client.get(urls["list"]).status_code,
        client.post(urls["list"], {"add-email": "bystander@sos.example", "add-role": "volunteer"}).status_code,
        client.get(urls["change"]).status_code,
        client.post(urls["change"], {"change-role": "counsellor", "change-sees_contacts": "on"}).status_code,
        client.get(urls["remove"]).status_code,
        client.post(urls["remove"]).status_code,
    )
    assert got == expected
    allowed = role == "coordinator"
    assert Operator.objects.filter(helpline=helpline, user=world["bystander"]).exists() == allowed
    assert Operator.objects.filter(pk=volunteer.pk).exists() == (not allowed)
    if not allowed:
        volunteer.refresh_from_db()
        assert (volunteer.role, volunteer.sees_contacts) == ("volunteer", False)


def test_another_helplines_operator_is_404_to_our_coordinator(client, world):
    """Our coordinator cannot reach the other organisation's operators, even through our helpline's URL."""
    client.force_login(world["coordinator"])
    theirs = Operator.objects.get(helpline=world["other_helpline"])
    for urls in (_urls(world["other_helpline"], theirs), _urls(world["helpline"], theirs)):
        assert client.get(urls["change"]).status_code == 404
        assert client.post(urls["change"], {"change-role": "volunteer"}).status_code == 404
        assert client.post(urls["remove"]).status_code == 404
    assert client.get(_urls(world["other_helpline"], theirs)["list"]).status_code == 404
    theirs.refresh_from_db()
    assert theirs.role == "coordinator"


def test_coordinator_adds_changes_and_removes_an_operator(client, world):
    helpline = world["helpline"]
    client.force_login(world["coordinator"])
    url = reverse("helpline:operators", kwargs={"uuid": helpline.uuid})
    response = client.post(url, {"add-email": " Bystander@SOS.example ", "add-role": "counsellor"})
    assert response.status_code == 302
    operator = Operator.objects.get(helpline=helpline, user=world["bystander"])
    assert (operator.role, operator.sees_contacts, operator.is_available) == ("counsellor", False, False)
    assert AuditEvent.objects.filter(record_uuid=operator.uuid, action="create").exists()
    page = client.get(url)
    assert b"bystander@sos.example" in page.content

    urls = _urls(helpline, operator)
    assert client.post(urls["change"], {"change-role": "volunteer", "change-sees_contacts": "on"}).status_code == 302
    operator.refresh_from_db()
    assert (operator.role, operator.sees_contacts) == ("volunteer", True)
    assert AuditEvent.objects.filter(record_uuid=operator.uuid, action="update").exists()

    # The operator takes a conversation; removing them sends it back to the queue.
    conversation, _token = services.web_start(helpline=helpline, body="ciao")
    Conversation.objects.filter(pk=conversation.pk).update(assigned_to=world["bystander"])
    confirm = client.get(urls["remove"])
    assert confirm.status_code == 200 and b"<form" in confirm.content
    assert Operator.objects.filter(pk=operator.pk).exists()  # asking changes nothing
    assert client.post(urls["remove"]).status_code == 302
    assert not Operator.objects.filter(pk=operator.pk).exists()
    conversation.refresh_from_db()
    assert conversation.assigned_to is None
    assert AuditEvent.objects.filter(record_uuid=operator.uuid, action="delete").exists()
    # The removed person no longer reaches the console.
    client.force_login(world["bystander"])
    assert client.get(reverse("helpline:console", kwargs={"uuid": helpline.uuid})).status_code == 404


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@nowhere.example", "Nobody with this e-mail address is a member of"),
        ("coordinator@altro.example", "Nobody with this e-mail address is a member of"),
        ("volunteer@sos.example", "already answers for this helpline"),
        ("not-an-email", "Enter a valid email address."),
        ("", "This field is required."),
    ],
)
def test_bad_additions_change_nothing_and_keep_the_input(client, world, email, message):
    helpline = world["helpline"]
    client.force_login(world["coordinator"])
    before = list(Operator.objects.filter(helpline=helpline).values_list("user__email", "role", "sees_contacts"))
    events = AuditEvent.objects.count()
    url = reverse("helpline:operators", kwargs={"uuid": helpline.uuid})
    response = client.post(url, {"add-email": email, "add-role": "counsellor", "add-sees_contacts": "on"})
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "govuk-error-summary" in content
    form = response.context["form"]
    assert form.data["add-email"] == email and form.data["add-role"] == "counsellor"
    assert 'value="counsellor" selected' in content and 'name="add-sees_contacts" type="checkbox" checked' in content
    after = list(Operator.objects.filter(helpline=helpline).values_list("user__email", "role", "sees_contacts"))
    assert after == before and AuditEvent.objects.count() == events


def test_bad_role_is_refused(client, world):
    client.force_login(world["coordinator"])
    url = reverse("helpline:operators", kwargs={"uuid": world["helpline"].uuid})
    response = client.post(url, {"add-email": "bystander@sos.example", "add-role": "boss"})
    assert response.status_code == 400
    assert not Operator.objects.filter(user=world["bystander"]).exists()


def test_the_last_coordinator_cannot_be_removed_or_demoted(client, world):
    helpline = world["helpline"]
    client.force_login(world["coordinator"])
    mine = Operator.objects.get(helpline=helpline, user=world["coordinator"])
    urls = _urls(helpline, mine)
    response = client.post(urls["remove"])
    assert response.status_code == 400
    assert "needs a coordinator" in response.content.decode()
    response = client.post(urls["change"], {"change-role": "volunteer"})
    assert response.status_code == 400
    assert "needs a coordinator" in response.content.decode()
    assert response.context["form"].data["change-role"] == "volunteer"
    mine.refresh_from_db()
    assert mine.role == "coordinator" and Operator.objects.filter(pk=mine.pk).exists()
    # With a second coordinator the first may step down, then leave.
    counsellor = Operator.objects.get(helpline=helpline, user=world["counsellor"])
    services.operator_update(actor=world["coordinator"], operator=counsellor, role="coordinator", sees_contacts=True)
    assert client.post(urls["change"], {"change-role": "coordinator"}).status_code == 302
    response = client.post(urls["remove"])
    assert response.status_code == 302 and response["Location"].endswith(reverse("helpline:home"))
    assert not Operator.objects.filter(pk=mine.pk).exists()


def test_a_coordinator_who_steps_down_goes_back_to_the_console(client, world):
    helpline = world["helpline"]
    counsellor = Operator.objects.get(helpline=helpline, user=world["counsellor"])
    services.operator_update(actor=world["coordinator"], operator=counsellor, role="coordinator", sees_contacts=True)
    client.force_login(world["coordinator"])
    mine = Operator.objects.get(helpline=helpline, user=world["coordinator"])
    response = client.post(_urls(helpline, mine)["change"], {"change-role": "counsellor", "change-sees_contacts": "on"})
    assert response["Location"].endswith(reverse("helpline:console", kwargs={"uuid": helpline.uuid}))
    assert client.get(response["Location"]).status_code == 200
    assert client.get(_urls(helpline, mine)["list"]).status_code == 404


def test_services_refuse_people_without_the_permission(world):
    from django.core.exceptions import PermissionDenied

    helpline = world["helpline"]
    volunteer = Operator.objects.get(helpline=helpline, user=world["volunteer"])
    for actor in (world["counsellor"], world["other"], world["bystander"]):
        with pytest.raises(PermissionDenied):
            services.operator_add(actor=actor, helpline=helpline, email="bystander@sos.example", role="volunteer")
        with pytest.raises(PermissionDenied):
            services.operator_update(actor=actor, operator=volunteer, role="coordinator", sees_contacts=True)
        with pytest.raises(PermissionDenied):
            services.operator_remove(actor=actor, operator=volunteer)
    with pytest.raises(ValidationError):
        services.operator_add(actor=world["coordinator"], helpline=helpline, email="", role="volunteer")


def test_operators_page_query_count_does_not_grow(client, world, make_member, django_assert_num_queries):
    helpline = world["helpline"]
    client.force_login(world["coordinator"])
    url = reverse("helpline:operators", kwargs={"uuid": helpline.uuid})

    def add(count, start):
        for i in range(count):
            user = make_member(world["organisation"], email=f"op{start + i}@sos.example")
            services.operator_add(actor=world["coordinator"], helpline=helpline, user=user, role="volunteer")

    from django.db import connection

    add(2, 0)
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    expected = len(small.captured_queries)
    add(40, 100)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("/remove/") == Operator.objects.filter(helpline=helpline).count()
