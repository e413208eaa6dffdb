"""The satisfaction survey after a decision, and its published quarterly index."""

import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from sikejar.complaints import services
from sikejar.complaints.models import SurveyResponse
from sikejar.complaints.survey import ELEMENT_CODES, quality_of, satisfaction_index
from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.models import Requirement
from tests.complaints.conftest import bare_file, decide
from tests.conftest import login

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")


def _answers(*scores: int, comment: str = "") -> dict[str, object]:
    return {**dict(zip(ELEMENT_CODES, scores, strict=True)), "comment": comment}


def _scores(value: int) -> dict[str, int]:
    return dict.fromkeys(ELEMENT_CODES, value)


@pytest.fixture
def decided(recommended, head):
    return decide(recommended, head)


def test_the_decided_file_links_to_the_survey(client, applicant, decided):
    response = login(client, applicant).get(f"/applications/{decided.pk}/")

    assert f'href="/survey/application/{decided.pk}/"' in response.text


def test_an_undecided_file_has_no_survey(client, applicant, submitted):
    login(client, applicant)

    page = client.get(f"/applications/{submitted.pk}/")
    response = client.get(f"/survey/application/{submitted.pk}/")

    assert f"/survey/application/{submitted.pk}/" not in page.text
    assert response.status_code == 302
    assert response["Location"] == f"/applications/{submitted.pk}/"


def test_the_survey_asks_the_nine_elements_on_the_regulations_scale(
    client, applicant, decided
):
    response = login(client, applicant).get(f"/survey/application/{decided.pk}/")

    assert response.status_code == 200
    assert response.text.count("<fieldset") == 9
    for label in ("Not suitable", "Very easy", "Free", "Well managed", "Very good"):
        assert label in response.text


def test_the_company_answers_once(client, applicant, decided):
    login(client, applicant)

    response = client.post(
        f"/survey/application/{decided.pk}/",
        _answers(4, 3, 4, 4, 3, 3, 4, 2, 3, comment="Cepat."),
    )
    again = client.post(
        f"/survey/application/{decided.pk}/", _answers(1, 1, 1, 1, 1, 1, 1, 1, 1)
    )

    answer = SurveyResponse.objects.get()
    assert response.status_code == 302
    assert again.status_code == 302
    assert (answer.application, answer.requirements, answer.complaints) == (
        decided,
        4,
        2,
    )
    assert answer.comment == "Cepat."
    event = AuditEvent.objects.get(action=AuditAction.SURVEY_ANSWERED)
    assert event.actor == applicant
    page = client.get(f"/applications/{decided.pk}/").text
    assert "You answered the satisfaction survey" in page
    assert f'href="/survey/application/{decided.pk}/"' not in page


def test_a_rejected_file_may_be_rated_too(applicant, head, recommended):
    p2k3_services.application_decide(
        actor=head,
        application=recommended,
        approve=False,
        reasons="Tidak lengkap.",
        citations=[
            p2k3_services.CitationData(Requirement.objects.all()[0], "Tidak ada.")
        ],
    )

    services.survey_answer(actor=applicant, application=recommended, scores=_scores(2))

    assert SurveyResponse.objects.count() == 1


