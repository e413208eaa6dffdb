"""The Celery app. Without CELERY_BROKER_URL every task runs inline."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikejar.settings")

app = Celery("sikejar")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
