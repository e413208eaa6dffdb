"""The QR code's target: anyone checks a decree by its code or by its file."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sikejar.decrees import services
from sikejar.p2k3.models import ApplicationKind
from tests.decrees.conftest import issue
from tests.decrees.test_lifecycle import recommended_file
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; each test starts with a clean budget."""
    cache.clear()


@pytest.fixture
def client():
    """The public, reading in English (Indonesian is the default)."""
    return Client(headers={"accept-language": "en"})


def amend(decree, signer, verifier):
    """Issue an amendment that replaces ``decree``."""
    amendment = recommended_file(
        verifier,
        company=decree.application.company,
        kind=ApplicationKind.AMENDMENT,
    )
    return issue(amendment, signer)


def signed_bytes(decree) -> bytes:
    with decree.file.open("rb") as file:
        return file.read()


def drop(client: Client, content: bytes, name: str = "sk.pdf"):
    return client.post(
        "/v/check",
        {"file": SimpleUploadedFile(name, content, "application/pdf")},
    )


def test_it_says_a_decree_in_force_is_genuine(client, issued):
    response = client.get(f"/v/{issued.code}")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Genuine." in page
    assert issued.number in page
    assert "PT Sawit Makmur Jambi" in page
    assert "Muaro Jambi" in page
    assert issued.sha256 in page
    assert f"/v/{issued.code}/pdf" in page
    assert "Ketua (unsur pengusaha)" in page
    assert "Budi Santoso" in page
    assert "In force" in page
    assert 'action="/v/check"' in page
    assert "csrfmiddlewaretoken" in page


def test_it_hides_member_names_when_the_office_says_so(client, issued, settings):
    settings.SIKEJAR_PUBLIC_MEMBER_NAMES = False

    response = client.get(f"/v/{issued.code}")

    page = response.content.decode()
    assert "Ketua (unsur pengusaha)" in page
    for member in issued.application.members.all():
        assert member.full_name not in page


def test_a_replaced_decree_links_to_the_one_that_replaced_it(
    client, issued, signer, verifier
):
    new = amend(issued, signer, verifier)

    old_page = client.get(f"/v/{issued.code}")
    new_page = client.get(f"/v/{new.code}")

    assert old_page.status_code == 200
    assert "Replaced" in old_page.content.decode()
    assert new.number in old_page.content.decode()
    assert f'href="http://127.0.0.1:8000/v/{new.code}"' in old_page.content.decode()
    assert "In force" in new_page.content.decode()
    assert f'href="http://127.0.0.1:8000/v/{issued.code}"' in new_page.content.decode()


def test_a_cancelled_decree_shows_the_reason_and_the_day(client, issued, signer):
    services.decree_cancel(actor=signer, decree=issued, reason="NIB keliru.")
    issued.refresh_from_db()

    response = client.get(f"/v/{issued.code}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Cancelled" in page
    assert "NIB keliru." in page
    assert "it was cancelled" in page


def test_anyone_downloads_the_signed_file(client, issued):
    response = client.get(f"/v/{issued.code}/pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        f"SK-560-1-DISNAKERTRANS-{issued.year}.pdf" in response["Content-Disposition"]
    )
    assert b"".join(response.streaming_content) == signed_bytes(issued)


def test_an_unknown_code_is_not_found(client, issued):
    response = client.get("/v/not-a-code")

    assert response.status_code == 404
    assert "No decree has this code" in response.content.decode()
    assert client.get("/v/not-a-code/pdf").status_code == 404


def test_too_many_unknown_codes_answer_429_even_for_a_real_one(
    client, issued, settings
):
    settings.SIKEJAR_VERIFY_MISS_LIMIT = 3
    for attempt in range(3):
        assert client.get(f"/v/guess-{attempt}").status_code == 404

    limited = client.get("/v/guess-4")
    real = client.get(f"/v/{issued.code}")

    assert limited.status_code == 429
    assert "Too many unknown codes" in limited.content.decode()
    assert real.status_code == 429


def test_the_budget_is_per_client_address(client, issued, settings):
    settings.SIKEJAR_VERIFY_MISS_LIMIT = 1
    client.get("/v/guess", REMOTE_ADDR="10.0.0.1")

    elsewhere = client.get(f"/v/{issued.code}", REMOTE_ADDR="10.0.0.2")
    forged = client.get(
        f"/v/{issued.code}", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.3"
    )

    assert elsewhere.status_code == 200
    assert forged.status_code == 429


def test_an_identical_file_names_its_decree(client, issued):
    response = drop(client, signed_bytes(issued))

    page = response.content.decode()
    assert response.status_code == 200
    assert issued.number in page
    assert f"/v/{issued.code}" in page
    assert "Identical." in page


def test_one_changed_byte_is_not_genuine(client, issued):
    pdf = bytearray(signed_bytes(issued))
    pdf[len(pdf) // 2] ^= 0x01

    response = drop(client, bytes(pdf))

    page = response.content.decode()
    assert response.status_code == 200
    assert issued.number not in page
    assert "Not genuine." in page


def test_another_pdf_is_not_genuine(client, issued):
    response = drop(client, pdf_bytes(), name="palsu.pdf")

    assert issued.number not in response.content.decode()
    assert "palsu.pdf" not in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a pdf", "The file is not a PDF document."),
        (b"", "The file is empty."),
    ],
)
def test_a_file_that_is_no_pdf_gets_a_clear_message(client, content, message):
    response = client.post(
        "/v/check",
        {"file": SimpleUploadedFile("x.pdf", content, "application/pdf")},
    )

    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_oversized_file_gets_a_clear_message(client, settings):
    settings.SIKEJAR_UPLOAD_MAX_BYTES = 1024 * 1024
    content = b"%PDF-1.7\n" + b"0" * 1024 * 1024

    response = client.post("/v/check", {"file": SimpleUploadedFile("x.pdf", content)})

    assert "The file is larger than 1 MB." in response.content.decode()


def test_a_check_without_a_file_asks_for_one(client):
    response = client.post("/v/check", {})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_the_check_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)

    response = drop(client, pdf_bytes())

    assert response.status_code == 403


def test_the_dropped_file_is_not_kept(client, issued, settings, tmp_path):
    before = sorted(p.name for p in (tmp_path / "media").rglob("*"))

    drop(client, signed_bytes(issued))

    assert sorted(p.name for p in (tmp_path / "media").rglob("*")) == before


def test_the_check_page_answers_without_a_file(client):
    response = client.get("/v/check")

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_the_page_shows_the_decree_s_inclusion_proof(client, issued):
    from sikejar.integrity import merkle
    from sikejar.integrity.log import checkpoint_sign

    before = client.get(f"/v/{issued.code}")
    checkpoint = checkpoint_sign()

    after = client.get(f"/v/{issued.code}")

    assert "next signed checkpoint" in before.text
    proof = after.context["log_proof"]
    assert proof["verified"]
    assert proof["tree_size"] == checkpoint.tree_size
    assert merkle.verify_inclusion(
        bytes.fromhex(proof["leaf_hash"]),
        proof["leaf_index"],
        checkpoint.tree_size,
        [bytes.fromhex(p) for p in proof["proof"]],
        bytes.fromhex(checkpoint.root_hash),
    )
    assert f"/log/proof/inclusion/{proof['seq']}/" in after.text
