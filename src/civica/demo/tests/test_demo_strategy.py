"""The demo holds Timișoara's social-services strategy at the action-plan stage, with its consultation
history and the council's vote; a second load changes nothing."""

from django.contrib.auth import get_user_model

from civica.core.models import AuditEvent
from civica.demo.services import demo_load
from civica.demo.strategy import COORDINATOR, SWOT_TITLE, TITLE
from civica.strategy import selectors
from civica.strategy.models import Strategy


def test_the_demo_strategy(territories):
    demo_load(pdf_copies=False)
    strategy = Strategy.objects.get(title=TITLE)
    assert selectors.active_stage(strategy).kind == "action_plan"
    assert strategy.published_at and strategy.is_locked and strategy.adopted_version.number == 2
    survey = strategy.surveys.get()
    results = selectors.survey_results(survey)
    assert results["total"] == 12 and results["by_channel"] == {"token": 3, "paper": 9}
    comments = list(strategy.comments.all())
    assert len(comments) == 4 and all(comment.verdict for comment in comments)
    decision = selectors.decision_of(strategy)
    assert decision.result == "adopted" and selectors.tally(decision)["counts"] == {
        "yes": 19,
        "no": 3,
        "abstain": 2,
        "absent": 3,
    }
    plan = selectors.plan_of(strategy)
    assert len(plan["actions"]) == 5 and plan["progress"] > 0
    assert strategy.charters.get().signatures.count() == 5
    # The processing stage's SWOT analysis of the working group, its entries from the minutes, cited by objectives.
    analysis = strategy.swot_analyses.get()
    assert analysis.group == strategy.working_group and analysis.title == SWOT_TITLE
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    (shown,) = selectors.swots_of_strategy(user=coordinator, strategy=strategy)
    counts = {kind: len(entries) for kind, _label, entries in shown.quadrants}
    assert counts == {"strength": 2, "weakness": 2, "opportunity": 2, "threat": 2}
    assert sum(len(entry.sources) for _k, _l, entries in shown.quadrants for entry in entries) == 4
    cited = {o.code: o.swot_entries.count() for o in strategy.objectives.all()}
    assert cited == {"OS1": 4, "OS2": 2}
    events = AuditEvent.objects.count()
    demo_load(pdf_copies=False)
    assert AuditEvent.objects.count() == events
