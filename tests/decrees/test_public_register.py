"""The public register: every decree, searchable, paginated, exportable."""

import csv
import io
import json
import secrets
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client

from sikejar.accounts.models import Regency
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.decrees.public import PUBLIC_FIELDS
from sikejar.p2k3.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def client():
    """The public, reading in English (Indonesian is the default)."""
    return Client(headers={"accept-language": "en"})


def copies(decree: Decree, count: int, *, company: str = "", **changes) -> list[Decree]:
    """``count`` older decrees like ``decree``, as plain rows (nothing rendered).

    Each gets its own approved file, number and code; ``company`` renames the
    company in the decree's content, ``changes`` sets other columns.
    """
    made = []
    for index in range(count):
        application = Application.objects.get(pk=decree.application_id)
        application.pk = None
        application.tracking_number = f"COPY-{secrets.token_hex(4)}"
        application.status = ApplicationStatus.APPROVED
        application.save()
        serial = Decree.objects.count() + 100
        content = {**decree.content}
        if company:
            content["company"] = {**content["company"], "name": company}
        made.append(
            Decree.objects.create(
                **{
                    "application": application,
                    "office": decree.office,
                    "year": decree.year,
                    "serial": serial,
                    "number": f"560/{serial}/DISNAKERTRANS/{decree.year}",
                    "code": secrets.token_urlsafe(24),
                    "issued_at": decree.issued_at - timedelta(days=index + 1),
                    "signed_by": decree.signed_by,
                    "content": content,
                    "file": decree.file.name,
                    "sha256": secrets.token_hex(32),
                    **changes,
                }
            )
        )
    return made


def listed(response) -> list[str]:
    """The decree numbers on a register page, in order."""
    return [
        number
        for number in Decree.objects.values_list("number", flat=True)
        if f">{number}</a>" in response.content.decode()
    ]


def test_the_register_lists_every_decree_newest_first(client, issued):
    older = copies(issued, 2)

    response = client.get("/register/")

    page = response.content.decode()
    assert response.status_code == 200
    positions = [page.index(f">{d.number}</a>") for d in [issued, *older]]
    assert positions == sorted(positions)
    assert f'href="/v/{issued.code}"' in page
    assert "3 decrees" in page


def test_it_searches_by_part_of_the_company_name(client, issued):
    [other] = copies(issued, 1, company="CV Karet Tebo")

    response = client.get("/register/?company=karet")

    assert listed(response) == [other.number]
    assert 'value="karet"' in response.content.decode()


def test_it_searches_by_number(client, issued):
    [other] = copies(issued, 1)

    response = client.get(f"/register/?number={other.serial}/DISNAK")

    assert listed(response) == [other.number]


def test_it_searches_by_regency(client, issued):
    [other] = copies(issued, 1)
    other.content["company"]["regency"] = "Kabupaten Tebo"
    other.save(update_fields=["content"])
    Regency.objects.get_or_create(code="15.09", defaults={"name": "Kabupaten Tebo"})

    response = client.get("/register/?regency=Kabupaten+Tebo")

    assert listed(response) == [other.number]
    assert '<option value="Kabupaten Tebo" selected>' in response.content.decode()


def test_it_searches_by_year_and_status_together(client, issued):
    last_year = copies(issued, 1, year=issued.year - 1)
    copies(issued, 1, status=DecreeStatus.REPLACED)

    in_force_now = client.get(f"/register/?year={issued.year}&status=in_force")
    back_then = client.get(f"/register/?year={issued.year - 1}")

    assert listed(in_force_now) == [issued.number]
    assert listed(back_then) == [last_year[0].number]
    assert '<option value="in_force" selected>' in in_force_now.content.decode()


def test_a_wrong_filter_says_so_and_the_others_still_apply(client, issued):
    [other] = copies(issued, 1, company="CV Karet Tebo")

    response = client.get("/register/?year=abc&company=karet")

    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()
    assert listed(response) == [other.number]


def test_it_shows_25_a_page_and_keeps_the_search_in_page_links(client, issued):
    copies(issued, 30, company="CV Karet Tebo")

    first = client.get("/register/?company=karet")
    second = client.get("/register/?company=karet&page=2")

    assert len(listed(first)) == 25
    assert len(listed(second)) == 5
    assert "Page 1 of 2" in first.content.decode()
    assert 'href="?company=karet&amp;page=2"' in first.content.decode()


def test_the_register_page_costs_a_fixed_number_of_queries(
    client, issued, django_assert_max_num_queries
):
    copies(issued, 30)

    # Regency choices, the count, and one page of decrees with their joins.
    with django_assert_max_num_queries(3):
        response = client.get(f"/register/?status=in_force&year={issued.year}")

    assert response.status_code == 200


def test_the_csv_export_holds_the_filtered_list(
    client, issued, django_assert_max_num_queries
):
    copies(issued, 2, company="CV Karet Tebo")

    with django_assert_max_num_queries(1):
        response = client.get("/register.csv?company=sawit")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="sikejar-register.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == list(PUBLIC_FIELDS)
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["number"] == issued.number
    assert row["status"] == "in_force"
    assert row["company_name"] == "PT Sawit Makmur Jambi"
    assert row["committee"].startswith("Ketua (unsur pengusaha): Budi Santoso; ")
    assert row["verify_url"] == f"http://127.0.0.1:8000/v/{issued.code}"
    assert row["replaced_by"] == ""


def test_the_csv_export_defuses_spreadsheet_formulas(client, issued):
    copies(issued, 1, company="=HYPERLINK(1)")

    response = client.get("/register.csv?company=hyperlink")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][PUBLIC_FIELDS.index("company_name")] == "'=HYPERLINK(1)"


def test_the_json_export_holds_the_filtered_list(
    client, issued, django_assert_max_num_queries
):
    copies(issued, 40)

    # One read of the decrees with their joins.
    with django_assert_max_num_queries(1):
        response = client.get("/register.json?status=in_force")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == (
        'attachment; filename="sikejar-register.json"'
    )
    data = json.loads(response.content)
    assert data["count"] == 41
    assert data["results"][0]["number"] == issued.number
    assert all(tuple(item) == PUBLIC_FIELDS for item in data["results"])


def test_the_register_answers_only_reads(client):
    assert client.post("/register/").status_code == 405
    assert client.post("/register.csv").status_code == 405
