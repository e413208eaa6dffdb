"""Public pages and API responses carry the allow-listed fields and nothing else."""

import json
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from sikejar.companies.models import Company, Membership, SafetyExpert
from sikejar.decrees import services
from sikejar.decrees.public import PUBLIC_FIELDS
from sikejar.p2k3.models import Application, ApplicationDocument, CommitteeMember
from tests.decrees.conftest import issue
from tests.decrees.test_lifecycle import recommended_file
from tests.decrees.test_public_verify import amend

pytestmark = pytest.mark.django_db

# A run of 16 digits that is not part of a hexadecimal digest: a NIK's shape.
NIK_LIKE = re.compile(r"(?<![0-9a-fA-F])\d{16}(?![0-9a-fA-F])")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def decrees(issued, signer, verifier):
    """Newest first: an amendment in force, a cancelled decree, a replaced one."""
    cancelled = issue(recommended_file(verifier), signer)
    services.decree_cancel(actor=signer, decree=cancelled, reason="Data keliru.")
    new = amend(issued, signer, verifier)
    for decree in (issued, cancelled, new):
        decree.refresh_from_db()
    return [new, cancelled, issued]


def expected(decree, *, names: bool = True) -> dict[str, Any]:
    """What the public may know of ``decree``, written out field by field."""
    base = "http://127.0.0.1:8000/v/"
    replaces = decree.replaces
    replaced_by = getattr(decree, "replaced_by", None)
    seats = [
        {"role": m["role"], "name": m["name"]} if names else {"role": m["role"]}
        for m in decree.content["members"]
    ]
    cancelled_on = decree.cancelled_at and timezone.localdate(decree.cancelled_at)
    return {
        "number": decree.number,
        "issued_on": timezone.localdate(decree.issued_at).isoformat(),
        "status": decree.status,
        "company_name": decree.application.company.legal_name,
        "regency": decree.application.company.regency.name,
        "committee": seats,
        "signer_name": decree.signed_by.full_name,
        "signer_title": f"Kepala {decree.office.name}",
        "sha256": decree.sha256,
        "code": decree.code,
        "verify_url": f"{base}{decree.code}",
        "download_url": f"{base}{decree.code}/pdf",
        "replaces": replaces.number if replaces else None,
        "replaces_url": f"{base}{replaces.code}" if replaces else None,
        "replaced_by": replaced_by.number if replaced_by else None,
        "replaced_by_url": f"{base}{replaced_by.code}" if replaced_by else None,
        "cancelled_on": cancelled_on.isoformat() if cancelled_on else None,
        "cancel_reason": decree.cancel_reason or None,
    }


def public_payloads(client: Client, decrees) -> list[dict[str, Any]]:
    """Every JSON item the public can get: export, API list, detail, verification."""
    items = json.loads(client.get("/register.json").content)["results"]
    items += client.get("/api/v1/decrees/").json()["results"]
    for decree in decrees:
        items.append(client.get(f"/api/v1/decrees/{decree.code}/").json())
        items.append(client.get(f"/api/v1/verify/{decree.code}/").json()["decree"])
    return items


def public_responses(client: Client, decrees) -> list[str]:
    """Every public page and document, as text."""
    with decrees[0].file.open("rb") as file:
        signed = file.read()
    bodies = [
        client.get(path).content.decode()
        for path in ("/register/", "/register.csv", "/register.json")
    ]
    bodies.append(client.get("/api/v1/decrees/").content.decode())
    bodies.append(
        client.post(
            "/v/check", {"file": SimpleUploadedFile("sk.pdf", signed)}
        ).content.decode()
    )
    for decree in decrees:
        for path in (
            f"/v/{decree.code}",
            f"/api/v1/decrees/{decree.code}/",
            f"/api/v1/verify/{decree.code}/",
        ):
            bodies.append(client.get(path).content.decode())
    return bodies


def test_every_public_item_is_exactly_the_allow_list(client, decrees):
    payloads = public_payloads(client, decrees)

    assert all(tuple(item) == PUBLIC_FIELDS for item in payloads)
    want = [expected(decree) for decree in decrees]
    assert payloads[:3] == want
    assert payloads[3:6] == want
    assert payloads[6::2] == want
    assert payloads[7::2] == want


def test_the_verification_answer_adds_only_the_verdict(client, decrees):
    answers = [client.get(f"/api/v1/verify/{d.code}/").json() for d in decrees]

    assert [answer["in_force"] for answer in answers] == [True, False, False]
    assert all(set(answer) == {"genuine", "in_force", "decree"} for answer in answers)
    assert all(answer["genuine"] for answer in answers)


def test_hidden_names_leave_only_roles(client, decrees, settings):
    settings.SIKEJAR_PUBLIC_MEMBER_NAMES = False

    payloads = public_payloads(client, decrees)
    bodies = public_responses(client, decrees)

    assert payloads[:3] == [expected(decree, names=False) for decree in decrees]
    assert all(set(seat) == {"role"} for i in payloads for seat in i["committee"])
    for name in CommitteeMember.objects.values_list("full_name", flat=True):
        assert not any(name in body for body in bodies), name


def private_strings(decrees) -> list[str]:
    """What must never reach the public, gathered from every row involved."""
    officers = [decree.application.verifier for decree in decrees]
    signers = [decree.signed_by for decree in decrees]
    operators = [m.user for m in Membership.objects.select_related("user")]
    strings = [officer.full_name for officer in officers]
    strings += [person.email for person in [*officers, *signers, *operators]]
    strings += [person.nip for person in [*officers, *signers]]
    for expert in SafetyExpert.objects.all():
        strings += [
            expert.certificate_number,
            expert.skp_number,
            expert.licence_number,
        ]
    for company in Company.objects.all():
        strings += [company.nib, company.npwp, company.address]
    strings += ApplicationDocument.objects.values_list("original_name", flat=True)
    strings += Application.objects.values_list("tracking_number", flat=True)
    strings += Application.objects.values_list("request_letter_number", flat=True)
    strings += CommitteeMember.objects.exclude(
        position__in=["HSE", "Staf"]
    ).values_list("position", flat=True)
    return sorted({s for s in strings if s})


def test_no_public_response_carries_private_data(client, decrees):
    bodies = public_responses(client, decrees)
    secrets_ = private_strings(decrees)

    assert len(secrets_) > 20
    for body in bodies:
        assert not NIK_LIKE.search(body)
        leaked = [secret for secret in secrets_ if secret in body]
        assert leaked == []


def test_the_signer_name_is_public_as_printed_on_the_decree(client, decrees):
    page = client.get(f"/v/{decrees[0].code}").content.decode()

    assert decrees[0].signed_by.full_name in page
    assert decrees[0].signed_by.nip not in page
