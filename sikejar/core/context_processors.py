from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, object]:
    """Facts every page shows: the office and where to report a demand for money."""
    return {
        "office_name": settings.SIKEJAR_OFFICE_NAME,
        "complaint_url": settings.SIKEJAR_COMPLAINT_URL,
    }
