from django.db import migrations

EDITION = "Kepmendagri 100.1.1-6117 Tahun 2022"

JAMBI = [
    ("15.01", "Kabupaten Kerinci"),
    ("15.02", "Kabupaten Merangin"),
    ("15.03", "Kabupaten Sarolangun"),
    ("15.04", "Kabupaten Batanghari"),
    ("15.05", "Kabupaten Muaro Jambi"),
    ("15.06", "Kabupaten Tanjung Jabung Barat"),
    ("15.07", "Kabupaten Tanjung Jabung Timur"),
    ("15.08", "Kabupaten Bungo"),
    ("15.09", "Kabupaten Tebo"),
    ("15.71", "Kota Jambi"),
    ("15.72", "Kota Sungai Penuh"),
]


def seed(apps, schema_editor):
    Regency = apps.get_model("accounts", "Regency")
    for code, name in JAMBI:
        Regency.objects.get_or_create(
            code=code, defaults={"name": name, "source_edition": EDITION}
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
