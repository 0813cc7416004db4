"""clearinghouse token create|list|revoke: API tokens."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from clearinghouse.access import services
from clearinghouse.access.models import ApiToken


class Command(BaseCommand):
    help = "Create, list or revoke API tokens (Authorization: Bearer <token>)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Issue a token and print it once")
        create.add_argument("username")
        create.add_argument("--name", default="cli")
        sub.add_parser("list", help="List tokens")
        revoke = sub.add_parser("revoke", help="Revoke a token by its prefix")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "create":
            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"username: no user named {options['username']!r}.")
            _, raw = services.api_token_create(user=user, name=options["name"])
            self.stdout.write(raw)
        elif options["action"] == "list":
            for token in ApiToken.objects.select_related("user"):
                state = "revoked" if token.revoked else "active"
                self.stdout.write(f"{token.prefix}  {token.user}  {token.name}  {state}")
        else:
            found = ApiToken.objects.filter(prefix=options["prefix"], revoked=False).first()
            if found is None:
                raise CommandError(f"prefix: no active token starts with {options['prefix']!r}.")
            services.api_token_revoke(token=found)
            self.stdout.write(f"Revoked {found}.")
