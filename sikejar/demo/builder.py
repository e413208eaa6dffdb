"""The demo office: one user per role and applications in every state.

Everything past plain reference rows is made through the services, so the
demo's audit chain is as real as production's.
"""

import io
import time
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfWriter

from sikejar.accounts.models import Office, Regency, Role, User
from sikejar.companies.models import (
    Company,
    LegalForm,
    Membership,
    MembershipStatus,
    RiskLevel,
    SafetyExpert,
)
from sikejar.decrees import services as decree_services
from sikejar.decrees.keys import make_authority, make_signer_archive
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.demo.extras import demo_extras
from sikejar.p2k3 import services
from sikejar.p2k3.models import (
    Application,
    ApplicationKind,
    CommitteeRole,
    Element,
    Requirement,
)

# The demo head's authenticator secret: add it to any TOTP app to sign.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo only.
PASSWORD = "sikejar-demo"  # noqa: S105 - printed on start; demo data needs DEBUG.
DOMAIN = "demo.sikejar.test"


@dataclass(frozen=True)
class DemoUser:
    email: str
    role: Role
    full_name: str
    nip: str = ""


USERS = [
    DemoUser(f"admin@{DOMAIN}", Role.ADMIN, "Admin Sikejar"),
    DemoUser(
        f"verifikator1@{DOMAIN}",
        Role.VERIFIER,
        "Rudi Hartono, S.T.",
        "198203152008011002",
    ),
    DemoUser(
        f"verifikator2@{DOMAIN}",
        Role.VERIFIER,
        "Dewi Lestari, S.K.M.",
        "198507202010012015",
    ),
    DemoUser(
        f"kepala@{DOMAIN}", Role.HEAD, "Ir. Hendra Wijaya, M.M.", "197004101995031003"
    ),
    DemoUser(
        f"inspektorat@{DOMAIN}",
        Role.INSPECTORATE,
        "Maria Simanjuntak, S.H.",
        "197811052003122004",
    ),
    DemoUser(f"operator@{DOMAIN}", Role.COMPANY, "Agus Salim"),
    DemoUser(f"operator2@{DOMAIN}", Role.COMPANY, "Fitri Handayani"),
]


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _pdf(), content_type="application/pdf")


def demo_exists() -> bool:
    return User.objects.filter(email=USERS[0].email).exists()


@transaction.atomic
def demo_build() -> None:
    office = _office()
    users = {u.email.split("@")[0]: _user(u, office) for u in USERS}
    operator, operator2 = users["operator"], users["operator2"]

    companies = [
        _company("PT Sawit Makmur Jambi", "9120001234567", "15.05", 320, 85),
        _company("PT Batanghari Karet Lestari", "9120007654321", "15.04", 140, 60),
        _company(
            "CV Tebo Kimia Mandiri", "9120001112223", "15.09", 45, 12, RiskLevel.HIGH
        ),
        _company("PT Kerinci Teh Nusantara", "9120003334445", "15.01", 210, 190),
        _company("PT Sarolangun Batu Bara", "9120005556667", "15.03", 180, 20),
    ]
    for company in companies[:3]:
        _membership(operator, company)
    _membership(operator2, companies[3])
    _membership(operator2, companies[4])
    # A pending request, for the consent page.
    Membership.objects.create(user=operator2, company=companies[0])

    _signing(users["kepala"])
    _states(companies, users)
    demo_extras(office=office, users=users, late_company=companies[4], draft_for=_draft)


def _office() -> Office:
    office = Office.objects.create(
        name="Dinas Tenaga Kerja dan Transmigrasi Provinsi Jambi",
        short_name="Disnakertrans Provinsi Jambi",
        province_code="15",
        address="Jl. Jend. Ahmad Yani No. 2, Telanaipura, Kota Jambi 36122",
        city="Jambi",
    )
    office.regencies.set(Regency.objects.filter(code__startswith="15."))
    return office


