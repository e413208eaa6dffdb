from django.urls import path

from sikejar.decrees.api import views

urlpatterns = [
    path("decrees/", views.DecreeList.as_view(), name="decree_list"),
    path("decrees/<str:code>/", views.DecreeDetail.as_view(), name="decree_detail"),
    path("verify/<str:code>/", views.Verify.as_view(), name="verify"),
]
