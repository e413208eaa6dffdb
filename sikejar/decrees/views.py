from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def verify(request: HttpRequest, code: str) -> HttpResponse:
    # TODO: the public verification page (remove once it is written).
    raise Http404(_("No decree has this code."))
