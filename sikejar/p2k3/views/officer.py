from django.http import HttpRequest, HttpResponse


def queue(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def to_decide(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def review(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_return(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_recommend(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def decision(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_approve(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_reject(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_send_back(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.
