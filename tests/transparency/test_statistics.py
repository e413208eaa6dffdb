"""The public statistics against figures worked out by hand for seven files.

July 2026 has no national holiday; 17 August is one. Working days to
decision (limit 5):

    file  regency      submitted     returned   resubmitted  decided          days
    A     Muaro Jambi  Mon 6 Jul                             Thu 9 Jul  yes   3
    B     Muaro Jambi  Mon 6 Jul     Tue 7 Jul  Mon 13 Jul   Wed 15 Jul yes   1+2
    C     Kota Jambi   Wed 8 Jul                             Fri 17 Jul no    7
    D     Muaro Jambi  Fri 10 Jul                            Mon 13 Jul yes   1
    E     Kota Jambi   Mon 27 Jul    Wed 29 Jul Mon 3 Aug    Wed 5 Aug  yes   2+2
    F     Muaro Jambi  Thu 30 Jul    (open: 11 days on Fri 14 Aug, overdue)
    G     Kota Jambi   Mon 3 Aug     (withdrawn Tue 4 Aug)

B's return cites the SKP and the request letter, E's the SKP.
"""

import csv
import io

import pytest

from sikejar.p2k3 import services
from sikejar.transparency.stats import percentile
from tests.transparency.conftest import (
    decided,
    filed,
    operator_of,
    resubmitted,
    returned,
    travel,
)

pytestmark = pytest.mark.django_db

MUARO_JAMBI, KOTA_JAMBI = "15.05", "15.71"


@pytest.fixture
def files(office, verifier, head):
    a = filed("2026-07-06")
    decided(a, "2026-07-09", head)
    b = filed("2026-07-06")
    returned(b, "2026-07-07", "expert-skp", "request-letter")
    resubmitted(b, "2026-07-13")
    decided(b, "2026-07-15", head)
    c = filed("2026-07-08", regency=KOTA_JAMBI)
    decided(c, "2026-07-17", head, approve=False)
    d = filed("2026-07-10")
    decided(d, "2026-07-13", head)
    e = filed("2026-07-27", regency=KOTA_JAMBI)
    returned(e, "2026-07-29", "expert-skp")
    resubmitted(e, "2026-08-03")
    decided(e, "2026-08-05", head)
    f = filed("2026-07-30")
    g = filed("2026-08-03", regency=KOTA_JAMBI)
    with travel("2026-08-04"):
        services.application_withdraw(actor=operator_of(g), application=g)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g}


def get(client, url: str):
    with travel("2026-08-14", 12):
        return client.get(url)


