"""Every URL pattern, walked with every persona.

The table below says what each persona must get from each URL. A URL
pattern without a row fails the test that lists them, so a new page cannot
ship without deciding who may see it.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sikejar.accounts.models import Role, User
from sikejar.companies.models import Membership
from sikejar.complaints import services as complaint_services
from sikejar.complaints.models import Report
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, Requirement
from tests.conftest import complete_draft
from tests.decrees.conftest import (  # noqa: F401 (fixtures of the decree rows)
    archive,
    authority,
    issue,
    signer,
)
from tests.factories import (
    MembershipFactory,
    OfficeFactory,
    OfficerFactory,
    UserFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db

PERSONAS = (
    "public",
    "applicant",
    "other_applicant",
    "verifier",
    "other_verifier",
    "head",
    "inspectorate",
    "foreign_officer",
    "admin",
)
OK, LOGIN = "ok", "login"


def row(spec: str) -> dict[str, str]:
    """One expectation per persona, in the order of PERSONAS."""
    codes = spec.split()
    assert len(codes) == len(PERSONAS), spec
    return dict(zip(PERSONAS, codes, strict=True))


EVERYONE = row("ok ok ok ok ok ok ok ok ok")
COMPANY_USERS = row("login ok ok 403 403 403 403 403 403")
OWN_COMPANY = row("login ok 404 404 404 404 404 404 404")
COMPANY_ACT = row("login ok 404 403 403 403 403 404 404")
FILE_VIEW = row("login ok 404 ok ok ok ok 404 404")
VERIFIER_ACT = row("login 403 404 ok 403 403 403 404 404")
HEAD_ACT = row("login 403 404 403 403 ok 403 404 404")


@dataclass(frozen=True)
class Expect:
    codes: dict[str, str]
    method: str = "get"
    file: str = "in_verification"


EXPECTATIONS: dict[str, Expect] = {
    "home": Expect(EVERYONE),
    "healthz": Expect(EVERYONE),
    "integrity:log": Expect(EVERYONE),
    "integrity:checkpoints": Expect(EVERYONE),
    "integrity:events": Expect(EVERYONE),
    "integrity:key": Expect(EVERYONE),
    "integrity:inclusion": Expect(EVERYONE),
    # Without its two sizes the request is malformed, whoever asks.
    "integrity:consistency": Expect(row("400 400 400 400 400 400 400 400 400")),
    "language_set": Expect(EVERYONE, "post"),
    "companies:list": Expect(COMPANY_USERS),
    "companies:create": Expect(COMPANY_USERS),
    "companies:join": Expect(COMPANY_USERS),
    "companies:detail": Expect(OWN_COMPANY),
    "companies:edit": Expect(OWN_COMPANY),
    "companies:membership_approve": Expect(OWN_COMPANY, "post"),
    "companies:membership_reject": Expect(OWN_COMPANY, "post"),
    "companies:expert_create": Expect(OWN_COMPANY),
    "companies:expert_edit": Expect(OWN_COMPANY),
    "companies:expert_paper": Expect(OWN_COMPANY),
    "p2k3:create": Expect(row("login ok 404 403 403 403 403 403 403"), "post"),
    "p2k3:detail": Expect(FILE_VIEW),
    "p2k3:document_download": Expect(FILE_VIEW),
    "p2k3:edit": Expect(COMPANY_ACT, file="returned"),
    "p2k3:check": Expect(COMPANY_ACT, "post", file="returned"),
    "p2k3:document_upload": Expect(COMPANY_ACT, "post", file="returned"),
    "p2k3:submit": Expect(COMPANY_ACT, "post", file="returned"),
    "p2k3:receipt": Expect(COMPANY_ACT),
    "p2k3:receipt_pdf": Expect(COMPANY_ACT),
    "p2k3:withdraw": Expect(COMPANY_ACT),
    "p2k3:message_post": Expect(row("login ok 404 ok ok ok 403 404 404"), "post"),
    "p2k3:queue": Expect(row("login 403 403 ok ok 403 403 ok 403")),
    "p2k3:to_decide": Expect(row("login 403 403 403 403 ok 403 403 403")),
    "p2k3:review": Expect(VERIFIER_ACT),
    "p2k3:return": Expect(VERIFIER_ACT, "post"),
    "p2k3:recommend": Expect(VERIFIER_ACT, "post"),
    "p2k3:decision": Expect(HEAD_ACT, file="recommended"),
    "p2k3:approve": Expect(HEAD_ACT, "post", file="recommended"),
    "p2k3:reject": Expect(HEAD_ACT, "post", file="recommended"),
    "p2k3:send_back": Expect(HEAD_ACT, "post", file="recommended"),
    # The fair queue: reasons for out of turn, conflicts, the head's reassignment.
    "p2k3:review_out_of_turn": Expect(VERIFIER_ACT),
    "p2k3:decision_out_of_turn": Expect(HEAD_ACT, file="recommended"),
    "p2k3:out_of_turn_log": Expect(row("login 403 403 403 403 403 ok 403 403")),
    "p2k3:conflicts": Expect(row("login 403 403 ok ok ok 403 ok 403")),
    "p2k3:reassign": Expect(HEAD_ACT),
    # Anyone tracks a submitted file by its number.
    "tracking:form": Expect(EVERYONE),
    "tracking:detail": Expect(EVERYONE),
    # The signed decree: its file's viewers download it, its office's head cancels.
    "decree_staff:download": Expect(FILE_VIEW, file="decreed"),
    "decree_staff:cancel": Expect(HEAD_ACT, file="decreed"),
    "decree_staff:amend": Expect(
        row("login ok 404 403 403 403 403 403 403"), "post", file="decreed"
    ),
    # Verification, the register and the open data API are public and read-only.
    "decrees:verify": Expect(EVERYONE, file="decreed"),
    "decrees:verify_pdf": Expect(EVERYONE, file="decreed"),
    "decrees:check": Expect(EVERYONE),
    "decrees:register": Expect(EVERYONE),
    "decrees:register_csv": Expect(EVERYONE),
    "decrees:register_json": Expect(EVERYONE),
    "api:root": Expect(EVERYONE),
    "api:decree_list": Expect(EVERYONE),
    "api:decree_detail": Expect(EVERYONE, file="decreed"),
    "api:verify": Expect(EVERYONE, file="decreed"),
    "api:schema": Expect(EVERYONE),
    "api:docs": Expect(EVERYONE),
    # The service standard, its history and the statistics are public.
    "transparency:standard": Expect(EVERYONE),
    "transparency:standard_history": Expect(EVERYONE),
    "transparency:standard_version": Expect(EVERYONE),
    "transparency:statistics": Expect(EVERYONE),
    "transparency:statistics_csv": Expect(EVERYONE),
    # Anyone reports and follows up; a company reports on its own file.
    "complaints:new": Expect(EVERYONE),
    "complaints:follow_up": Expect(EVERYONE),
    "complaints:follow_up_add": Expect(EVERYONE, "post"),
    "complaints:from_application": Expect(COMPANY_ACT),
    # Reports reach the inspectorate of the office, never the file's officers.
    "complaints:inbox": Expect(row("login 403 403 403 403 403 ok 403 403")),
    "complaints:detail": Expect(row("login 403 403 403 403 403 ok 403 403")),
    "complaints:reply": Expect(row("login 403 403 403 403 403 ok 403 403"), "post"),
    "complaints:evidence": Expect(row("login 403 403 403 403 403 ok 403 403")),
    # The company rates its decided file; the index is public.
    "complaints:survey": Expect(COMPANY_ACT, file="decreed"),
    "complaints:survey_results": Expect(EVERYONE),
}

# The officers' pages of the office as a whole, with no file in their URL.
OFFICE_PAGES = (
    "p2k3:queue",
    "p2k3:to_decide",
    "p2k3:out_of_turn_log",
    "p2k3:conflicts",
)

PUBLIC_BY_CODE = (
    "decrees:verify",
    "decrees:verify_pdf",
    "api:decree_detail",
    "api:verify",
)

# Pages of packages that guard themselves, covered by one rule per group:
# the admin answers only staff; allauth's pages are public or need sign-in.
THIRD_PARTY_PREFIXES = ("admin:", "account_", "mfa_")


def _walk(patterns: list[URLPattern | URLResolver], namespace: str = "") -> list[str]:
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            names += _walk(pattern.url_patterns, inner)
        elif pattern.name:
            names.append(f"{namespace}{pattern.name}")
    return names


ALL_NAMES = sorted(set(_walk(get_resolver().url_patterns)))


def test_every_url_pattern_has_an_expectation():
    unknown = [
        name
        for name in ALL_NAMES
        if name not in EXPECTATIONS and not name.startswith(THIRD_PARTY_PREFIXES)
    ]

    assert unknown == []


@pytest.fixture
def world(office, applicant, other_applicant, verifier, head, inspectorate, draft):
    """One company's file in each state the table needs, and every persona."""
    files = {
        "in_verification": services.application_submit(
            actor=applicant, application=draft
        )
    }
    files["returned"] = _another_file(draft, applicant)
    services.application_submit(actor=applicant, application=files["returned"])
    services.application_return(
        actor=verifier,
        application=files["returned"],
        citations=[
            services.CitationData(Requirement.objects.all()[0], "Tidak terbaca.")
        ],
    )
    files["recommended"] = _another_file(draft, applicant)
    services.application_submit(actor=applicant, application=files["recommended"])
    services.application_recommend(
        actor=verifier,
        application=files["recommended"],
        approve=True,
        reasons="Lengkap.",
    )
    people = {
        "applicant": applicant,
        "other_applicant": other_applicant,
        "verifier": verifier,
        # Made after the submissions, so that every file went to `verifier`.
        "other_verifier": OfficerFactory(office=office, role=Role.VERIFIER),
        "head": head,
        "inspectorate": inspectorate,
        "foreign_officer": OfficerFactory(
            office=OfficeFactory(name="Disnaker Lain", regencies=[]), role=Role.VERIFIER
        ),
        "admin": UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True),
    }
    membership = MembershipFactory(
        company=draft.company, user=UserFactory(), status="pending"
    )
    return files, people, membership


