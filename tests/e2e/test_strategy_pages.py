"""The participatory strategy in a real browser: axe on every page in four languages, and the journey of a
consultation comment and its answer."""

import datetime

import pytest

from .conftest import LANGUAGES, axe_violations, format_violations, html_lang, sign_in, url

pytestmark = pytest.mark.browser

COORDINATOR = "radu.constantin@cries.example"  # coordinates the Timișoara working group; admin of CRIES
STAKEHOLDER = "ana.popescu@amr.example"


class PageChecker:
    """Visits pages and collects every problem, so one run shows them all."""

    def __init__(self, page, live_server, lang):
        self.page, self.live_server, self.lang = page, live_server, lang
        self.problems: list[str] = []
        self.checked: list[str] = []

    def visit(self, path: str, status: int = 200, label: str = ""):
        response = self.page.goto(url(self.live_server, path))
        if response is None or response.status != status:
            self.problems.append(f"{label or path}: HTTP {response.status if response else None}, expected {status}")
        self.check(label or path)

    def check(self, label: str):
        self.checked.append(label)
        if html_lang(self.page) != self.lang:
            self.problems.append(f"{label}: <html lang={html_lang(self.page)!r}>, expected {self.lang!r}")
        violations = axe_violations(self.page)
        if violations:
            self.problems.append(format_violations(violations, f"{label} ({self.page.url})"))

    def assert_clean(self):
        assert self.checked and not self.problems, f"[{self.lang}]\n" + "\n".join(self.problems)


@pytest.fixture
def world(demo_world):
    from civica.demo.strategy import TITLE
    from civica.strategy.models import Strategy

    _report, password = demo_world
    strategy = Strategy.objects.get(title=TITLE)
    return {"password": password, "strategy": strategy}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_strategy_page_is_accessible(new_context, live_server, world, lang):
    strategy = world["strategy"]
    stage = strategy.stages.get(kind="action_plan")
    survey = strategy.surveys.get()
    version = strategy.versions.order_by("-number").first()
    charter = strategy.charters.get()
    page = new_context().new_page()
    sign_in(page, live_server, COORDINATOR, world["password"], lang)
    checker = PageChecker(page, live_server, lang)
    base = f"/{lang}/strategies"
    for path in (
        f"{base}/",
        f"{base}/new/",
        f"{base}/{strategy.uuid}/",
        f"{base}/stages/{stage.uuid}/",
        f"{base}/{strategy.uuid}/surveys/new/",
        f"{base}/surveys/{survey.uuid}/",
        f"{base}/surveys/{survey.uuid}/answer/",
        f"{base}/versions/{version.uuid}/",
        f"{base}/{strategy.uuid}/plan/",
        f"{base}/{strategy.uuid}/progress/",
        f"{base}/{strategy.uuid}/council/",
        f"{base}/funding/",
        f"/{lang}/charters/",
        f"/{lang}/charters/{charter.uuid}/",
    ):
        checker.visit(path)
    # A form sent back with errors, and the one-time codes shown once.
    page.goto(url(live_server, f"{base}/{strategy.uuid}/surveys/new/"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    checker.check("survey form with errors")
    page.goto(url(live_server, f"{base}/surveys/{survey.uuid}/"))
    with page.expect_navigation():
        page.locator("form[action$='/codes/'] button[type=submit]").click()
    checker.check("one-time codes")
    # The SWOT link form and the objectives' citation form sent back with errors.
    _second_swot(strategy)
    page.goto(url(live_server, f"{base}/{strategy.uuid}/"))
    with page.expect_navigation():
        page.locator("form[action$='/swot/'] button[type=submit]").click()
    checker.check("SWOT link form with errors")
    page.goto(url(live_server, f"{base}/{strategy.uuid}/plan/"))
    with page.expect_navigation():
        page.locator("form[action$='/plan/cite/'] button[type=submit]").click()
    checker.check("SWOT citation form with errors")
    # Someone without an account, with a code.
    anonymous = new_context().new_page()
    anonymous_checker = PageChecker(anonymous, live_server, lang)
    anonymous_checker.visit(f"{base}/surveys/{survey.uuid}/answer/", label="anonymous answer form")
    anonymous_checker.visit(f"{base}/{strategy.uuid}/progress/", label="public progress")
    anonymous_checker.visit(f"{base}/{strategy.uuid}/", label="public strategy with its SWOT analysis")
    checker.problems += anonymous_checker.problems
    checker.assert_clean()


def _second_swot(strategy):
    """A second analysis of the working group, not linked, so the link form is offered (made once)."""
    from civica.groups import selectors as group_selectors
    from civica.groups import services as group_services

    group = strategy.working_group
    if not group_selectors.swots_of(group).filter(title="Analiza SWOT a parteneriatelor").exists():
        coordinator = group.members.get(position="coordinator").user
        group_services.swot_create(actor=coordinator, group=group, title="Analiza SWOT a parteneriatelor")


def test_a_consultation_comment_and_its_answer(new_context, live_server, world):
    from civica.core.permissions import SYSTEM
    from civica.strategy import services

    coordinator_user = world["strategy"].working_group.members.get().user
    organisation = world["strategy"].organisation
    strategy = services.strategy_create(
        actor=SYSTEM,
        organisation=organisation,
        title="Planul de incluziune socială 2027",
        working_group=world["strategy"].working_group,
        language="ro",
    )
    services.version_create(
        actor=SYSTEM,
        strategy=strategy,
        paragraphs=services.paragraphs_from_text("# Scop\n\nServicii de zi pentru copii în fiecare cartier."),
    )
    services.strategy_publish(actor=SYSTEM, strategy=strategy)
    for stage in strategy.stages.order_by("position"):
        services.stage_start(actor=SYSTEM, stage=stage)
        if stage.kind == "consultation":
            break
        services.stage_finish(actor=SYSTEM, stage=stage)
    assert coordinator_user.email == COORDINATOR

    # A stakeholder comments on the paragraph.
    page = new_context().new_page()
    sign_in(page, live_server, STAKEHOLDER, world["password"], "ro")
    page.goto(url(live_server, f"/ro/strategies/{strategy.uuid}/draft/"))
    page.locator("a[href*='?paragraph=']").nth(1).click()
    form = page.locator("form[action$='/comments/']")
    form.locator("textarea[name='comment-text']").fill("Includeți și centrele pentru adolescenți.")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "Includeți și centrele pentru adolescenți." in page.content()
    violations = axe_violations(page)
    assert not violations, format_violations(violations, "after the comment")

    # The coordinator answers it: partly accepted, and why.
    page = new_context().new_page()
    sign_in(page, live_server, COORDINATOR, world["password"], "ro")
    page.goto(url(live_server, f"/ro/strategies/{strategy.uuid}/draft/"))
    page.locator("details summary").first.click()
    answer = page.locator("form[action*='/comments/'][action$='/answer/']").first
    answer.locator("select").select_option("partly")
    answer.locator("textarea").fill("Centrele pentru adolescenți intră în planul din 2028.")
    with page.expect_navigation():
        answer.locator("button[type=submit]").click()
    body = page.content()
    assert "Centrele pentru adolescenți intră în planul din 2028." in body
    comment = strategy.comments.get()
    assert comment.verdict == "partly" and comment.answered_at.date() <= datetime.date.today()
    violations = axe_violations(page)
    assert not violations, format_violations(violations, "after the answer")
