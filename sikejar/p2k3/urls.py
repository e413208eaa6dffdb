from django.urls import path

from sikejar.p2k3.views import home

app_name = "p2k3"

urlpatterns = [
    path("<int:pk>/", home.home, name="detail"),
]
