"""Every page, message, e-mail and error in Indonesian by default, and in English.

The catalogues are read with a small parser of our own (a .po file is a
sequence of blank-line separated entries) so that no dependency is added.
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from sikejar.accounts.models import Office, User
from sikejar.companies.models import Company
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application
from tests.conftest import login

LOCALE = Path(__file__).resolve().parents[2] / "sikejar" / "locale"
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@dataclass
class Entry:
    flags: set[str] = field(default_factory=set)
    parts: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str | tuple[str, int]:
        """The key GNUTranslations gives this entry in its catalogue."""
        msgid = self.parts["msgid"]
        if "msgctxt" in self.parts:
            msgid = f"{self.parts['msgctxt']}\x04{msgid}"
        return (msgid, 0) if "msgid_plural" in self.parts else msgid

    @property
    def translations(self) -> list[str]:
        """The msgstr, or each msgstr[n] of a plural entry; never an empty list."""
        texts = [text for name, text in self.parts.items() if name.startswith("msgstr")]
        return texts or [""]


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header first; obsolete entries are skipped."""
    entries: list[Entry] = []
    entry, part = Entry(), ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.parts:
                entries.append(entry)
            entry, part = Entry(), ""
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            part = match.group(1)
            entry.parts[part] = ast.literal_eval(match.group(2))
        else:
            entry.parts[part] += ast.literal_eval(line)
    return entries


def catalogue(language: str) -> list[Entry]:
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


def compiled(language: str) -> dict[object, str]:
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        return dict(vars(gettext.GNUTranslations(mo))["_catalog"])


def test_every_indonesian_msgid_is_translated_and_none_is_fuzzy() -> None:
    header, *entries = catalogue("id")

    assert "fuzzy" not in header.flags
    assert "Language: id\n" in header.parts["msgstr"]
    assert "Plural-Forms: nplurals=1; plural=0;" in header.parts["msgstr"]
    assert len(entries) > 500
    assert [e.parts["msgid"] for e in entries if "fuzzy" in e.flags] == []
    empty = [e.parts["msgid"] for e in entries if "" in e.translations]
    assert empty == []


def test_indonesian_translations_keep_every_placeholder() -> None:
    changed = [
        e.parts["msgid"]
        for e in catalogue("id")[1:]
        for text in e.translations
        if sorted(PLACEHOLDER.findall(text))
        != sorted(PLACEHOLDER.findall(e.parts["msgid"]))
    ]

    assert changed == []


def test_the_compiled_indonesian_catalogue_matches_the_po_file() -> None:
    entries = catalogue("id")[1:]
    mo = compiled("id")

    assert {key for key in mo if key != ""} == {e.key for e in entries}
    assert [e.key for e in entries if mo[e.key] != e.translations[0]] == []


def test_the_english_catalogue_exists_with_the_same_msgids() -> None:
    english = {e.key for e in catalogue("en")[1:]}

    assert english == {e.key for e in catalogue("id")[1:]}
    assert "Language: en\n" in compiled("en")[""]


@pytest.mark.django_db
def test_the_home_page_is_in_indonesian_by_default(client: Client) -> None:
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="id">' in response.text
    assert "Layanan ketenagakerjaan daring" in response.text
    assert "Laporkan permintaan uang atau imbalan" in response.text
    assert "Online labour services" not in response.text


@pytest.mark.django_db
def test_the_sign_up_form_is_in_indonesian_by_default(client: Client) -> None:
    response = client.get("/accounts/signup/")

    assert response.status_code == 200
    assert "Nama lengkap" in response.text  # Our field.
    assert "Sudah memiliki akun?" in response.text  # allauth's own catalogue.
    assert "Full name" not in response.text


@pytest.mark.django_db
def test_choosing_english_turns_the_pages_english(client: Client) -> None:
    response = client.post(
        "/language/", {"language": "en", "next": "/accounts/signup/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signup/"
    assert client.cookies["django_language"].value == "en"
    form = client.get("/accounts/signup/").text
    assert '<html lang="en">' in form
    assert "Full name" in form
    assert "Nama lengkap" not in form
    home = client.get("/").text
    assert "Online labour services" in home
    assert "Report a request for money or favours" in home


@pytest.mark.django_db
def test_choosing_indonesian_again_turns_the_pages_back(client: Client) -> None:
    client.post("/language/", {"language": "en"})
    client.post("/language/", {"language": "id"})

    assert "Layanan ketenagakerjaan daring" in client.get("/").text


@pytest.mark.django_db
def test_an_unknown_language_changes_nothing(client: Client) -> None:
    response = client.post("/language/", {"language": "xx", "next": "/"})

    assert response.status_code == 302
    assert "django_language" not in client.cookies
    assert "Layanan ketenagakerjaan daring" in client.get("/").text


def test_a_signed_in_users_choice_is_stored_on_the_user(
    client: Client, applicant: User, company: Company
) -> None:
    login(client, applicant)
    assert "Daftarkan perusahaan" in client.get("/companies/new/").text

    client.post("/language/", {"language": "en", "next": "/companies/new/"})

    applicant.refresh_from_db()
    assert applicant.language == "en"
    assert "Register a company" in client.get("/companies/new/").text


def test_e_mails_go_out_in_each_recipients_language(
    applicant: User,
    verifier: User,
    draft: Application,
    django_capture_on_commit_callbacks,
) -> None:
    User.objects.filter(pk=applicant.pk).update(language="en")
    User.objects.filter(pk=verifier.pk).update(language="id")
    applicant.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(actor=applicant, application=draft)

    sent = {message.to[0]: message for message in mail.outbox}
    to_applicant, to_verifier = sent[applicant.email], sent[verifier.email]
    number = draft.tracking_number
    assert to_applicant.subject == f"[Sikejar] Application {number} received"
    assert "has been received and is being verified" in to_applicant.body
    assert "This service is free of charge" in to_applicant.body
    assert to_verifier.subject == f"[Sikejar] Berkas {number} perlu diverifikasi"
    assert "masuk ke antrean verifikasi Anda" in to_verifier.body
    assert "tidak dipungut biaya" in to_verifier.body


def test_a_domain_error_reaches_the_page_in_indonesian(
    client: Client, applicant: User, company: Company, office: Office
) -> None:
    application = services.application_create(actor=applicant, company=company)

    response = login(client, applicant).post(
        f"/applications/{application.pk}/submit/", follow=True
    )

    assert response.status_code == 200
    assert "Permohonan tidak terkirim; draf Anda tetap tersimpan." in response.text
    assert "Isikan nomor dan tanggal surat permohonan." in response.text
    assert "The application was not sent" not in response.text


def test_signing_in_brings_the_saved_language_to_a_new_device(client, db):
    from tests.factories import PASSWORD, UserFactory

    user = UserFactory(language="en")

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": PASSWORD}
    )

    assert response.cookies["django_language"].value == "en"
    assert client.get("/")["Content-Language"] == "en"
