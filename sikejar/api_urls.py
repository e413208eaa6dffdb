"""The REST API under /api/: versioned endpoints, the OpenAPI document, its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from sikejar.decrees.api.views import Root

app_name = "api"

urlpatterns = [
    path("v1/", Root.as_view(), name="root"),
    path("v1/", include("sikejar.decrees.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
