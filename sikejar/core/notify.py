"""E-mail to users, in their own language, sent only once the act is committed."""

import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sikejar.accounts.models import User
from sikejar.core.tasks import send_email

logger = logging.getLogger(__name__)


def notify_after_commit(
    users: list[User], *, template: str, context: dict[str, Any]
) -> None:
    """Queue one e-mail per user, rendered from ``<template>_subject.txt`` and ``.txt``.

    Nothing is sent when the surrounding transaction rolls back.
    """
    for user in users:
        if not user.email or not user.is_active:
            continue
        with translation.override(user.language):
            subject = render_to_string(f"{template}_subject.txt", context).strip()
            body = render_to_string(f"{template}.txt", {**context, "user": user})
        transaction.on_commit(partial(send_email.delay, subject, body, [user.email]))
        logger.debug("E-mail %s queued for user %s", template, user.pk)


def absolute_url(path: str) -> str:
    return f"{settings.SIKEJAR_BASE_URL.rstrip('/')}{path}"
