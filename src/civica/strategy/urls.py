from django.urls import path

from . import views

app_name = "strategy"

urlpatterns = [
    path("strategies/", views.index, name="index"),
    path("strategies/new/", views.create, name="create"),
    path("strategies/funding/", views.funding, name="funding"),
    path("strategies/<uuid:uuid>/", views.detail, name="detail"),
    path("strategies/<uuid:uuid>/publish/", views.publish, name="publish"),
    path("strategies/<uuid:uuid>/stages/", views.stage_add, name="stage_add"),
    path("strategies/<uuid:uuid>/proposals/", views.proposal_add, name="proposal_add"),
    path("strategies/<uuid:uuid>/surveys/new/", views.survey_new, name="survey_new"),
    path("strategies/<uuid:uuid>/draft/", views.draft, name="draft"),
    path("strategies/<uuid:uuid>/draft/new/", views.version_new, name="version_new"),
    path("strategies/<uuid:uuid>/plan/", views.plan, name="plan"),
    path("strategies/<uuid:uuid>/plan/<str:which>/", views.plan_add, name="plan_add"),
    path("strategies/<uuid:uuid>/progress/", views.progress, name="progress"),
    path("strategies/<uuid:uuid>/council/", views.council, name="council"),
    path("strategies/<uuid:uuid>/council/<str:which>/", views.council_action, name="council_action"),
    path("strategies/<uuid:uuid>/strategy.pdf", views.strategy_pdf, name="strategy_pdf"),
    path("strategies/<uuid:uuid>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("strategies/<uuid:uuid>/actions.csv", views.actions_csv, name="actions_csv"),
    path("strategies/stages/<uuid:uuid>/", views.stage, name="stage"),
    path("strategies/stages/<uuid:uuid>/edit/", views.stage_edit, name="stage_edit"),
    path("strategies/stages/<uuid:uuid>/transition/", views.stage_transition, name="stage_transition"),
    path("strategies/stages/<uuid:uuid>/documents/", views.document_add, name="document_add"),
    path("strategies/stages/<uuid:uuid>/documents/<uuid:document_uuid>/", views.document, name="document"),
    path("strategies/surveys/<uuid:uuid>/", views.survey, name="survey"),
    path("strategies/surveys/<uuid:uuid>/paper/", views.survey_paper, name="survey_paper"),
    path("strategies/surveys/<uuid:uuid>/codes/", views.survey_codes, name="survey_codes"),
    path("strategies/surveys/<uuid:uuid>/answer/", views.survey_answer, name="survey_answer"),
    path("strategies/surveys/<uuid:uuid>/open/", views.survey_open, name="survey_open"),
    path("strategies/versions/<uuid:uuid>/", views.version, name="version"),
    path("strategies/versions/<uuid:uuid>/comments/", views.comment_add, name="comment_add"),
    path("strategies/comments/<uuid:uuid>/answer/", views.comment_answer, name="comment_answer"),
    path("strategies/actions/<uuid:uuid>/progress/", views.action_progress, name="action_progress"),
    path("charters/", views.charters, name="charters"),
    path("charters/<uuid:uuid>/", views.charter, name="charter"),
    path("charters/<uuid:uuid>/sign/", views.charter_sign, name="charter_sign"),
]
