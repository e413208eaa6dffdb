from django.urls import path

from sikejar.companies import views

app_name = "companies"

urlpatterns = [
    path("", views.company_list, name="list"),
    path("new/", views.company_create, name="create"),
    path("join/", views.membership_request, name="join"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
    path(
        "<int:pk>/memberships/<int:membership_pk>/approve/",
        views.membership_approve,
        name="membership_approve",
    ),
    path(
        "<int:pk>/memberships/<int:membership_pk>/reject/",
        views.membership_reject,
        name="membership_reject",
    ),
    path("<int:pk>/experts/new/", views.expert_create, name="expert_create"),
    path(
        "<int:pk>/experts/<int:expert_pk>/edit/", views.expert_edit, name="expert_edit"
    ),
    path(
        "<int:pk>/experts/<int:expert_pk>/<str:paper>.pdf",
        views.expert_paper,
        name="expert_paper",
    ),
]
