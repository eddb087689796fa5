"""Query counts of the busiest pages stay the same when the data grows ten times."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from civica.strategy import services

from .conftest import run_to


def _grow(world, times):
    strategy, admin = world["strategy"], world["admin"]
    latest = strategy.versions.order_by("-number").first()
    kept = [{"paragraph": t.paragraph.uuid, "text": t.text} for t in latest.texts.all()] if latest else []
    new = [{"paragraph": None, "text": f"Paragraful {len(kept) + n}"} for n in range(3 * times)]
    services.version_create(actor=admin, strategy=strategy, paragraphs=kept + new)
    version = strategy.versions.order_by("-number").first()
    for text in version.texts.all()[: 3 * times]:
        comment = services.comment_add(
            actor=world["member"], strategy=strategy, paragraph_uuid=text.paragraph.uuid, text="Comentariu"
        )
        services.comment_answer(actor=admin, comment=comment, verdict="partly", reason="Parțial")
    start = strategy.objectives.count()
    for n in range(times):
        objective = services.objective_add(actor=admin, strategy=strategy, code=f"O{start + n}", title="Obiectiv")
        measure = services.measure_add(actor=admin, objective=objective, code="M1", title="Măsură")
        for k in range(2):
            services.action_add(
                actor=admin, measure=measure, code=f"A{k}", title="Acțiune", budget="100", progress=k * 50
            )
    survey = strategy.surveys.first() or services.survey_create(
        actor=admin,
        strategy=strategy,
        title="Sondaj",
        questions=[{"kind": "choice", "text": "?", "choices": ["Da", "Nu"]}, {"kind": "text", "text": "De ce?"}],
    )
    for _n in range(times):
        q = {question.kind: question.pk for question in survey.questions.all()}
        services.response_submit(
            actor=admin, survey=survey, answers={q["choice"]: "Da", q["text"]: "Pentru că"}, from_paper=True
        )
    return version, survey


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_same_queries_at_ten_times_the_data(client, world, django_assert_num_queries):
    run_to(world, "consultation")
    strategy = world["strategy"]
    version, survey = _grow(world, 1)
    client.force_login(world["coordinator"])
    pages = lambda version: [  # noqa: E731
        f"/en/strategies/{strategy.uuid}/",
        f"/en/strategies/versions/{version.uuid}/",
        f"/en/strategies/{strategy.uuid}/plan/",
        f"/en/strategies/surveys/{survey.uuid}/",
        f"/api/v1/strategies/versions/{version.uuid}",
    ]
    small = [_count(client, path) for path in pages(version)]
    version, survey = _grow(world, 10)
    large = [_count(client, path) for path in pages(version)]
    assert small == large
    with django_assert_num_queries(small[1]):
        client.get(f"/en/strategies/versions/{version.uuid}/")
