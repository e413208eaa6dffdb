from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    # TODO: role dashboards (remove once the officer views land).
    return render(request, "p2k3/home.html")
