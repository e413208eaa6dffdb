"""Moving a file away from its verifier, quietly.

Called when a company reports a request for money on its file. The move is
p2k3's ordinary system reassignment: the old verifier gets no e-mail, and
the record reads exactly as a move after a declared conflict does.
"""

from sikejar.accounts.models import User
from sikejar.core.errors import DomainError
from sikejar.p2k3.models import Application, ReassignReason
from sikejar.p2k3.services import application_reassign


def application_reassign_away(*, application: Application) -> User | None:
    """Give an open file to another verifier of its office; None if it cannot move.

    Runs inside the caller's transaction, so a refused move leaves the
    report filed and the inspectorate sees that the file stayed.
    """
    try:
        return application_reassign(
            actor=None, application=application, reason=ReassignReason.INTEGRITY_REPORT
        )
    except DomainError:
        return None
