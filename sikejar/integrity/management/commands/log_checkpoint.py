from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sikejar.integrity.log import LogBrokenError, checkpoint_sign


class Command(BaseCommand):
    help = "Sign a checkpoint of the audit log (run at least daily, e.g. from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            checkpoint = checkpoint_sign()
        except LogBrokenError as error:
            raise CommandError(f"The audit chain is broken: {error}") from None
        self.stdout.write(
            f"Checkpoint: {checkpoint.tree_size} entries, root {checkpoint.root_hash}."
        )
