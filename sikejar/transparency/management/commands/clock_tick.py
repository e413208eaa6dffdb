from typing import Any

from django.core.management.base import BaseCommand

from sikejar.transparency.services import clock_tick


class Command(BaseCommand):
    help = (
        "Mark files that passed their processing limit and tell the head and "
        "the inspectorate (run hourly from cron or Celery beat; idempotent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        marked = clock_tick()
        self.stdout.write(f"Files newly past their processing limit: {marked}.")