def rows_of(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_percentiles_interpolate_between_the_nearest_values():
    assert percentile([1, 3, 3, 4, 7], 0.5) == 3
    assert percentile([1, 3, 3, 4, 7], 0.9) == pytest.approx(5.8)
    assert percentile([4, 7], 0.5) == 5.5
    assert percentile([4], 0.9) == 4
    assert percentile([], 0.5) is None


def test_the_figures_match_those_worked_out_by_hand(client, files):
    response = get(client, "/statistics/")

    stats = response.context["stats"]
    total = stats.total
    assert (total.received, total.decided, total.approved, total.rejected) == (
        7,
        5,
        4,
        1,
    )
    assert sorted(total.days) == [1, 3, 3, 4, 7]
    assert total.median_days == 3
    assert total.p90_days == pytest.approx(5.8)
    assert total.within_limit_share == pytest.approx(0.8)
    assert total.overdue_now == 1
    assert total.returned == 2
    cited = {c.code: c.returns for c in stats.cited}
    assert cited["expert-skp"] == 2
    assert cited["request-letter"] == 1
    assert cited["committee-structure"] == 0


def test_each_month_regency_and_office_has_its_row(client, files):
    response = get(client, "/statistics/")

    rows = {
        (f"{r.month:%Y-%m}", r.regency_code): r for r in response.context["stats"].rows
    }
    assert list(rows) == [
        ("2026-08", KOTA_JAMBI),
        ("2026-07", MUARO_JAMBI),
        ("2026-07", KOTA_JAMBI),
    ]
    july = rows["2026-07", MUARO_JAMBI]
    assert (july.received, july.decided, july.approved, july.rejected) == (4, 3, 3, 0)
    assert (july.median_days, july.p90_days, july.within_limit_share) == (3, 3, 1)
    assert (july.overdue_now, july.returned) == (1, 1)
    late = rows["2026-07", KOTA_JAMBI]
    assert (late.received, late.decided, late.rejected, late.median_days) == (
        2,
        1,
        1,
        7,
    )
    assert late.within_limit_share == 0
    august = rows["2026-08", KOTA_JAMBI]
    assert (august.received, august.decided, august.median_days) == (1, 1, 4)
    assert august.returned == 0


def test_the_month_totals_add_the_regencies(client, files):
    months = get(client, "/statistics/").context["stats"].months

    july, august = sorted(months, key=lambda m: m.month)
    assert (july.received, july.decided, july.median_days) == (6, 4, 3)
    assert july.p90_days == pytest.approx(5.8)
    assert july.within_limit_share == pytest.approx(0.75)
    assert (august.received, august.decided, august.median_days) == (1, 1, 4)


def test_the_page_shows_the_table_and_an_accessible_chart(client, files):
    text = get(client, "/statistics/").content.decode()

    assert "July 2026" in text
    assert "80%" in text
    assert "5.8" in text
    assert 'aria-hidden="true"' in text
    assert "<caption>" in text


def test_a_regency_filter_keeps_its_files_only(client, files):
    stats = get(client, f"/statistics/?regency={KOTA_JAMBI}").context["stats"]

    total = stats.total
    assert (total.received, total.decided) == (3, 2)
    assert total.median_days == 5.5
    assert total.p90_days == pytest.approx(6.7)
    assert total.within_limit_share == 0.5
    assert {c.code: c.returns for c in stats.cited}["expert-skp"] == 1


def test_a_year_filter_keeps_that_year_only(client, files):
    this = get(client, "/statistics/?year=2026").context["stats"].total
    other = get(client, "/statistics/?year=2025").context["stats"].total

    assert (this.received, this.decided) == (7, 5)
    assert (other.received, other.decided, other.returned) == (0, 0, 0)


def test_the_csv_holds_the_same_rows(client, files):
    response = get(client, "/statistics.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = {(r["month"], r["regency_code"]): r for r in rows_of(response)}
    july = rows["2026-07", MUARO_JAMBI]
    assert july["regency"] == "Kabupaten Muaro Jambi"
    assert (july["received"], july["decided"], july["approved"]) == ("4", "3", "3")
    assert (july["median_working_days"], july["p90_working_days"]) == ("3", "3")
    assert july["decided_within_limit_share"] == "1"
    assert (july["overdue_now"], july["returned"]) == ("1", "1")
    assert july["returns_citing:expert-skp"] == "1"
    assert july["returns_citing:request-letter"] == "1"
    assert rows["2026-07", KOTA_JAMBI]["decided_within_limit_share"] == "0"


def test_the_csv_follows_the_filters(client, files):
    rows = rows_of(get(client, f"/statistics.csv?regency={MUARO_JAMBI}"))

    assert [(r["month"], r["regency_code"]) for r in rows] == [("2026-07", MUARO_JAMBI)]


def test_no_personal_data_or_officer_appears(client, files, verifier, head):
    pages = [get(client, "/statistics/"), get(client, "/statistics.csv")]

    for response in pages:
        text = response.content.decode()
        for application in files.values():
            assert application.tracking_number not in text
            assert application.company.legal_name not in text
            assert operator_of(application).email not in text
        for officer in (verifier, head):
            assert officer.full_name not in text
            assert officer.email not in text
            assert officer.nip not in text


def test_the_page_costs_the_same_few_queries_for_many_files(
    client, office, verifier, head, django_assert_max_num_queries
):
    first = filed("2026-07-06")
    decided(first, "2026-07-08", head)
    with django_assert_max_num_queries(8):
        get(client, "/statistics/")

    for day in ("2026-07-07", "2026-07-08", "2026-07-09"):
        returned(filed(day), "2026-07-10", "expert-skp")
        decided(filed(day, regency=KOTA_JAMBI), "2026-07-13", head)
    with django_assert_max_num_queries(8):
        response = get(client, "/statistics/")
    assert response.context["stats"].total.received == 7


def test_an_empty_office_shows_empty_statistics(client):
    response = client.get("/statistics/")

    assert response.status_code == 200
    assert "No file matches this selection." in response.content.decode()
