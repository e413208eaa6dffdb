from django.http import HttpRequest, HttpResponse


def company_list(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def company_create(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def membership_request(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def company_detail(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def company_edit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def membership_approve(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def membership_reject(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def expert_create(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def expert_edit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def expert_paper(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.
