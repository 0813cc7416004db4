from django.urls import path

from clearinghouse.mandates import views

app_name = "mandates"
urlpatterns = [
    path("", views.resolution_list, name="resolution_list"),
    path("<int:pk>/", views.resolution_detail, name="resolution_detail"),
    path("<int:pk>/progress-report/", views.progress_report, name="progress_report"),
    path("tracker/", views.tracker, name="tracker"),
    path("review/", views.review_queue, name="review_queue"),
    path("mandates/<int:pk>/", views.mandate_edit, name="mandate_edit"),
    path("provisions/<int:pk>/correct/", views.provision_correct, name="provision_correct"),
]
