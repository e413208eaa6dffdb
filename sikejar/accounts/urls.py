from django.urls import path

from sikejar.accounts import views

urlpatterns = [
    path("language/", views.language_set, name="language_set"),
]