def test_a_missing_element_is_asked_for(client, applicant, decided):
    answers = _answers(4, 3, 4, 4, 3, 3, 4, 2, 3)
    del answers["cost"]

    response = login(client, applicant).post(
        f"/survey/application/{decided.pk}/", answers
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert re.search(
        r'<input[^>]*value="4"[^>]*id="id_requirements_3"[^>]*checked', response.text
    )
    assert not SurveyResponse.objects.exists()


def test_a_score_outside_1_to_4_is_refused(applicant, decided):
    with pytest.raises(DomainError):
        services.survey_answer(actor=applicant, application=decided, scores=_scores(5))

    assert not SurveyResponse.objects.exists()


def test_a_second_answer_is_refused_by_the_service(applicant, decided):
    services.survey_answer(actor=applicant, application=decided, scores=_scores(3))

    with pytest.raises(DomainError):
        services.survey_answer(actor=applicant, application=decided, scores=_scores(4))

    assert SurveyResponse.objects.count() == 1


def test_another_companys_operator_gets_404(client, other_applicant, decided):
    response = login(client, other_applicant).get(f"/survey/application/{decided.pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["verifier", "head", "inspectorate"])
def test_officers_cannot_answer_for_the_company(client, persona, request, decided):
    response = login(client, request.getfixturevalue(persona)).post(
        f"/survey/application/{decided.pk}/", _answers(4, 4, 4, 4, 4, 4, 4, 4, 4)
    )

    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


# Five answers over two quarters, and the figures worked out by hand.
Q1 = [
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (3, 3, 3, 4, 3, 3, 3, 3, 3),
    (2, 3, 4, 4, 3, 2, 3, 1, 3),
]
Q2 = [
    (2, 2, 2, 4, 2, 2, 2, 2, 2),
    (3, 2, 2, 4, 2, 3, 2, 2, 2),
]


def _answered(application, at: datetime, scores) -> None:
    SurveyResponse.objects.create(
        application=bare_file(application, status="approved"),
        answered_at=at,
        comment="Petugas bernama Budi sangat membantu.",
        **dict(zip(ELEMENT_CODES, scores, strict=True)),
    )


@pytest.fixture
def answers(submitted):
    q1_times = (
        datetime(2026, 1, 5, 10, tzinfo=JAKARTA),
        datetime(2026, 2, 20, 10, tzinfo=JAKARTA),
        datetime(2026, 3, 31, 23, 59, tzinfo=JAKARTA),
    )
    for at, scores in zip(q1_times, Q1, strict=True):
        _answered(submitted, at, scores)
    # 31 March, 20:00 in UTC is already 1 April in Jambi: the second quarter.
    _answered(submitted, datetime(2026, 3, 31, 20, tzinfo=ZoneInfo("UTC")), Q2[0])
    _answered(submitted, datetime(2026, 5, 2, 9, tzinfo=JAKARTA), Q2[1])


def test_the_index_per_quarter_matches_the_figures_worked_by_hand(
    client, answers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get("/survey/results/")

    text = response.text
    assert response.status_code == 200
    # Q1: element sums 9, 10, 11, 12, 10, 9, 10, 8, 10 over 3 respondents;
    # 89 / 27 = 3.2963 on average, times 25 = 82.41: B.
    assert "Q1 2026" in text
    assert "82.41" in text
    assert "B (Good)" in text
    # Q2: element means 2.5, 2, 2, 4, 2, 2.5, 2, 2, 2 (sum 21);
    # 21 / 9 = 2.3333, times 25 = 58.33: D.
    assert "Q2 2026" in text
    assert "58.33" in text
    assert "D (Not good)" in text
    assert text.index("Q2 2026") < text.index("Q1 2026")  # Newest first.
    for mean in ("3.67", "2.67", "2.50", "4.00"):
        assert mean in text


def test_the_results_carry_no_personal_data(client, answers, submitted, applicant):
    text = client.get("/survey/results/").text

    assert "Budi" not in text
    assert submitted.company.legal_name not in text
    assert submitted.tracking_number not in text
    assert applicant.email not in text


def test_the_results_page_explains_the_formula(client, db):
    text = client.get("/survey/results/").text

    assert "No answers yet." in text
    assert "IKM = 25 \u00d7 (NRR\u2081 + NRR\u2082 + \u2026 + NRR\u2089) / 9" in text
    assert "88.31 \u2013 100.00" in text


@pytest.mark.parametrize(
    ("index", "quality"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_the_quality_follows_the_regulations_bands(index, quality):
    assert quality_of(Decimal(index)) == quality


def test_the_index_runs_from_25_to_100():
    assert satisfaction_index([Decimal(4)] * 9) == Decimal("100.00")
    assert satisfaction_index([Decimal(1)] * 9) == Decimal("25.00")


def test_the_score_columns_are_the_nine_elements():
    columns = [f.name for f in SurveyResponse._meta.get_fields()]

    assert [c for c in columns if c in ELEMENT_CODES] == list(ELEMENT_CODES)
