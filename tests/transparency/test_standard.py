"""The published service standard: its public pages, its versions, its audit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import Requirement
from sikejar.transparency.clock import Limits
from sikejar.transparency.models import ServiceStandard, StandardVersion
from sikejar.transparency.services import standard_publish, standard_save
from sikejar.transparency.standard import HEADER_LABELS
from tests.conftest import login

pytestmark = pytest.mark.django_db


def header_form(**changes: object) -> dict[str, object]:
    standard = ServiceStandard.objects.get()
    form = {name: getattr(standard, name) for name in HEADER_LABELS}
    return {**form, **changes}


def requirement_form(requirement: Requirement, **changes: object) -> dict[str, object]:
    form = {
        "code": requirement.code,
        "title": requirement.title,
        "description": requirement.description,
        "legal_basis": requirement.legal_basis,
        "order": requirement.order,
        "is_active": "on" if requirement.is_active else "",
        "needs_document": "on" if requirement.needs_document else "",
    }
    return {**form, **changes}


def published_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.STANDARD_PUBLISHED))


def test_version_one_is_published_from_the_seeded_checklist():
    version = StandardVersion.objects.get()

    codes = [r["code"] for r in version.content["requirements"]]
    assert version.number == 1
    assert codes == list(
        Requirement.objects.filter(is_active=True).values_list("code", flat=True)
    )
    assert version.content["fee_rupiah"] == 0
    assert version.processing_working_days == 5


def test_the_public_reads_the_standard_without_signing_in(client, settings):
    response = client.get("/standard/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Sertifikat Ahli K3 Umum" in text
    assert "Legal basis: PER.02/MEN/1992" in text
    assert "5 working days from a complete submission." in text
    assert "Rp 0: the service is free of charge." in text
    assert "maklumat pelayanan" in text
    assert f'href="{settings.SIKEJAR_COMPLAINT_URL}"' in text
    assert "Pengesahan Panitia Pembina" in text


def test_a_change_of_the_header_in_the_admin_publishes_a_version(client, admin_user):
    login(client, admin_user)

    response = client.post(
        "/admin/transparency/servicestandard/1/change/",
        header_form(processing_working_days=4),
    )

    assert response.status_code == 302
    version = StandardVersion.objects.get(number=2)
    assert version.processing_working_days == 4
    assert version.published_by == admin_user
    [event] = published_events()
    assert event.actor == admin_user
    assert (event.old_state, event.new_state) == ("1", "2")
    assert event.data["sha256"] == version.sha256
    assert audit_verify().intact
    assert "4 working days" in client.get("/standard/").content.decode()


def test_a_change_of_a_requirement_in_the_admin_publishes_a_version(client, admin_user):
    requirement = Requirement.objects.get(code="expert-skp")
    login(client, admin_user)

    client.post(
        f"/admin/p2k3/requirement/{requirement.pk}/change/",
        requirement_form(requirement, legal_basis="Permenaker 13/2025 Pasal 5"),
    )

    version = StandardVersion.objects.get(number=2)
    [changed] = [
        r for r in version.content["requirements"] if r["code"] == "expert-skp"
    ]
    assert changed["legal_basis"] == "Permenaker 13/2025 Pasal 5"
    assert len(published_events()) == 1
    history = client.get("/standard/history/").content.decode()
    assert (
        "Requirement changed: Surat Keterangan Penunjukan (SKP) Ahli K3 Umum "
        "(legal basis)"
    ) in history


def test_a_requirement_added_in_the_admin_is_published(client, admin_user):
    login(client, admin_user)

    client.post(
        "/admin/p2k3/requirement/add/",
        {
            "code": "wlkp",
            "title": "Bukti lapor WLKP",
            "description": "",
            "legal_basis": "Permenaker 18/2017",
            "order": 100,
            "is_active": "on",
            "needs_document": "on",
        },
    )

    assert StandardVersion.objects.get(number=2).content["requirements"][-1][
        "code"
    ] == ("wlkp")
    history = client.get("/standard/history/").content.decode()
    assert "Requirement added: Bukti lapor WLKP" in history


def test_retiring_a_requirement_removes_it_from_the_standard(client, admin_user):
    requirement = Requirement.objects.get(code="expert-licence")
    login(client, admin_user)

    client.post(
        f"/admin/p2k3/requirement/{requirement.pk}/change/",
        requirement_form(requirement, is_active=""),
    )

    history = client.get("/standard/history/").content.decode()
    assert "Requirement removed: Lisensi / Kartu Tanda Kewenangan (KTK)" in history
    assert "Lisensi / Kartu" not in client.get("/standard/").content.decode()


def test_a_requirement_cannot_be_deleted_in_the_admin(client, admin_user):
    requirement = Requirement.objects.get(code="expert-licence")
    login(client, admin_user)

    response = client.post(
        f"/admin/p2k3/requirement/{requirement.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Requirement.objects.filter(pk=requirement.pk).exists()


def test_a_save_that_changes_nothing_publishes_nothing(client, admin_user):
    login(client, admin_user)

    client.post("/admin/transparency/servicestandard/1/change/", header_form())

    assert StandardVersion.objects.count() == 1
    assert published_events() == []


def test_the_history_says_what_changed_between_versions(client, admin_user):
    login(client, admin_user)
    client.post(
        "/admin/transparency/servicestandard/1/change/",
        header_form(processing_working_days=3, pledge="Kami melayani tanpa biaya."),
    )
    client.logout()

    text = client.get("/standard/history/").content.decode()

    assert "Processing time changed from 5 to 3." in text
    assert "Service pledge changed." in text
    assert "The first published version." in text
    assert 'href="/standard/1/"' in text
    assert 'href="/standard/2/"' in text
    assert admin_user.email not in text
    assert admin_user.full_name not in text
    assert "by an officer with the role Administrator" in text


def test_an_old_version_stays_readable(client, admin_user):
    login(client, admin_user)
    client.post(
        "/admin/transparency/servicestandard/1/change/",
        header_form(processing_working_days=3),
    )
    client.logout()

    old = client.get("/standard/1/").content.decode()
    current = client.get("/standard/2/").content.decode()

    assert "This is version 1, which is no longer in force." in old
    assert "5 working days from a complete submission." in old
    assert "no longer in force" not in current


def test_an_unknown_version_is_not_found(client):
    assert client.get("/standard/99/").status_code == 404


def test_published_versions_cannot_be_changed_in_the_admin(client, admin_user):
    version = StandardVersion.objects.get()
    login(client, admin_user)

    response = client.post(
        f"/admin/transparency/standardversion/{version.pk}/change/",
        {"processing_working_days": 1},
    )

    assert response.status_code == 403
    assert StandardVersion.objects.get().processing_working_days == 5


def test_only_staff_may_change_the_standard(verifier):
    standard = ServiceStandard.objects.get()
    standard.processing_working_days = 1

    with pytest.raises(DomainError):
        standard_save(actor=verifier, standard=standard)

    assert StandardVersion.objects.count() == 1


def test_the_clock_uses_the_version_in_force_at_the_first_submission(admin_user):
    now = timezone.now()
    standard = ServiceStandard.objects.get()
    standard.processing_working_days = 3
    standard_save(actor=admin_user, standard=standard)
    published = StandardVersion.objects.get(number=2).published_at

    limits = Limits.load()

    assert limits.in_force_at(published - timedelta(seconds=1)) == 5
    assert limits.in_force_at(published) == 3
    assert limits.in_force_at(now - timedelta(days=3650)) == 5


def test_publishing_twice_without_a_change_writes_one_version(admin_user):
    Requirement.objects.filter(code="expert-skp").update(title="SKP Ahli K3")

    first = standard_publish(actor=admin_user)
    second = standard_publish(actor=admin_user)

    assert first is not None and first.number == 2
    assert second is None


def test_the_history_costs_the_same_few_queries_for_many_versions(
    client, admin_user, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        client.get("/standard/history/")
    for days in (4, 3, 2):
        standard = ServiceStandard.objects.get()
        standard.processing_working_days = days
        standard_save(actor=admin_user, standard=standard)

    with django_assert_max_num_queries(1):
        response = client.get("/standard/history/")

    assert len(response.context["entries"]) == 4
