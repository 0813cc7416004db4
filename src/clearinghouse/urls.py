"""URL map: web pages, the API under /api/, and the admin back-office."""

from django.contrib import admin
from django.urls import include, path

from clearinghouse.api import api
from clearinghouse.coordination.views import iati_feed

urlpatterns = [
    path("", include("clearinghouse.web.urls")),
    path("registry/", include("clearinghouse.registry.urls")),
    path("jobs/", include("clearinghouse.jobs.urls")),
    path("mandates/", include("clearinghouse.mandates.urls")),
    path("assistance/", include("clearinghouse.assistance.urls")),
    path("coordination/", include("clearinghouse.coordination.urls")),
    path("finance/", include("clearinghouse.finance.urls")),
    path("iati/activities.xml", iati_feed, name="iati_feed"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
