from django.urls import path

from . import public_views, views

app_name = "timebank"

urlpatterns = [
    path("timebank/", views.home, name="home"),
    path("timebank/new/", views.bank_new, name="bank_new"),
    path("timebank/listings/<uuid:uuid>/", views.listing, name="listing"),
    path("timebank/listings/<uuid:uuid>/edit/", views.listing_edit, name="listing_edit"),
    path("timebank/exchanges/<uuid:uuid>/", views.exchange, name="exchange"),
    path("timebank/<uuid:bank>/", views.bank, name="bank"),
    path("timebank/<uuid:bank>/join/", views.join, name="join"),
    path("timebank/<uuid:bank>/board/", public_views.board, name="board"),
    path("timebank/<uuid:bank>/settings/", views.bank_settings, name="bank_settings"),
    path("timebank/<uuid:bank>/write/<uuid:member>/", views.write, name="write"),
    path("timebank/<uuid:bank>/leave/", views.leave, name="leave"),
    path("timebank/<uuid:bank>/account/", views.account, name="account"),
    path("timebank/<uuid:bank>/account/statement.<str:fmt>", views.my_statement, name="my_statement"),
    path("timebank/<uuid:bank>/listings/new/", views.listing_new, name="listing_new"),
    path("timebank/<uuid:bank>/exchanges/new/", views.exchange_new, name="exchange_new"),
    path("timebank/<uuid:bank>/members/", views.members, name="members"),
    path("timebank/<uuid:bank>/members.csv", views.members_csv, name="members_csv"),
    path("timebank/<uuid:bank>/members/<uuid:member>/<str:action>/", views.member_action, name="member_action"),
    path(
        "timebank/<uuid:bank>/members/<uuid:member>/statement.<str:fmt>",
        views.member_statement,
        name="member_statement",
    ),
    path("timebank/<uuid:bank>/fund-payment/", views.fund_payment, name="fund_payment"),
    path("timebank/<uuid:bank>/cheques/", views.cheque, name="cheque"),
    path("timebank/<uuid:bank>/ledger/", views.ledger_page, name="ledger"),
    path("timebank/<uuid:bank>/ledger/<uuid:transfer>/correct/", views.correct, name="correct"),
    path("timebank/<uuid:bank>/dashboard/", views.dashboard, name="dashboard"),
]
