"""clearinghouse load_demo: demo users and records, and the logins to try them."""

from typing import Any

from django.core.management.base import BaseCommand

from clearinghouse.web.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Create demo users, roles and registry records (once), and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        logins = demo_load()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in logins:
            scope = f" for {login.scope}" if login.scope else ""
            self.stdout.write(f"  {login.username:12} {login.role}{scope}")
