"""The case workflow for helpline conversations escalated to a case (a counsellor's follow-up, a
referral to social services or to the police), registered with the case core."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from civica.cases.workflows import ADMIN, OWNER, STAFF, State, Transition, Workflow, register

HELPLINE_ESCALATION = register(
    Workflow(
        key="helpline",
        label=_("Escalated helpline conversation"),
        prefix="HE",
        initial="assessment",
        states=(
            State("assessment", _("Risk assessment"), deadline=timedelta(days=1)),
            State("follow_up", _("Follow-up by a counsellor"), deadline=timedelta(days=7)),
            State("referred", _("Referred to a service"), deadline=timedelta(days=14)),
            State("closed", _("Closed"), terminal=True),
        ),
        transitions=(
            Transition("follow_up", _("Start the follow-up"), ("assessment", "referred"), "follow_up"),
            Transition("refer", _("Refer to a service"), ("assessment", "follow_up"), "referred"),
            Transition("close", _("Close"), ("assessment", "follow_up", "referred"), "closed", needs_outcome=True),
            Transition("reopen", _("Reopen"), ("closed",), "follow_up", allowed=frozenset({OWNER, ADMIN, STAFF})),
        ),
    )
)
