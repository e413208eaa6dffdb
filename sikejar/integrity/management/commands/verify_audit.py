from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sikejar.integrity.chain import audit_verify


class Command(BaseCommand):
    help = "Walk the audit chain and name the first event that was tampered with."

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if report.first_break is not None:
            raise CommandError(
                f"Audit chain BROKEN after {report.events} events: "
                f"{report.first_break.problem}."
            )
        self.stdout.write(
            f"Audit chain intact: {report.events} events, head {report.head_hash}."
        )
