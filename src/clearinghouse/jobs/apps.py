from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "clearinghouse.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