@pytest.fixture
def decreed(world, request) -> Application:
    """A file whose decree is in force; signed only for the rows that need it."""
    files, people, _ = world
    application = _another_file(files["in_verification"], people["applicant"])
    services.application_submit(actor=people["applicant"], application=application)
    # The newest verifier of the office has the fewest files, so it got this one.
    assert application.verifier is not None
    services.application_recommend(
        actor=application.verifier, application=application, approve=True, reasons="Ok."
    )
    issue(application, request.getfixturevalue("signer"))
    return application


def _another_file(draft: Application, applicant: User) -> Application:
    return complete_draft(draft.company, operator=applicant)


def _report(application: Application) -> Report:
    """An anonymous report, with evidence, to the file's office."""
    facts = complaint_services.ReportFacts(
        what_happened="Diminta uang.",
        happened_on=application.created_at.date(),
        place="P2K3",
        evidence=SimpleUploadedFile("e.pdf", pdf_bytes(), "application/pdf"),
    )
    return complaint_services.report_file_anonymously(
        office=application.office, facts=facts
    ).report


def _url(name: str, application: Application, membership: Membership) -> str:
    company = application.company
    expert = company.experts.get()
    document = application.documents.filter(is_current=True)[0]
    kwargs_by_name: dict[str, dict[str, object]] = {
        "p2k3:create": {"company_pk": company.pk},
        "p2k3:document_upload": {
            "pk": application.pk,
            "requirement_pk": document.requirement_id,
        },
        "p2k3:document_download": {"pk": application.pk, "document_pk": document.pk},
        "companies:membership_approve": {
            "pk": company.pk,
            "membership_pk": membership.pk,
        },
        "companies:membership_reject": {
            "pk": company.pk,
            "membership_pk": membership.pk,
        },
        "companies:expert_edit": {"pk": company.pk, "expert_pk": expert.pk},
        "companies:expert_paper": {
            "pk": company.pk,
            "expert_pk": expert.pk,
            "paper": "skp",
        },
    }
    if hasattr(application, "decree"):
        for public in PUBLIC_BY_CODE:
            kwargs_by_name[public] = {"code": application.decree.code}
        kwargs_by_name["decree_staff:download"] = {"pk": application.decree.pk}
        kwargs_by_name["decree_staff:cancel"] = {"pk": application.decree.pk}
    kwargs_by_name["decree_staff:amend"] = {"company_pk": company.pk}
    kwargs_by_name["integrity:inclusion"] = {"seq": 1}
    kwargs_by_name["tracking:detail"] = {"number": application.tracking_number}
    kwargs_by_name["transparency:standard_version"] = {"number": 1}
    if name in kwargs_by_name:
        return reverse(name, kwargs=kwargs_by_name[name])
    if name in ("complaints:detail", "complaints:reply", "complaints:evidence"):
        return reverse(name, kwargs={"pk": _report(application).pk})
    if name in ("complaints:from_application", "complaints:survey"):
        return reverse(name, kwargs={"pk": application.pk})
    if name.startswith("companies:") and name not in (
        "companies:list",
        "companies:create",
        "companies:join",
    ):
        return reverse(name, kwargs={"pk": company.pk})
    if name.startswith("p2k3:") and name not in OFFICE_PAGES:
        return reverse(name, kwargs={"pk": application.pk})
    return reverse(name)


def _outcome(response) -> str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    if response.status_code in (200, 302):
        return OK
    return str(response.status_code)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_each_persona_gets_what_the_table_says(name, world, request):
    files, people, membership = world
    expect = EXPECTATIONS[name]
    cache.clear()  # Public pages limit requests per address; start each row afresh.
    if expect.file == "decreed":
        files = {**files, "decreed": request.getfixturevalue("decreed")}
    url = _url(name, files[expect.file], membership)
    seen = {}

    for persona in PERSONAS:
        client = Client()
        if persona != "public":
            client.force_login(people[persona])
        response = getattr(client, expect.method)(url)
        seen[persona] = _outcome(response)

    assert seen == expect.codes, url


def test_the_admin_answers_only_staff(world):
    _, people, _ = world
    for persona in ("applicant", "verifier", "head", "inspectorate"):
        client = Client()
        client.force_login(people[persona])

        response = client.get("/admin/p2k3/application/")

        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in ALL_NAMES
        if n.startswith(("account_", "mfa_"))
        and not get_resolver().reverse_dict.getlist(n)[0][0][0][1]
    ],
)
def test_the_account_pages_answer_the_public_without_error(name):
    response = Client().get(reverse(name))

    assert response.status_code in (200, 302, 405), name
