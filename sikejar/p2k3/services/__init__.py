"""Every change of a P2K3 application's state.

Each function runs in one transaction, checks who acts and from which
state, appends one audit event and queues e-mail only after commit.
Transitions two officers could race on update conditionally on the old
status and fail when another act got there first.
"""

from sikejar.p2k3.services.assignment import (
    application_reassign,
    conflict_declare,
)
from sikejar.p2k3.services.common import CitationData, MemberData, operators_of
from sikejar.p2k3.services.drafting import (
    application_create,
    application_save_draft,
    document_upload,
)
from sikejar.p2k3.services.filing import (
    application_submit,
    application_withdraw,
    message_post,
)
from sikejar.p2k3.services.oversight import (
    application_take_out_of_turn,
    file_download_record,
    file_view_record,
)
from sikejar.p2k3.services.review import (
    application_decide,
    application_recommend,
    application_return,
    application_send_back,
)

__all__ = [
    "CitationData",
    "MemberData",
    "application_create",
    "application_decide",
    "application_reassign",
    "application_recommend",
    "application_return",
    "application_save_draft",
    "application_send_back",
    "application_submit",
    "application_take_out_of_turn",
    "application_withdraw",
    "conflict_declare",
    "document_upload",
    "file_download_record",
    "file_view_record",
    "message_post",
    "operators_of",
]
