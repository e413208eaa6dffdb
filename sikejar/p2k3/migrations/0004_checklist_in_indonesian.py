"""The starting checklist's descriptions, in the language of the service.

Only rows still carrying the seeded English text are changed, so an
office's own edits are kept.
"""

from django.db import migrations

DESCRIPTIONS = {
    "request-letter": (
        "Request letter with number, date and subject 'Permohonan Pengesahan P2K3'.",
        "Surat permohonan bernomor dan bertanggal, perihal 'Permohonan Pengesahan P2K3'.",
    ),
    "committee-structure": (
        "The committee's structure signed by the company's leader.",
        "Susunan pengurus P2K3 yang ditandatangani pimpinan perusahaan.",
    ),
    "expert-certificate": (
        "Competence certificate of the secretary.",
        "Sertifikat kompetensi Ahli K3 Umum yang menjadi sekretaris.",
    ),
    "expert-skp": (
        "Appointment letter naming this company, valid on the submission date.",
        "Surat penunjukan atas nama perusahaan ini, berlaku pada tanggal pengajuan.",
    ),
    "expert-licence": (
        "The secretary's licence card, valid on the submission date.",
        "Lisensi/KTK sekretaris, berlaku pada tanggal pengajuan.",
    ),
    "company-data": (
        "Company data (name, address, leader, NPWP, workers) match the documents.",
        "Data perusahaan (nama, alamat, pimpinan, NPWP, jumlah tenaga kerja) sesuai "
        "dengan dokumen.",
    ),
    "committee-composition": (
        "Chair from management, secretary a safety expert, both elements present.",
        "Ketua dari pimpinan perusahaan, sekretaris Ahli K3 Umum, unsur pengusaha dan "
        "unsur pekerja terwakili.",
    ),
}


def translate(apps, schema_editor):
    Requirement = apps.get_model("p2k3", "Requirement")
    for code, (english, indonesian) in DESCRIPTIONS.items():
        Requirement.objects.filter(code=code, description=english).update(
            description=indonesian
        )


def untranslate(apps, schema_editor):
    Requirement = apps.get_model("p2k3", "Requirement")
    for code, (english, indonesian) in DESCRIPTIONS.items():
        Requirement.objects.filter(code=code, description=indonesian).update(
            description=english
        )


class Migration(migrations.Migration):
    dependencies = [("p2k3", "0003_conflicts_of_interest")]

    operations = [migrations.RunPython(translate, untranslate)]
