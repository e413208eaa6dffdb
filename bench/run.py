"""Benchmarks of decree rendering and signing, as ratios to a baseline.

Run with `make bench`. Every figure is measured in the same run as the
baseline (a fresh Typst compiler per decree), so the ratios hold across
machines even where the milliseconds do not. Needs no database.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikejar.settings")
os.environ.setdefault("SIKEJAR_TESTING", "1")

import django

django.setup()

import json  # noqa: E402

import typst  # noqa: E402

from sikejar.decrees import render  # noqa: E402
from sikejar.decrees.keys import make_authority, make_signer_archive  # noqa: E402
from sikejar.decrees.signing import load_signer, sign_pdf  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
PASSWORD = "bench"


def content(members: int = 14) -> dict[str, object]:
    return {
        "number": "560/123/DISNAKERTRANS/2026",
        "verify_url": "https://sikejar.example.go.id/v/" + "x" * 32,
        "complaint_url": "https://www.lapor.go.id/",
        "office": {
            "government": "Pemerintah Provinsi Jambi",
            "name": "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jambi",
            "address": "Jl. Jend. Ahmad Yani No. 2, Telanaipura, Kota Jambi 36122",
        },
        "company": {
            "name": "PT Sawit Makmur Jambi",
            "address": "Jl. Lintas Sumatera Km 21",
            "regency": "Kabupaten Muaro Jambi",
            "business": "01262, 10432",
            "workers_male": 320,
            "workers_female": 85,
        },
        "considerations": ["bahwa satu;", "bahwa dua;", "bahwa tiga;"],
        "legal_basis": [
            "UU 1/1970;",
            "UU 13/2003;",
            "UU 23/2014;",
            "Permenaker 13/2025;",
        ],
        "observations": ["Surat Nomor 001;", "Hasil verifikasi."],
        "clauses": [["KESATU", "Mengesahkan."], ["KEDUA", "Melapor."]],
        "place": "Jambi",
        "date": "3 Desember 2026",
        "signer": {
            "name": "Ir. Hendra Wijaya, M.M.",
            "title": "Kepala Dinas",
            "nip": "1",
        },
        "copies": ["Menteri Ketenagakerjaan"],
        "members": [
            {
                "name": f"Anggota {i}",
                "role": "Anggota (unsur pekerja)",
                "position": "Staf",
            }
            for i in range(members)
        ],
    }


def measure(label: str, work: Callable[[], object]) -> tuple[str, list[float]]:
    work()  # Warm up: imports, font loading.
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return label, times


def fresh_compiler_render() -> object:
    fonts = [str(d) for d in render.FONT_DIRS if d.is_dir()]
    compiler = typst.Compiler(str(render.TEMPLATE), font_paths=fonts)
    data = content()
    return compiler.compile(
        sys_inputs={
            "data": json.dumps(data),
            "qr": render.qr_svg(str(data["verify_url"])),
        },
        pdf_standards=["a-2b"],
    )


def main() -> None:
    archive = make_signer_archive(
        make_authority("Bench CA"),
        common_name="Bench",
        organisation="Bench",
        password=PASSWORD,
    )
    data = content()
    pdf = render.decree_render(data)
    signer = load_signer(archive, PASSWORD)

    def sign_only() -> bytes:
        return sign_pdf(pdf, signer, name="Bench", reason="Bench", location="Jambi")

    def render_and_sign() -> bytes:
        # As in production: the key is decrypted with the password typed.
        key = load_signer(archive, PASSWORD)
        return sign_pdf(
            render.decree_render(data),
            key,
            name="Bench",
            reason="Bench",
            location="Jambi",
        )

    results = [
        measure("render, fresh Typst compiler (baseline)", fresh_compiler_render),
        measure(
            "render, compiler kept per process", lambda: render.decree_render(data)
        ),
        measure("sign only, key already loaded", sign_only),
        measure("render + open PKCS#12 + sign (one issue)", render_and_sign),
    ]
    baseline = statistics.median(results[0][1])
    print(f"Rounds: {ROUNDS}; decree of two pages, 14 members.\n")
    print("| measure | median ms | p90 ms | median / baseline |")
    print("|---|---:|---:|---:|")
    for label, times in results:
        median = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"| {label} | {median:.1f} | {p90:.1f} | {median / baseline:.2f} |")


if __name__ == "__main__":
    main()
