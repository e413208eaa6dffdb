import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sikejar.accounts.models import Role, User
from sikejar.complaints.models import Report, SurveyResponse
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import Checkpoint
from sikejar.p2k3.models import Application, ApplicationStatus
from sikejar.transparency.models import DayOff, OverdueMark, StandardVersion

pytestmark = pytest.mark.django_db


def test_it_refuses_demo_data_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="refused"):
        call_command("demo_data")

    assert not User.objects.exists()


def test_demo_covers_every_role_and_every_state(settings, capsys):
    settings.DEBUG = True

    call_command("demo_data")

    output = capsys.readouterr().out
    assert "sikejar-demo" in output
    assert {u.role for u in User.objects.all()} == set(Role.values)
    states = set(Application.objects.values_list("status", flat=True))
    assert states == set(ApplicationStatus.values)
    assert set(Decree.objects.values_list("status", flat=True)) == set(
        DecreeStatus.values
    )
    assert audit_verify().intact


def test_demo_gives_every_public_page_something_to_show(settings):
    settings.DEBUG = True

    call_command("demo_data")

    assert OverdueMark.objects.count() == 1
    assert StandardVersion.objects.count() == 2
    assert DayOff.objects.exists()
    assert SurveyResponse.objects.count() == 5
    assert Report.objects.count() == 1
    assert Checkpoint.objects.exists()


def test_loading_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("demo_data")
    count = Application.objects.count()

    call_command("demo_data")

    assert Application.objects.count() == count
