"""Public tracking, outside /applications/: no sign-in, one file per number."""

from django.urls import path

from sikejar.p2k3.views import tracking

app_name = "tracking"

urlpatterns = [
    path("", tracking.track, name="form"),
    path("<str:number>/", tracking.track_detail, name="detail"),
]
