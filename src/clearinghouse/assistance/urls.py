from django.urls import path

from clearinghouse.assistance.views import offers, requests, runs, themes

app_name = "assistance"
urlpatterns = [
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/import/", requests.request_import, name="request_import"),
    path("requests/escalations/", requests.escalation_queue, name="escalation_queue"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request_edit"),
    path("requests/<int:pk>/transition/", requests.request_transition,
         name="request_transition"),
    path("priority-themes/", themes.priority_themes, name="priority_themes"),
    path("offers/", offers.offer_list, name="offer_list"),
    path("offers/new/", offers.offer_create, name="offer_create"),
    path("offers/unused/", offers.offer_unused, name="offer_unused"),
    path("offers/<int:pk>/", offers.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/close/", offers.offer_close, name="offer_close"),
    path("brokerage/", runs.run_list, name="run_list"),
    path("brokerage/start/", runs.run_start, name="run_start"),
    path("brokerage/<int:pk>/", runs.run_detail, name="run_detail"),
    path("proposals/<int:pk>/decide/", runs.proposal_decide, name="proposal_decide"),
]
