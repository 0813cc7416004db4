from django.apps import AppConfig


class MandatesConfig(AppConfig):
    name = "clearinghouse.mandates"
    label = "mandates"
    verbose_name = "Mandates"

    def ready(self) -> None:
        from clearinghouse.mandates import jobs  # noqa: F401  (registers job kinds)
