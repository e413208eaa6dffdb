"""The P2K3 service standard's header, and its version 1 from the seeded checklist.

The texts follow the six public components of PermenPANRB 15/2014 and the
steps offices were seen to run (domain brief §3, §5); an office edits them
in the admin, and each edit publishes the next version.

Version 1 carries no audit event: a migration works on historical models
and must not call ``audit_record``, whose model may have moved on since.
It is the starting point the audited versions are compared with.
"""

import hashlib
import json

from django.conf import settings
from django.db import migrations
from django.utils import timezone

HEADER = {
    "service_name": (
        "Pengesahan Panitia Pembina Keselamatan dan Kesehatan Kerja (P2K3)"
    ),
    "legal_basis": "\n".join(
        [
            "Undang-Undang Nomor 1 Tahun 1970 tentang Keselamatan Kerja",
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Menteri Tenaga Kerja Nomor PER.02/MEN/1992 tentang Tata "
            "Cara Penunjukan, Kewajiban dan Wewenang Ahli Keselamatan dan "
            "Kesehatan Kerja",
            "Peraturan Menteri Ketenagakerjaan Nomor 13 Tahun 2025 tentang "
            "Panitia Pembina Keselamatan dan Kesehatan Kerja",
            "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman "
            "Standar Pelayanan",
        ]
    ),
    "procedure": "\n".join(
        [
            "Perusahaan mengajukan permohonan secara daring di Sikejar dengan "
            "melengkapi data perusahaan, susunan P2K3 dan dokumen persyaratan.",
            "Sistem menerbitkan tanda terima dengan nomor pelacakan dan "
            "menugaskan berkas kepada verifikator dengan beban paling sedikit.",
            "Verifikator memeriksa berkas terhadap persyaratan yang dipublikasikan, "
            "urut dari berkas yang paling lama menunggu.",
            "Berkas yang belum memenuhi dikembalikan dengan menyebut persyaratan "
            "yang belum dipenuhi; waktu proses berhenti sampai perusahaan "
            "mengirim ulang perbaikannya.",
            "Kepala Dinas memutuskan permohonan atas rekomendasi verifikator.",
            "Surat Keputusan pengesahan P2K3 ditandatangani secara elektronik, "
            "diterbitkan di Sikejar dan dapat diverifikasi oleh siapa pun.",
        ]
    ),
    "product": (
        "Surat Keputusan Kepala Dinas tentang Pengesahan P2K3, ditandatangani "
        "secara elektronik, diunduh di Sikejar dan dapat diverifikasi melalui "
        "kode QR."
    ),
    "complaint_handling": (
        "Pengaduan, saran dan masukan disampaikan melalui pesan pada berkas di "
        "Sikejar atau melalui SP4N-LAPOR!. Permintaan uang atau imbalan dalam "
        "bentuk apa pun dilaporkan kepada Inspektorat atau melalui SP4N-LAPOR!; "
        "laporan tidak memengaruhi penilaian berkas."
    ),
    "pledge": (
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai "
        "standar pelayanan yang telah ditetapkan, tanpa dipungut biaya, dan "
        "apabila tidak menepati janji ini kami siap menerima sanksi sesuai "
        "peraturan perundang-undangan yang berlaku."
    ),
}


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def publish(apps, schema_editor):
    ServiceStandard = apps.get_model("transparency", "ServiceStandard")
    StandardVersion = apps.get_model("transparency", "StandardVersion")
    Requirement = apps.get_model("p2k3", "Requirement")
    days = settings.SIKEJAR_PROCESSING_WORKING_DAYS
    standard, _ = ServiceStandard.objects.get_or_create(
        pk=1, defaults={**HEADER, "processing_working_days": days}
    )
    if StandardVersion.objects.exists():
        return
    requirements = Requirement.objects.filter(is_active=True).order_by("order", "code")
    content = {
        "service_name": standard.service_name,
        "legal_basis": _lines(standard.legal_basis),
        "procedure": _lines(standard.procedure),
        "processing_working_days": standard.processing_working_days,
        "fee_rupiah": 0,
        "product": standard.product,
        "complaint_handling": standard.complaint_handling,
        "pledge": standard.pledge,
        "requirements": [
            {
                "code": r.code,
                "title": r.title,
                "description": r.description,
                "legal_basis": r.legal_basis,
                "needs_document": r.needs_document,
            }
            for r in requirements
        ],
    }
    canonical = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    StandardVersion.objects.create(
        number=1,
        published_at=timezone.now(),
        published_by=None,
        processing_working_days=standard.processing_working_days,
        content=content,
        sha256=hashlib.sha256(canonical.encode()).hexdigest(),
    )


def unpublish(apps, schema_editor):
    apps.get_model("transparency", "StandardVersion").objects.all().delete()
    apps.get_model("transparency", "ServiceStandard").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        ("p2k3", "0002_rules_and_checklist"),
    ]

    operations = [migrations.RunPython(publish, unpublish)]
