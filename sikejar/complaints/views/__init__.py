"""Pages of reports and the survey: public, the company's, the inspectorate's.

The URL map imports every view from here; the modules split them by who
uses them.
"""

from sikejar.complaints.views.company import report_from_application, survey_answer
from sikejar.complaints.views.inspectorate import evidence, inbox, reply, report_detail
from sikejar.complaints.views.public import (
    follow_up,
    follow_up_add,
    report_new,
    survey_results,
)

__all__ = [
    "evidence",
    "follow_up",
    "follow_up_add",
    "inbox",
    "reply",
    "report_detail",
    "report_from_application",
    "report_new",
    "survey_answer",
    "survey_results",
]
