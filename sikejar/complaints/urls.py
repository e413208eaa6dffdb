from django.urls import path

from sikejar.complaints import views

app_name = "complaints"

urlpatterns = [
    # Anyone, signed in or not.
    path("reports/new/", views.report_new, name="new"),
    path("reports/follow-up/", views.follow_up, name="follow_up"),
    path("reports/follow-up/add/", views.follow_up_add, name="follow_up_add"),
    path("survey/results/", views.survey_results, name="survey_results"),
    # The company, on its own file.
    path(
        "reports/application/<int:pk>/",
        views.report_from_application,
        name="from_application",
    ),
    path("survey/application/<int:pk>/", views.survey_answer, name="survey"),
    # The inspectorate of the office.
    path("reports/", views.inbox, name="inbox"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("reports/<int:pk>/reply/", views.reply, name="reply"),
    path("reports/<int:pk>/evidence/", views.evidence, name="evidence"),
]
