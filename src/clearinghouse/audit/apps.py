from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "clearinghouse.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from clearinghouse.audit import recording

        recording.connect()
