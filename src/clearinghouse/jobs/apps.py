from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "clearinghouse.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        import clearinghouse.celery  # noqa: F401  (binds shared tasks to the app)
