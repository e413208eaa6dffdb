"""An anonymous report leaves no link to its sender, in the database or the logs."""

import hashlib
import json
import logging
import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client

from sikejar.complaints.models import Report
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.complaints.conftest import pdf, report_form
from tests.factories import UserFactory, pdf_bytes

pytestmark = pytest.mark.django_db

SENDER_ADDRESS = "203.0.113.77"
SENDER_AGENT = "Mozilla/5.0 (X11; Linux) PelaporRahasia/7f3a9c"
SENDER_PK = 987654
SENDER_EMAIL = "pelapor.rahasia@example.test"
EVIDENCE_NAME = "laporan-budi-rahasia.pdf"


def _every_row() -> dict[tuple[str, object], dict[str, object]]:
    """Every row of every table, through and join tables included."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        pk = model._meta.pk.attname
        for row in model._base_manager.values():
            rows[(model._meta.label, row[pk])] = row
    return rows


Rows = list[tuple[tuple[str, object], dict[str, object]]]


def _new_or_changed(before, after) -> Rows:
    return [(key, row) for key, row in after.items() if before.get(key) != row]


# A record's clock readings are digits that could match a number by chance.
_CLOCK = {"created", "msecs", "relativeCreated", "thread", "process", "asctime"}


def _logged(records: list[logging.LogRecord]) -> str:
    """Everything a log handler could write: messages, arguments and extras."""
    return "\n".join(
        f"{record.getMessage()} {record.args!r} "
        f"{ {k: v for k, v in record.__dict__.items() if k not in _CLOCK}!r}"
        for record in records
    )


def _mentions(rows: Rows, needle: str | int) -> bool:
    """Whether a value of these rows is, or contains, the needle."""
    for _, row in rows:
        for value in row.values():
            if isinstance(value, str) and str(needle) in value:
                return True
            if value == needle:
                return True
            if isinstance(value, dict | list) and re.search(
                rf"\b{re.escape(str(needle))}\b", json.dumps(value)
            ):
                return True
    return False


@pytest.fixture
def caplog_everything(caplog):
    for name in ("", "django", "django.request", "django.server", "sikejar"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
def sender(db):
    """A signed-in user, made recognisable by a number and an address."""
    return UserFactory(pk=SENDER_PK, email=SENDER_EMAIL)


def _client(sender=None) -> tuple[Client, str]:
    client = Client(
        HTTP_ACCEPT_LANGUAGE="en",
        REMOTE_ADDR=SENDER_ADDRESS,
        HTTP_USER_AGENT=SENDER_AGENT,
        HTTP_X_FORWARDED_FOR=SENDER_ADDRESS,
    )
    if sender is None:
        return client, ""
    client.force_login(sender)
    return client, client.session.session_key or ""


@pytest.mark.parametrize("signed_in", [False, True], ids=["public", "signed-in"])
def test_an_anonymous_report_leaves_no_trace_of_its_sender(
    signed_in,
    sender,
    office,
    inspectorate,
    caplog_everything,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    client, session_key = _client(sender if signed_in else None)
    sessions_before = Session.objects.count()
    before = _every_row()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/reports/new/",
            report_form(
                office,
                evidence=pdf(pdf_bytes(), EVIDENCE_NAME),
                # Typed, then the sender chose anonymity after all.
                name="Budi Rahasia",
                contact=SENDER_EMAIL,
            ),
        )

    after = _every_row()
    assert response.status_code == 200
    assert "Your follow-up code" in response.text
    report = Report.objects.get()
    assert report.is_anonymous
    assert report.reporter is None
    assert (report.reporter_name, report.reporter_contact) == ("", "")
    assert EVIDENCE_NAME not in report.evidence.name
    event = AuditEvent.objects.get(action=AuditAction.REPORT_FILED)
    assert (event.actor, event.actor_role, event.data, event.reason) == (
        None,
        "system",
        {},
        "",
    )
    assert Session.objects.count() == sessions_before

    changed = _new_or_changed(before, after)
    everything = repr(after)
    logs = _logged(caplog_everything.records)
    mails = repr([(m.to, m.subject, m.body) for m in mailoutbox])
    assert mails != "[]"  # The inspectorate was told.
    assert "queued for user" in logs  # The search reads DEBUG records.
    for needle in (SENDER_ADDRESS, SENDER_AGENT, "PelaporRahasia", "Budi Rahasia"):
        assert needle not in everything, needle
        assert needle not in logs, needle
        assert needle not in mails, needle
    assert not _mentions(changed, SENDER_PK)
    assert not re.search(rf"\b{SENDER_PK}\b", logs + mails)
    for needle in [SENDER_EMAIL, EVIDENCE_NAME] + ([session_key] if signed_in else []):
        assert not _mentions(changed, needle), needle
        assert needle not in logs, needle
        assert needle not in mails, needle


def test_the_search_finds_the_sender_of_a_named_report(sender, office, inspectorate):
    client, _ = _client(sender)
    before = _every_row()

    client.post("/reports/new/", report_form(office, identity="named"))

    changed = _new_or_changed(before, _every_row())
    assert Report.objects.get().reporter == sender
    assert _mentions(changed, SENDER_PK)


def test_no_column_of_a_report_could_hold_its_senders_address_or_session():
    columns = {field.name for field in Report._meta.get_fields()}

    suspicious = {
        name
        for name in columns
        if re.search(r"ip|addr|agent|session|cookie|host|browser", name)
    }
    assert suspicious == set()
    user_links = {
        field.name
        for field in Report._meta.get_fields()
        if field.is_relation and field.related_model is apps.get_model("accounts.User")
    }
    # Both stay empty on an anonymous report; a constraint enforces it.
    assert user_links == {"reporter", "officer_at_filing"}


def test_the_follow_up_code_is_shown_once_and_only_its_sha256_is_stored(
    client, office, inspectorate
):
    response = client.post("/reports/new/", report_form(office))

    shown = re.search(r'id="follow-up-code">([^<]+)<', response.text)
    assert shown is not None
    code = shown.group(1)
    report = Report.objects.get()
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", code)  # 128 random bits.
    assert code not in repr(_every_row())
    assert report.code_hash == hashlib.sha256(code.encode()).hexdigest()
    assert "no-store" in response["Cache-Control"]


def test_a_code_never_travels_in_a_url(client, reported):
    response = client.get(f"/reports/follow-up/?code={reported.code}")

    assert response.status_code == 200
    assert reported.report.what_happened not in response.text
