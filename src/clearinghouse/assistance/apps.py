from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "clearinghouse.assistance"
    label = "assistance"
    verbose_name = "Clearing-house: requests, offers and brokerage"

    def ready(self) -> None:
        from clearinghouse.assistance import jobs  # noqa: F401  (registers job kinds)
