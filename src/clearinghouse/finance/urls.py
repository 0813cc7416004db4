from django.urls import path

from clearinghouse.finance.views import donors, ledger, statements

app_name = "finance"
urlpatterns = [
    path("entries/", ledger.entry_list, name="entry_list"),
    path("entries/new/", ledger.entry_create, name="entry_create"),
    path("rates/", ledger.rate_list, name="rate_list"),
    path("rates/new/", ledger.rate_create, name="rate_create"),
    path("statements/<str:code>/", statements.statement, name="statement"),
    path("statements/<str:code>/issue/", statements.statement_issue, name="statement_issue"),
    path("concentration/", statements.concentration, name="concentration"),
    path("donors/", donors.donor_view, name="donor_view"),
]
