"""Read-only, public endpoints: the register, one decree, verification by code."""

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from sikejar.decrees import selectors
from sikejar.decrees.api.serializers import DecreeSerializer, VerificationSerializer
from sikejar.decrees.forms import RegisterFilterForm
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.decrees.views import limits
from sikejar.decrees.views.register import PAGE_SIZE


class PublicRateThrottle(AnonRateThrottle):
    """Anonymous clients share the rate of ``SIKEJAR_API_ANON_RATE``."""

    def get_rate(self) -> str:
        return str(settings.SIKEJAR_API_ANON_RATE)

    def get_ident(self, request: Request) -> str:
        # DRF would trust X-Forwarded-For, which any client can forge.
        return limits.client_ip(request)


class PublicAPIView(APIView):
    """Open to all and the same for all: no sign-in is read, so no session either."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (PublicRateThrottle,)


class RegisterPagination(PageNumberPagination):
    page_size = PAGE_SIZE


def _decree_or_404(request: Request, code: str) -> Decree:
    """The decree with this code, spending the client's budget of unknown codes."""
    if limits.verification_misses.exhausted(request):
        raise Throttled(
            wait=settings.SIKEJAR_VERIFY_MISS_WINDOW,
            detail=_("Too many unknown codes. Wait a few minutes and try again."),
        )
    decree = selectors.decree_by_code(code)
    if decree is None:
        limits.verification_misses.record(request)
        raise NotFound(_("No decree has this code."))
    return decree


def _text(max_length: int) -> dict[str, object]:
    """A free-text filter: Django's form refuses NUL characters, so does the schema."""
    return {"type": "string", "maxLength": max_length, "pattern": r"^[^\x00]*$"}


_FILTERS = [
    OpenApiParameter(
        "company",
        _text(200),
        description=gettext_lazy("Part of the company's name."),
    ),
    OpenApiParameter(
        "number",
        _text(100),
        description=gettext_lazy("Part of the decree number."),
    ),
    OpenApiParameter(
        "regency",
        _text(100),
        description=gettext_lazy("The regency's or city's name, as in the decree."),
    ),
    OpenApiParameter(
        "year",
        {"type": "integer", "minimum": 2000, "maximum": 9999},
        description=gettext_lazy("The year of issue."),
    ),
    OpenApiParameter("status", str, enum=DecreeStatus.values),
]


_BY_CODE_ERRORS = {
    404: OpenApiResponse(description=gettext_lazy("No decree has this code.")),
    429: OpenApiResponse(
        description=gettext_lazy("Too many requests or unknown codes.")
    ),
}


@extend_schema(
    tags=["decrees"],
    parameters=_FILTERS,
    responses={
        200: DecreeSerializer(many=True),
        400: OpenApiResponse(description=gettext_lazy("A filter is not valid.")),
        404: OpenApiResponse(description=gettext_lazy("No such page.")),
        429: _BY_CODE_ERRORS[429],
    },
)
class DecreeList(PublicAPIView, generics.ListAPIView[Decree]):
    """The public register, newest first; the filters combine."""

    serializer_class = DecreeSerializer
    pagination_class = RegisterPagination

    def get_queryset(self) -> QuerySet[Decree]:
        form = RegisterFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        return selectors.register_decrees(**form.filters())


@extend_schema(tags=["decrees"], responses={200: DecreeSerializer, **_BY_CODE_ERRORS})
class DecreeDetail(PublicAPIView, generics.RetrieveAPIView[Decree]):
    """One decree, by its verification code (numbers hold slashes)."""

    serializer_class = DecreeSerializer
    queryset = Decree.objects.none()
    lookup_field = "code"

    def get_object(self) -> Decree:
        return _decree_or_404(self.request, self.kwargs["code"])


class Verify(PublicAPIView):
    """Whether a code belongs to a decree the office issued, and its status."""

    @extend_schema(
        tags=["verification"],
        responses={200: VerificationSerializer, **_BY_CODE_ERRORS},
        parameters=[OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, code: str) -> Response:
        decree = _decree_or_404(request, code)
        return Response(VerificationSerializer(decree).data)


class Root(PublicAPIView):
    """Where the API's parts are."""

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response(
            {
                "decrees": reverse("api:decree_list", request=request),
                "schema": reverse("api:schema", request=request),
                "docs": reverse("api:docs", request=request),
            }
        )
