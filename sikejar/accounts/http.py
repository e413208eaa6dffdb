from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sikejar.accounts.models import User


def acting_user(request: HttpRequest) -> User:
    """The signed-in user of a view behind @login_required, typed as ours."""
    user = request.user
    if not isinstance(user, User):  # Only reached without @login_required.
        raise PermissionDenied
    return user
