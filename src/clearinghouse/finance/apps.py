from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "clearinghouse.finance"
    label = "finance"
    verbose_name = "Resources and finance"
