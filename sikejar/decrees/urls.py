from django.urls import path

from sikejar.decrees.views import register, verification

app_name = "decrees"

urlpatterns = [
    # "check" comes first: it would otherwise read as a verification code.
    path("v/check", verification.check, name="check"),
    path("v/<str:code>", verification.verify, name="verify"),
    path("v/<str:code>/pdf", verification.verify_pdf, name="verify_pdf"),
    path("register/", register.register, name="register"),
    path("register.csv", register.register_csv, name="register_csv"),
    path("register.json", register.register_json, name="register_json"),
]
