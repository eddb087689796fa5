"""The protection case as a workflow of the case core: assessed, then under intervention, then
monitored, then closed. Closing needs no outcome text: a closed protection case is never offered to
the case core's search of solutions, which indexes the outcome."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from civica.cases.workflows import ADMIN, OWNER, STAFF, State, Transition, Workflow, register

PROTECTION = register(
    Workflow(
        key="protection",
        label=_("Protection case"),
        prefix="PC",
        initial="assessment",
        domain_page="protection:case",
        confidential=True,
        states=(
            # The first risk assessment is due within 24 hours of the report (Legea 217/2003 practice).
            State("assessment", _("Risk assessment"), deadline=timedelta(days=1)),
            State("intervention", _("Intervention"), deadline=timedelta(days=30)),
            State("monitoring", _("Monitoring"), deadline=timedelta(days=90)),
            State("closed", _("Closed"), terminal=True),
        ),
        transitions=(
            Transition("intervene", _("Start the intervention"), ("assessment", "monitoring"), "intervention"),
            Transition("monitor", _("Move to monitoring"), ("intervention",), "monitoring"),
            Transition("close", _("Close the case"), ("assessment", "intervention", "monitoring"), "closed"),
            Transition("reopen", _("Reopen"), ("closed",), "intervention", allowed=frozenset({OWNER, ADMIN})),
        ),
    )
)
# Staff of the lead organisation may move the case too (the case core's default); named for clarity.
MOVERS = frozenset({OWNER, STAFF, ADMIN})