def _user(spec: DemoUser, office: Office) -> User:
    officer = spec.role in (Role.VERIFIER, Role.HEAD, Role.INSPECTORATE)
    user = User.objects.create_user(
        email=spec.email,
        password=PASSWORD,
        full_name=spec.full_name,
        role=spec.role,
        office=office if officer else None,
        nip=spec.nip,
        is_staff=spec.role == Role.ADMIN,
        is_superuser=spec.role == Role.ADMIN,
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    return user


def _company(
    name: str,
    nib: str,
    regency: str,
    male: int,
    female: int,
    risk: str = RiskLevel.MEDIUM_HIGH,
) -> Company:
    return Company.objects.create(
        legal_name=name,
        legal_form=LegalForm.CV if name.startswith("CV") else LegalForm.PT,
        nib=nib,
        npwp="0130006660910000",
        address="Jl. Lintas Sumatera Km 21",
        regency=Regency.objects.get(code=regency),
        kbli_codes=["01262", "10432"],
        risk_level=risk,
        workers_male=male,
        workers_female=female,
        leader_name="Bambang Sutrisno",
        leader_title="Direktur Utama",
    )


def _membership(user: User, company: Company) -> None:
    Membership.objects.create(
        user=user,
        company=company,
        status=MembershipStatus.ACTIVE,
        decided_at=timezone.now(),
    )


def _expert(company: Company) -> SafetyExpert:
    today = timezone.localdate()
    expert = SafetyExpert(
        company=company,
        full_name="Siti Nurhaliza, S.T.",
        certificate_number=f"AK3U/{company.nib[-4:]}/2022",
        skp_number=f"KEP.{company.nib[-3:]}/LATTAS/2024",
        skp_issued_on=today - timedelta(days=400),
        skp_expires_on=today + timedelta(days=3 * 365 - 400),
        skp_company_name=company.legal_name,
        licence_number=f"KTK-{company.nib[-5:]}",
        licence_expires_on=today + timedelta(days=700),
    )
    for field in ("certificate_scan", "skp_scan", "licence_scan"):
        getattr(expert, field).save(f"{field}.pdf", ContentFile(_pdf()), save=False)
    expert.save()
    return expert


def _committee(expert: SafetyExpert) -> list[services.MemberData]:
    employer, worker = Element.EMPLOYER, Element.WORKER
    member = CommitteeRole.MEMBER
    return [
        services.MemberData(
            "Bambang Sutrisno", CommitteeRole.CHAIR, employer, "Direktur Utama"
        ),
        services.MemberData(
            "Yusuf Maulana", CommitteeRole.VICE_CHAIR, employer, "Manajer Produksi"
        ),
        services.MemberData(
            expert.full_name,
            CommitteeRole.SECRETARY,
            employer,
            "HSE Officer",
            expert.pk,
        ),
        services.MemberData("Rahmat Hidayat", member, employer, "Manajer Pabrik"),
        services.MemberData("Lina Marlina", member, employer, "Manajer SDM"),
        services.MemberData("Taufik Ismail", member, employer, "Kepala Bengkel"),
        services.MemberData("Sri Wahyuni", member, worker, "Operator"),
        services.MemberData("Joko Susilo", member, worker, "Mandor Panen"),
        services.MemberData("Nur Aini", member, worker, "Staf Gudang"),
        services.MemberData("Hendra Gunawan", member, worker, "Teknisi"),
        services.MemberData("Ratna Sari", member, worker, "Analis Lab"),
        services.MemberData("Dedi Kurniawan", member, worker, "Pengemudi"),
    ]


def _draft(
    operator: User,
    company: Company,
    number: int,
    kind: ApplicationKind = ApplicationKind.NEW,
) -> Application:
    if kind == ApplicationKind.AMENDMENT:
        application = decree_services.amendment_start(actor=operator, company=company)
    else:
        application = services.application_create(actor=operator, company=company)
    services.application_save_draft(
        actor=operator,
        application=application,
        request_letter_number=f"{number:03d}/P2K3/XII/2026",
        request_letter_date=timezone.localdate(),
        members=_committee(company.experts.get()),
    )
    for requirement in Requirement.objects.filter(is_active=True, needs_document=True):
        services.document_upload(
            actor=operator,
            application=application,
            requirement=requirement,
            upload=_upload(f"{requirement.code}.pdf"),
        )
    return application


def _cite(code: str, explanation: str) -> list[services.CitationData]:
    return [services.CitationData(Requirement.objects.get(code=code), explanation)]


@dataclass(frozen=True)
class Step:
    company: int
    state: str
    kind: ApplicationKind = ApplicationKind.NEW


# Every state of a file, and decrees in force, replaced and cancelled. The
# file awaiting decision is on a company with no decree in force, so that
# the demo head can approve and sign it.
PLAN = [
    Step(0, "approved"),
    Step(1, "approved"),
    Step(2, "approved"),
    Step(2, "cancelled"),
    Step(0, "approved", ApplicationKind.AMENDMENT),
    Step(1, "draft", ApplicationKind.AMENDMENT),
    Step(2, "in_verification"),
    Step(2, "returned"),
    Step(2, "rejected"),
    Step(2, "withdrawn"),
    Step(3, "recommended"),
]


def _states(companies: list[Company], users: dict[str, User]) -> None:
    for company in companies:
        _expert(company)
    for number, step in enumerate(PLAN, start=1):
        company = companies[step.company]
        operator = company.memberships.filter(status=MembershipStatus.ACTIVE)[0].user
        if step.state == "cancelled":
            decree = Decree.objects.get(
                application__company=company, status=DecreeStatus.IN_FORCE
            )
            decree_services.decree_cancel(
                actor=users["kepala"],
                decree=decree,
                reason="Jumlah tenaga kerja dalam lampiran keliru.",
            )
            continue
        application = _draft(operator, company, number, step.kind)
        _advance(application, step.state, operator=operator, head=users["kepala"])


def _advance(
    application: Application, state: str, *, operator: User, head: User
) -> None:
    """Take a complete draft to the given state, as the people involved would."""
    if state == "draft":
        return
    services.application_submit(actor=operator, application=application)
    verifier = User.objects.get(assigned_applications=application)
    if state == "returned":
        services.application_return(
            actor=verifier,
            application=application,
            citations=_cite("expert-skp", "Pindaian SKP tidak terbaca; unggah ulang."),
        )
    elif state == "withdrawn":
        services.application_withdraw(
            actor=operator, application=application, reason="Data pekerja berubah."
        )
    elif state == "rejected":
        citations = _cite("committee-composition", "SKP atas nama perusahaan lain.")
        services.application_recommend(
            actor=verifier,
            application=application,
            approve=False,
            reasons="Sekretaris bukan ahli K3 perusahaan ini.",
            citations=citations,
        )
        services.application_decide(
            actor=head,
            application=application,
            approve=False,
            reasons="Sesuai rekomendasi verifikator.",
            citations=citations,
        )
    elif state in ("recommended", "approved"):
        services.application_recommend(
            actor=verifier,
            application=application,
            approve=True,
            reasons="Berkas lengkap dan susunan pengurus sesuai ketentuan.",
        )
    if state == "approved":
        _sign(application, head)


def _sign(application: Application, head: User) -> None:
    # Each authenticator code counts once, and the demo signs several
    # decrees within one 30-second period.
    cache.clear()
    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))
    decree_services.decree_issue(
        actor=head, application=application, password=PASSWORD, totp_code=code
    )


def _signing(head: User) -> None:
    """A demo certification authority, the head's certificate and authenticator."""
    authority = make_authority("Disnakertrans Provinsi Jambi (DEMO)")
    archive = make_signer_archive(
        authority,
        common_name=head.full_name,
        organisation="Disnakertrans Provinsi Jambi (DEMO)",
        password=PASSWORD,
    )
    decree_services.signer_install(
        actor=None, signer=head, archive=archive, password=PASSWORD
    )
    TOTP.activate(head, TOTP_SECRET)
