"""No public page, export or API answer carries personal data.

Walks every URL that the access matrix opens to the public, over a world
with a decree in force, messages, views by officers, a report and a
checkpoint, and looks for anything personal in what comes back.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from sikejar.integrity.log import checkpoint_sign
from sikejar.p2k3 import services
from tests.decrees.conftest import archive, authority, signer  # noqa: F401
from tests.test_access_matrix import EXPECTATIONS, _url, decreed, world  # noqa: F401

pytestmark = pytest.mark.django_db

PUBLIC = sorted(name for name, e in EXPECTATIONS.items() if e.codes["public"] == "ok")


def _secrets(application, people) -> list[str]:
    company = application.company
    expert = company.experts.get()
    officers = [people[p] for p in ("verifier", "other_verifier", "inspectorate")]
    return [
        people["applicant"].email,
        people["applicant"].full_name,
        *(o.email for o in officers),
        *(o.full_name for o in officers),
        *(o.nip for o in officers),
        people["head"].email,
        company.npwp,
        company.address,
        expert.certificate_number,
        expert.skp_number,
        expert.licence_number,
        application.request_letter_number,
        "Rahasia pesan perusahaan",
    ]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_carry_no_personal_data(name, world, decreed):  # noqa: F811
    files, people, membership = world
    services.message_post(
        actor=people["applicant"],
        application=decreed,
        body="Rahasia pesan perusahaan",
    )
    officer = Client()
    officer.force_login(people["verifier"])
    officer.get(f"/applications/{decreed.pk}/")
    checkpoint_sign()
    cache.clear()
    expect = EXPECTATIONS[name]
    application = decreed if expect.file == "decreed" else files[expect.file]
    url = _url(name, application, membership)

    response = getattr(Client(), expect.method)(url)
    if response.streaming:
        pytest.skip("the signed decree itself, public by design")
    body = response.content.decode(errors="replace")

    assert response.status_code in (200, 302, 400), url
    leaked = [s for s in _secrets(decreed, people) if s and s in body]
    assert leaked == [], url
