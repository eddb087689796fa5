"""The demo's Athens centre has pilot actions in every state, memoranda, and trainings with attendance;
a second load changes nothing."""

from civica.events.models import Event, Registration
from civica.partnerships import selectors
from civica.partnerships.models import Memorandum, PilotAction


def test_demo_athens_centre(territories):
    from civica.demo.services import demo_load
    from civica.hub import selectors as hub_selectors

    demo_load(pdf_copies=False)
    counts = (
        PilotAction.objects.count(),
        Memorandum.objects.count(),
        Event.objects.count(),
        Registration.objects.count(),
    )
    demo_load(pdf_copies=False)
    assert (
        PilotAction.objects.count(),
        Memorandum.objects.count(),
        Event.objects.count(),
        Registration.objects.count(),
    ) == counts
    centre = hub_selectors.centre_get("accmr")
    figures = selectors.impact(centre)
    states = {state: n for state, _label, n in figures["pilot_actions"]}
    assert states == {"proposed": 1, "approved": 1, "rejected": 1, "running": 1, "evaluated": 1}
    assert figures["memoranda_active"] == 2 and figures["events_held"] == 2 and figures["participants"] == 5
    assert Registration.objects.filter(status="waiting").count() == 1
    assert Registration.objects.exclude(certificate_code=None).count() == 5
    assert Memorandum.objects.exclude(document="").get().document.read().startswith(b"%PDF-1.4")
