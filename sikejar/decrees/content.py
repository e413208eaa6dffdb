"""What a decree says, built from the approved file: plain data for Typst.

The wording is the Indonesian of a head of office's decree (domain brief
§3); it is a legal document and does not follow the reader's language.
The dictionary is stored with the decree, so the register and the
verification page show exactly what was signed.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import formats, translation

from sikejar.accounts.models import User
from sikejar.p2k3.models import Application, CommitteeRole, Element, ReviewOutcome

ROLE_NAMES = {
    CommitteeRole.CHAIR: "Ketua",
    CommitteeRole.VICE_CHAIR: "Wakil Ketua",
    CommitteeRole.SECRETARY: "Sekretaris",
    CommitteeRole.MEMBER: "Anggota",
}
ELEMENT_NAMES = {Element.EMPLOYER: "unsur pengusaha", Element.WORKER: "unsur pekerja"}
ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]
LEGAL_BASIS_BEFORE = [
    "Undang-Undang Nomor 1 Tahun 1970 tentang Keselamatan Kerja;",
    "Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
]
LEGAL_BASIS_AFTER = [
    "Peraturan Menteri Tenaga Kerja Nomor PER.02/MEN/1992 tentang Tata Cara "
    "Penunjukan, Kewajiban dan Wewenang Ahli Keselamatan dan Kesehatan Kerja;",
]


def indonesian_date(day: date) -> str:
    with translation.override("id"):
        return formats.date_format(day, "j F Y")


def _company(application: Application) -> dict[str, Any]:
    company = application.company
    return {
        "name": company.legal_name,
        "address": company.address,
        "regency": company.regency.name,
        "business": ", ".join(company.kbli_codes),
        "workers_male": company.workers_male,
        "workers_female": company.workers_female,
    }


def _members(application: Application) -> list[dict[str, str]]:
    return [
        {
            "name": m.full_name,
            "role": f"{ROLE_NAMES[CommitteeRole(m.role)]} "
            f"({ELEMENT_NAMES[Element(m.element)]})",
            "position": m.position,
        }
        for m in application.members.all()
    ]


def _clauses(application: Application, revokes: str | None) -> list[list[str]]:
    name = application.company.legal_name
    rule = application.rule_version
    texts = []
    if revokes:
        texts.append(
            f"Mencabut Keputusan Kepala Dinas Nomor {revokes} tentang Pengesahan "
            f"P2K3 pada {name} dan menyatakannya tidak berlaku."
        )
    texts.append(
        f"Mengesahkan Panitia Pembina Keselamatan dan Kesehatan Kerja (P2K3) pada "
        f"{name} dengan susunan sebagaimana tercantum dalam Lampiran Keputusan ini."
    )
    texts.append(
        "P2K3 melaporkan kegiatannya secara berkala paling sedikit setiap "
        f"{rule.report_period_months} bulan kepada Kepala Dinas melalui Sikejar."
    )
    texts.append(
        "Keputusan ini berlaku selama tidak terjadi perubahan pada perusahaan dan "
        "susunan pengurus P2K3."
        if rule.validity_months is None
        else f"Keputusan ini berlaku selama {rule.validity_months} bulan sejak "
        "tanggal ditetapkan, selama tidak terjadi perubahan pada perusahaan dan "
        "susunan pengurus P2K3."
    )
    texts.append(
        "Apabila di kemudian hari terdapat kekeliruan data dalam Keputusan ini, "
        "akan diadakan perbaikan atau pembatalan sebagaimana mestinya."
    )
    texts.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    return [[ORDINALS[i], text] for i, text in enumerate(texts)]


def decree_content(
    *,
    application: Application,
    signer: User,
    number: str,
    verify_url: str,
    issued_on: date,
    revokes: str | None,
) -> dict[str, Any]:
    office = application.office
    company = application.company.legal_name
    letter_date = application.request_letter_date
    verified = (
        application.reviews.filter(outcome=ReviewOutcome.RECOMMEND_APPROVAL)
        .order_by("-created_at")
        .first()
    )
    verified_on = verified.created_at.date() if verified else issued_on
    return {
        "number": number,
        "verify_url": verify_url,
        "complaint_url": settings.SIKEJAR_COMPLAINT_URL,
        "office": {
            "government": settings.SIKEJAR_GOVERNMENT_NAME,
            "name": office.name,
            "address": office.address,
        },
        "company": _company(application),
        "considerations": [
            "bahwa untuk menjamin keselamatan dan kesehatan kerja di tempat kerja "
            "perlu dibentuk Panitia Pembina Keselamatan dan Kesehatan Kerja (P2K3);",
            f"bahwa {company} telah mengajukan permohonan pengesahan P2K3 dan "
            "berdasarkan hasil verifikasi telah memenuhi persyaratan;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan "
            "huruf b, perlu menetapkan Keputusan Kepala Dinas tentang Pengesahan "
            f"P2K3 pada {company};",
        ],
        "legal_basis": [
            *LEGAL_BASIS_BEFORE,
            f"{application.rule_version.citation};",
            *LEGAL_BASIS_AFTER,
        ],
        "observations": [
            f"Surat {company} Nomor {application.request_letter_number} tanggal "
            f"{indonesian_date(letter_date or issued_on)} perihal Permohonan "
            "Pengesahan P2K3;",
            f"Hasil verifikasi berkas permohonan {application.tracking_number} "
            f"tanggal {indonesian_date(verified_on)}.",
        ],
        "clauses": _clauses(application, revokes),
        "place": office.city,
        "date": indonesian_date(issued_on),
        "signer": {
            "name": signer.full_name,
            "title": f"Kepala {office.name}",
            "nip": signer.nip,
        },
        "copies": [*settings.SIKEJAR_DECREE_COPIES, f"Pimpinan {company}"],
        "members": _members(application),
        "rule_version": application.rule_version.code,
        "tracking_number": application.tracking_number,
        "kind": application.kind,
        "revokes": revokes,
    }
