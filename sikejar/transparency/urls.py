from django.urls import path

from sikejar.transparency import views

app_name = "transparency"

urlpatterns = [
    path("standard/", views.standard, name="standard"),
    path("standard/history/", views.standard_history, name="standard_history"),
    path("standard/<int:number>/", views.standard_version, name="standard_version"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.csv", views.statistics_csv, name="statistics_csv"),
]
