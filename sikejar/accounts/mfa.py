"""The second factor at the moment of a grave act (signing a decree).

django-allauth's MFA owns enrolment and the TOTP secret; this module only
asks it whether a code is right, and each code counts once.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from sikejar.accounts.models import User


def totp_enabled(user: User) -> bool:
    authenticators = Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    )
    return bool(authenticators.exists())


def totp_verify(user: User, code: str) -> bool:
    authenticator = Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        return False
    return bool(TOTP(authenticator).validate_code(code.strip().replace(" ", "")))
