from django.urls import path

from sikejar.decrees import views

app_name = "decrees"

urlpatterns = [
    path("v/<str:code>", views.verify, name="verify"),
]
