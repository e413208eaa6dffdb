from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from sikejar.demo.builder import PASSWORD, TOTP_SECRET, USERS, demo_build, demo_exists

_DUMMY_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Load the demo office, users and applications (only with DEBUG on)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data is refused when DEBUG is off.")
        if demo_exists():
            self.stdout.write("Demo data is already loaded.")
        else:
            # The demo's notifications would only flood the console.
            with override_settings(EMAIL_BACKEND=_DUMMY_EMAIL):
                demo_build()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))

        self.stdout.write(f"\nDemo users (password for all: {PASSWORD}):")
        for user in USERS:
            self.stdout.write(f"  {user.role.label:<22} {user.email}")
        self.stdout.write(
            "\nThe head signs decrees with the password above and a code from any "
            f"authenticator app set up with the key {TOTP_SECRET} (TOTP, 30 s).\n"
        )
