import getpass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sikejar.accounts.models import User
from sikejar.core.errors import DomainError
from sikejar.decrees.services import signer_install


class Command(BaseCommand):
    help = (
        "Install a head of office's signing key and certificate from a "
        "password-protected PKCS#12 file. The password is asked for, checked "
        "and never stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The head of office's e-mail address.")
        parser.add_argument("pkcs12", type=Path, help="Path to the .p12 or .pfx file.")
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Read the password from this file instead of asking for it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            signer = User.objects.get(email=options["email"])
        except User.DoesNotExist:
            raise CommandError(f"No user with the e-mail {options['email']}.") from None
        archive = options["pkcs12"].read_bytes()
        password_file: Path | None = options["password_file"]
        password = (
            password_file.read_text().strip()
            if password_file
            else getpass.getpass("PKCS#12 password: ")
        )

        try:
            certificate = signer_install(
                actor=None, signer=signer, archive=archive, password=password
            )
        except DomainError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Installed {certificate.subject} (SHA-256 {certificate.fingerprint}) "
            f"for {signer.email}, valid until {certificate.not_after:%Y-%m-%d}."
        )
