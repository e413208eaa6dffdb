from django.http import HttpRequest, HttpResponse


def application_create(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_detail(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_edit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_check(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def document_upload(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def document_download(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_submit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def receipt(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def receipt_pdf(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def application_withdraw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.


def message_post(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError  # Placeholder while the view is being written.
