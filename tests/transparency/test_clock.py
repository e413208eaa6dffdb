"""The legal clock under a frozen clock: weekends, holidays, days off, corrections.

Calendar of August 2026 in Jambi: the 17th (Independence Day) is a Monday,
the 25th (the Prophet's Birthday) a Tuesday; 25 December is a Friday.
"""

from datetime import date

import pytest

from sikejar.accounts.models import User
from sikejar.p2k3 import services
from sikejar.transparency.clock import ClockState, WorkingCalendar, clock_of
from sikejar.transparency.services import day_off_set
from tests.conftest import login
from tests.transparency.conftest import (
    decided,
    filed,
    operator_of,
    resubmitted,
    returned,
    travel,
)

pytestmark = pytest.mark.django_db


def clock_on(application, day: str, hour: int = 12):
    with travel(day, hour):
        return clock_of(application)


def test_it_skips_weekends():
    calendar = WorkingCalendar()

    assert calendar.add(date(2026, 8, 7), 1) == date(2026, 8, 10)  # Fri to Mon.
    assert calendar.count(date(2026, 8, 7), date(2026, 8, 9)) == 0
    assert calendar.count(date(2026, 8, 7), date(2026, 8, 10)) == 1


def test_it_skips_national_holidays():
    calendar = WorkingCalendar()

    assert calendar.add(date(2026, 8, 14), 1) == date(2026, 8, 18)  # Mon 17 Aug.
    assert calendar.add(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Fri 25 Dec.
    assert not calendar.is_working_day(date(2026, 8, 25))


def test_it_skips_the_office_days_off():
    calendar = WorkingCalendar([date(2026, 8, 5)])

    assert calendar.count(date(2026, 8, 3), date(2026, 8, 7)) == 3
    assert calendar.add(date(2026, 8, 3), 2) == date(2026, 8, 6)


def test_a_file_is_due_five_working_days_after_submission_across_a_holiday(
    office, verifier
):
    application = filed("2026-08-12")  # Wednesday; Monday the 17th is a holiday.

    on_submission = clock_on(application, "2026-08-12", 17)
    on_tuesday = clock_on(application, "2026-08-18")

    assert on_submission.state == ClockState.RUNNING
    assert on_submission.expected_on == date(2026, 8, 20)
    assert (on_submission.used, on_submission.left) == (0, 5)
    assert (on_tuesday.used, on_tuesday.left) == (3, 2)
    assert on_tuesday.expected_on == date(2026, 8, 20)


def test_the_day_of_submission_is_the_office_day_whatever_the_hour(office, verifier):
    # 05:00 WIB on Monday is still Sunday in UTC: the office's day counts.
    early = filed("2026-08-10", 5)
    late = filed("2026-08-07", 23)  # Friday night: Monday is day 1.

    assert clock_on(early, "2026-08-10").expected_on == date(2026, 8, 18)
    assert clock_on(late, "2026-08-10").expected_on == date(2026, 8, 14)
    assert clock_on(late, "2026-08-10").used == 1


def test_the_clock_stops_while_the_file_is_with_the_company(office, verifier):
    application = filed("2026-08-03")  # Monday.
    returned(application, "2026-08-05")  # Wednesday: two days used.

    while_returned = clock_on(application, "2026-08-07")
    resubmitted(application, "2026-08-10")
    after = clock_on(application, "2026-08-11")

    assert while_returned.state == ClockState.STOPPED
    assert (while_returned.used, while_returned.left) == (2, 3)
    assert while_returned.expected_on is None
    assert after.state == ClockState.RUNNING
    assert (after.used, after.left) == (3, 2)
    assert after.expected_on == date(2026, 8, 13)


def test_an_office_day_off_moves_the_expected_date(office, verifier, admin_user):
    with travel("2026-08-01"):
        day_off_set(
            actor=admin_user, office=office, day=date(2026, 8, 5), reason="Cuti bersama"
        )
    application = filed("2026-08-03")

    clock = clock_on(application, "2026-08-07")

    assert clock.expected_on == date(2026, 8, 11)
    assert clock.used == 3


def test_a_decision_on_the_expected_day_is_within_the_limit(office, verifier, head):
    in_time = filed("2026-08-03")
    late = filed("2026-08-03")
    decided(in_time, "2026-08-10", head)
    decided(late, "2026-08-11", head, approve=False)

    assert clock_on(in_time, "2026-09-01").state == ClockState.IN_TIME
    assert clock_on(in_time, "2026-09-01").decided_on == date(2026, 8, 10)
    assert clock_on(late, "2026-09-01").state == ClockState.LATE
    assert clock_on(late, "2026-09-01").used == 6


def test_a_file_is_overdue_from_the_first_working_day_after_its_date(office, verifier):
    application = filed("2026-08-07")  # Friday: due Friday the 14th.

    assert clock_on(application, "2026-08-14").state == ClockState.RUNNING
    assert clock_on(application, "2026-08-16").state == ClockState.RUNNING
    assert clock_on(application, "2026-08-17").state == ClockState.RUNNING  # Holiday.
    overdue = clock_on(application, "2026-08-18")
    assert overdue.state == ClockState.OVERDUE
    assert overdue.overdue_by == 1


def test_a_withdrawn_file_stops_its_clock(office, verifier):
    application = filed("2026-08-03")
    with travel("2026-08-04"):
        services.application_withdraw(
            actor=operator_of(application), application=application
        )

    assert clock_on(application, "2026-09-01").state == ClockState.WITHDRAWN


def test_a_draft_has_no_clock(draft):
    assert clock_of(draft) is None


# What the company and the officers see.


def test_the_company_sees_its_expected_date_and_days_left(client, office, verifier):
    application = filed("2026-08-12")

    with travel("2026-08-18"):
        page = login(client, operator_of(application)).get(
            f"/applications/{application.pk}/"
        )

    text = page.content.decode()
    assert "Expected decision by <strong>Aug. 20, 2026</strong>" in text
    assert "3 of 5 working days used; 2 working days left." in text


def test_the_company_is_told_its_clock_is_stopped(client, office, verifier):
    application = filed("2026-08-03")
    returned(application, "2026-08-05")

    with travel("2026-08-07"):
        page = login(client, operator_of(application)).get(
            f"/applications/{application.pk}/"
        )

    text = page.content.decode()
    assert "The clock is stopped while the file is with you for correction." in text
    assert "2 of 5 working days used; 3 working days left after resubmission." in text


def test_a_draft_page_shows_no_clock(client, applicant, draft):
    page = login(client, applicant).get(f"/applications/{draft.pk}/")

    assert "Processing time" not in page.content.decode()


def test_the_verifier_sees_files_nearing_and_past_the_limit(
    client, office, verifier: User
):
    nearing = filed("2026-08-07")  # Due Friday the 14th.
    past = filed("2026-08-05")  # Due Wednesday the 12th.
    fresh = filed("2026-08-13")

    with travel("2026-08-13", 16):
        queue = login(client, verifier).get("/applications/queue/")
        home = client.get("/")

    for page in (queue, home):
        text = page.content.decode()
        assert "Past the limit by 1 working day" in text
        assert "1 working day left" in text
        assert "5 working days left" in text
    assert nearing.tracking_number in text
    assert past.tracking_number in text
    assert fresh.tracking_number in text


def test_the_head_sees_the_limit_of_files_to_decide(client, office, verifier, head):
    application = filed("2026-08-07")
    with travel("2026-08-13"):
        services.application_recommend(
            actor=verifier, application=application, approve=True, reasons="Ok."
        )

    with travel("2026-08-14"):
        page = login(client, head).get("/applications/to-decide/")

    assert "Last working day" in page.content.decode()


def test_the_inspectorate_sees_overdue_files_of_the_office(
    client, office, verifier, inspectorate
):
    filed("2026-08-03")

    with travel("2026-08-12"):
        page = login(client, inspectorate).get("/")

    assert "Past the limit by 2 working days" in page.content.decode()
