"""The admin site is for platform administrators only, and their edits are audited."""


def test_platform_admin_edits_are_audited(client, platform_admin, make_organisation):
    from civica.core.models import AuditEvent

    organisation = make_organisation(name="Before")
    client.force_login(platform_admin)
    assert client.get("/en/admin/organisations/organisation/").status_code == 200
    page = client.get(f"/en/admin/organisations/organisation/{organisation.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "name": "After",
            "territory": "",
            "parent": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    response = client.post(f"/en/admin/organisations/organisation/{organisation.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(record_uuid=organisation.uuid, action="update")
    assert (event.actor, event.before["name"], event.after["name"]) == (platform_admin, "Before", "After")


def test_admin_is_closed_to_organisation_admins(client, two_organisations):
    _ours, _theirs, people = two_organisations
    client.force_login(people["admin"])
    assert client.get("/en/admin/organisations/organisation/").status_code == 302
