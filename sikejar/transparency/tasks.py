from celery import shared_task

from sikejar.transparency.services import clock_tick


@shared_task
def clock_tick_task() -> int:
    """The ``clock_tick`` command for Celery beat; schedule it hourly."""
    return clock_tick()
