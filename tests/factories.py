"""Factories for test data. Domain state beyond plain rows goes through services."""

from __future__ import annotations

import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
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

PASSWORD = "correct horse battery staple"


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes() -> bytes:
    """A valid PDF that needs a password: the upload check must refuse it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("rahasia")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(name: str = "document.pdf") -> ContentFile[bytes]:
    return ContentFile(pdf_bytes(), name=name)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jambi"
    short_name = "Disnakertrans Jambi"
    province_code = "15"
    address = "Jl. Jend. A. Thalib No. 1, Telanaipura"
    city = "Jambi"

    @factory.post_generation
    def regencies(self, create: bool, extracted: list[Regency] | None) -> None:
        if create:
            if extracted is None:
                extracted = list(Regency.objects.filter(code__startswith="15"))
            self.regencies.set(extracted)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    full_name = factory.Faker("name", locale="id_ID")
    role = Role.COMPANY
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None) -> None:
        """Mark the e-mail verified, as allauth would after the link is clicked."""
        if create:
            self.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )


class OfficerFactory(UserFactory):
    role = Role.VERIFIER
    office = factory.SubFactory(OfficeFactory)
    nip = factory.Sequence(lambda n: f"19800101200501{n:04d}")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    legal_name = factory.Sequence(lambda n: f"PT Sawit Makmur {n}")
    legal_form = LegalForm.PT
    nib = factory.Sequence(lambda n: f"{9120000000000 + n}")
    npwp = "013000666091000"
    address = "Jl. Lintas Timur Km 12"
    regency = factory.LazyFunction(lambda: Regency.objects.get(code="15.05"))
    kbli_codes = factory.LazyFunction(lambda: ["01262"])
    risk_level = RiskLevel.MEDIUM_HIGH
    workers_male = 120
    workers_female = 40
    leader_name = "Budi Santoso"
    leader_title = "Direktur"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    status = MembershipStatus.ACTIVE


class SafetyExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyExpert

    company = factory.SubFactory(CompanyFactory)
    full_name = "Siti Rahmawati"
    certificate_number = factory.Sequence(lambda n: f"AK3U/{n:05d}/2021")
    skp_number = factory.Sequence(lambda n: f"KEP.{n:04d}/LATTAS/2025")
    skp_issued_on = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=200)
    )
    skp_expires_on = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=3 * 365 - 200)
    )
    skp_company_name = factory.LazyAttribute(lambda o: o.company.legal_name)
    licence_number = factory.Sequence(lambda n: f"KTK-{n:05d}")
    licence_expires_on = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=900)
    )
    certificate_scan = factory.LazyFunction(lambda: pdf_file("certificate.pdf"))
    skp_scan = factory.LazyFunction(lambda: pdf_file("skp.pdf"))
    licence_scan = factory.LazyFunction(lambda: pdf_file("licence.pdf"))
