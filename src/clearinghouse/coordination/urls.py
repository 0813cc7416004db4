from django.urls import path

from clearinghouse.coordination import views

app_name = "coordination"
urlpatterns = [
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/publish/", views.activity_publish, name="activity_publish"),
]
