"""The two rule versions and a starting checklist, all editable in the admin.

No official checklist was found (domain brief §3); these are the documents
offices were seen asking for. An office replaces them with its own.
"""

from django.db import migrations

RULES = [
    {
        "code": "permenaker-13-2025",
        "title": "Permenaker No. 13 Tahun 2025",
        "citation": (
            "Peraturan Menteri Ketenagakerjaan Nomor 13 Tahun 2025 tentang "
            "Panitia Pembina Keselamatan dan Kesehatan Kerja"
        ),
        "is_default": True,
        "admin_only": False,
        "mandatory_risk_levels": ["tinggi"],
    },
    {
        "code": "per-04-men-1987",
        "title": "PER.04/MEN/1987",
        "citation": (
            "Peraturan Menteri Tenaga Kerja Nomor PER.04/MEN/1987 tentang Panitia "
            "Pembina Keselamatan dan Kesehatan Kerja serta Tata Cara Penunjukan "
            "Ahli Keselamatan Kerja"
        ),
        "is_default": False,
        "admin_only": True,
        "mandatory_risk_levels": [],
    },
]

CHECKLIST = [
    (
        "request-letter",
        "Surat permohonan pengesahan P2K3",
        "Request letter with number, date and subject 'Permohonan Pengesahan P2K3'.",
        "UU 1/1970 Pasal 10",
        True,
    ),
    (
        "committee-structure",
        "Susunan pengurus P2K3",
        "The committee's structure signed by the company's leader.",
        "UU 1/1970 Pasal 10",
        True,
    ),
    (
        "expert-certificate",
        "Sertifikat Ahli K3 Umum",
        "Competence certificate of the secretary.",
        "PER.02/MEN/1992",
        True,
    ),
    (
        "expert-skp",
        "Surat Keterangan Penunjukan (SKP) Ahli K3 Umum",
        "Appointment letter naming this company, valid on the submission date.",
        "PER.02/MEN/1992",
        True,
    ),
    (
        "expert-licence",
        "Lisensi / Kartu Tanda Kewenangan (KTK)",
        "The secretary's licence card, valid on the submission date.",
        "PER.02/MEN/1992",
        True,
    ),
    (
        "company-data",
        "Data perusahaan sesuai",
        "Company data (name, address, leader, NPWP, workers) match the documents.",
        "UU 1/1970 Pasal 10",
        False,
    ),
    (
        "committee-composition",
        "Komposisi pengurus memenuhi ketentuan",
        "Chair from management, secretary a safety expert, both elements present.",
        "UU 1/1970 Pasal 10",
        False,
    ),
]


def seed(apps, schema_editor):
    RuleVersion = apps.get_model("p2k3", "RuleVersion")
    Requirement = apps.get_model("p2k3", "Requirement")
    for rule in RULES:
        RuleVersion.objects.get_or_create(code=rule["code"], defaults=rule)
    for order, (code, title, description, basis, document) in enumerate(CHECKLIST):
        Requirement.objects.get_or_create(
            code=code,
            defaults={
                "title": title,
                "description": description,
                "legal_basis": basis,
                "needs_document": document,
                "order": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("p2k3", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
