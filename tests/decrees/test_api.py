"""The open data API: read-only and public, described by its OpenAPI document."""

import re

import hypothesis
import pytest
import schemathesis
import yaml
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.validation import validate_schema
from schemathesis.checks import negative_data_rejection

from sikejar.decrees.forms import RegisterFilterForm
from sikejar.decrees.public import PUBLIC_FIELDS
from sikejar.wsgi import application
from tests.decrees.test_public_register import copies
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def client():
    """The public, reading in English (Indonesian is the default)."""
    return Client(headers={"accept-language": "en"})


def test_the_list_is_the_register_paginated(client, issued):
    copies(issued, 30)

    first = client.get("/api/v1/decrees/").json()
    second = client.get("/api/v1/decrees/?page=2").json()

    assert first["count"] == 31
    assert len(first["results"]) == 25
    assert len(second["results"]) == 6
    assert first["results"][0]["number"] == issued.number
    assert first["next"] == "http://testserver/api/v1/decrees/?page=2"


def test_the_list_filters_as_the_register(client, issued):
    [other] = copies(issued, 1, company="CV Karet Tebo")
    copies(issued, 1, company="CV Karet Tebo", status="replaced")

    response = client.get("/api/v1/decrees/?company=karet&status=in_force")

    assert [item["number"] for item in response.json()["results"]] == [other.number]


def test_a_wrong_filter_answers_400(client, issued):
    response = client.get("/api/v1/decrees/?year=abc&status=lost")

    assert response.status_code == 400
    assert set(response.json()) == {"year", "status"}


def test_the_list_costs_a_fixed_number_of_queries(
    client, issued, django_assert_max_num_queries
):
    copies(issued, 30)

    # The count, and one page of decrees with their joins.
    with django_assert_max_num_queries(2):
        response = client.get("/api/v1/decrees/?status=in_force")

    assert response.status_code == 200


def test_one_decree_is_found_by_its_code(client, issued):
    response = client.get(f"/api/v1/decrees/{issued.code}/")

    assert response.status_code == 200
    assert tuple(response.json()) == PUBLIC_FIELDS
    assert response.json()["number"] == issued.number


def test_verification_by_code_answers_genuine(client, issued):
    response = client.get(f"/api/v1/verify/{issued.code}/")

    assert response.status_code == 200
    assert response.json()["genuine"] is True
    assert response.json()["in_force"] is True
    assert response.json()["decree"]["sha256"] == issued.sha256


def test_an_unknown_code_is_not_found(client, issued):
    assert client.get("/api/v1/verify/unknown/").status_code == 404
    assert client.get("/api/v1/decrees/unknown/").status_code == 404


def test_unknown_codes_share_the_pages_budget(client, issued, settings):
    settings.SIKEJAR_VERIFY_MISS_LIMIT = 2
    client.get("/v/unknown-1")
    client.get("/api/v1/verify/unknown-2/")

    response = client.get(f"/api/v1/verify/{issued.code}/")

    assert response.status_code == 429
    assert "Too many unknown codes" in response.json()["detail"]


def test_the_anonymous_api_is_throttled(client, issued, settings):
    settings.SIKEJAR_API_ANON_RATE = "3/minute"

    codes = [client.get("/api/v1/decrees/").status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429]


def test_a_signed_in_user_gets_the_same_public_answer(client, issued):
    client.force_login(UserFactory())

    response = client.get(f"/api/v1/decrees/{issued.code}/")

    assert response.status_code == 200
    assert tuple(response.json()) == PUBLIC_FIELDS


@pytest.mark.parametrize(
    "path",
    ["/api/v1/decrees/", "/api/v1/decrees/{code}/", "/api/v1/verify/{code}/"],
)
def test_the_api_only_reads(client, issued, path):
    url = path.format(code=issued.code)

    for method in (client.post, client.put, client.patch, client.delete):
        assert method(url).status_code == 405


def test_the_root_lists_the_parts(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["decrees"] == "http://testserver/api/v1/decrees/"
    assert response.json()["schema"] == "http://testserver/api/schema/"


def test_the_schema_is_valid_openapi(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/decrees/",
        "/api/v1/decrees/{code}/",
        "/api/v1/verify/{code}/",
    }


def test_the_schema_describes_exactly_the_allow_list(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    decree = schema["components"]["schemas"]["Decree"]
    assert tuple(decree["properties"]) == PUBLIC_FIELDS
    seat = schema["components"]["schemas"]["Seat"]
    assert set(seat["properties"]) == {"role", "name"}
    listed = schema["paths"]["/api/v1/decrees/"]["get"]["parameters"]
    assert {p["name"] for p in listed} == {*RegisterFilterForm.base_fields, "page"}


def test_the_docs_load_nothing_from_elsewhere(client):
    response = client.get("/api/docs/")

    page = response.content.decode()
    assert response.status_code == 200
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources
    assert all(source.startswith("/static/") for source in sources)
    assert "validatorUrl" in page


# Loaded once at collection: the schema view reads no database.
api_schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def in_process(settings):
    """Serve schemathesis's requests as Django's test client serves its own.

    Hypothesis sends far more requests a minute than any person would, and
    the connection must survive each request inside the test's transaction.
    """
    settings.SIKEJAR_API_ANON_RATE = "100000/minute"
    settings.SIKEJAR_VERIFY_MISS_LIMIT = 100000
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@api_schema.parametrize()
@hypothesis.settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
def test_the_api_keeps_to_its_schema(case, issued, in_process):
    # An empty filter means "any", as in the register's form, though the schema
    # types "year" as an integer and "status" as an enum: don't flag it.
    case.call_and_validate(excluded_checks=[negative_data_rejection])
