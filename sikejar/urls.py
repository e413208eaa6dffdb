from django.contrib import admin
from django.urls import include, path

from sikejar.core.views import healthz
from sikejar.p2k3.views.home import home

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("log/", include("sikejar.integrity.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("sikejar.accounts.urls")),
    path("companies/", include("sikejar.companies.urls")),
    path("applications/", include("sikejar.p2k3.urls")),
    path("track/", include("sikejar.p2k3.tracking_urls")),
    path("decrees/", include("sikejar.decrees.staff_urls")),
    path("", include("sikejar.decrees.urls")),
    path("", include("sikejar.transparency.urls")),
    path("", include("sikejar.complaints.urls")),
    path("api/", include("sikejar.api_urls")),
]
