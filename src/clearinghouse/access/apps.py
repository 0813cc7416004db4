from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "clearinghouse.access"
    label = "access"
    verbose_name = "Roles and access"
