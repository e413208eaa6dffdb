"""The decree's pages for signed-in users: download, cancellation, amendment."""

from django.urls import path

from sikejar.decrees import staff_views

app_name = "decree_staff"

urlpatterns = [
    path("<int:pk>/download/", staff_views.decree_download, name="download"),
    path("<int:pk>/cancel/", staff_views.decree_cancel, name="cancel"),
    path("amend/<int:company_pk>/", staff_views.amendment_start, name="amend"),
]
