"""The API's view of a decree: ``public.decree_public``, described for OpenAPI.

The declared fields document the payload in the schema; the data itself
comes from the allow-list, and a test checks that the two keep the same keys.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.decrees.public import decree_public


class SeatSerializer(serializers.Serializer[dict[str, str]]):
    role = serializers.CharField(help_text=_("Role and element, as in the decree."))
    name = serializers.CharField(
        required=False,
        help_text=_("Absent when the office does not publish members' names."),
    )


class DecreeSerializer(serializers.Serializer[Decree]):
    number = serializers.CharField()
    issued_on = serializers.DateField()
    status = serializers.ChoiceField(choices=DecreeStatus.choices)
    company_name = serializers.CharField()
    regency = serializers.CharField()
    committee = SeatSerializer(many=True)
    signer_name = serializers.CharField()
    signer_title = serializers.CharField()
    sha256 = serializers.CharField(help_text=_("SHA-256 of the signed PDF."))
    code = serializers.CharField(help_text=_("The verification code."))
    verify_url = serializers.URLField()
    download_url = serializers.URLField()
    replaces = serializers.CharField(allow_null=True)
    replaces_url = serializers.URLField(allow_null=True)
    replaced_by = serializers.CharField(allow_null=True)
    replaced_by_url = serializers.URLField(allow_null=True)
    cancelled_on = serializers.DateField(allow_null=True)
    cancel_reason = serializers.CharField(allow_null=True)

    def to_representation(self, instance: Decree) -> dict[str, Any]:
        return decree_public(instance)


class VerificationSerializer(serializers.Serializer[Decree]):
    genuine = serializers.BooleanField(
        help_text=_("Always true: an unknown code answers 404.")
    )
    in_force = serializers.BooleanField()
    decree = DecreeSerializer()

    def to_representation(self, instance: Decree) -> dict[str, Any]:
        public = decree_public(instance)
        return {
            "genuine": True,
            "in_force": public["status"] == DecreeStatus.IN_FORCE,
            "decree": public,
        }
