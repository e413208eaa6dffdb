from django.urls import path

from sikejar.integrity import views

app_name = "integrity"

urlpatterns = [
    path("", views.log_page, name="log"),
    path("checkpoints.json", views.checkpoints_json, name="checkpoints"),
    path("events.json", views.events_json, name="events"),
    path("key.pem", views.key_pem, name="key"),
    path("proof/inclusion/<int:seq>/", views.inclusion_proof, name="inclusion"),
    path("proof/consistency/", views.consistency_proof, name="consistency"),
]
