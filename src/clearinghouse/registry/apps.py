from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "clearinghouse.registry"
    label = "registry"
    verbose_name = "Registry"

    def ready(self) -> None:
        from clearinghouse.registry import jobs  # noqa: F401  (registers job kinds)
