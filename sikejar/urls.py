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
    path("", include("sikejar.decrees.urls")),
]
