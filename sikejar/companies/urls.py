from django.urls import path

from sikejar.p2k3.views import home

app_name = "companies"

urlpatterns = [
    path("", home.home, name="list"),
]
