"""Every change of an integrity report or a survey answer.

Each function runs in one transaction, appends one audit event and sends
e-mail only after commit. Reports reach the inspectorate and nobody else.
"""

from sikejar.complaints.services.reassignment import application_reassign_away
from sikejar.complaints.services.reports import (
    Filed,
    ReportFacts,
    code_digest,
    report_add_information,
    report_file_anonymously,
    report_file_from_application,
    report_file_named,
    report_reply,
)
from sikejar.complaints.services.survey import DECIDED, survey_answer

__all__ = [
    "DECIDED",
    "Filed",
    "ReportFacts",
    "application_reassign_away",
    "code_digest",
    "report_add_information",
    "report_file_anonymously",
    "report_file_from_application",
    "report_file_named",
    "report_reply",
    "survey_answer",
]
