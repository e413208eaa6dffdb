"""The public register of decrees, and its CSV and JSON exports."""

import csv
from typing import Any

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sikejar.decrees import selectors
from sikejar.decrees.forms import RegisterFilterForm
from sikejar.decrees.models import Decree
from sikejar.decrees.public import PUBLIC_FIELDS, decree_public

PAGE_SIZE = 25
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _filtered(request: HttpRequest) -> tuple[RegisterFilterForm, QuerySet[Decree]]:
    form = RegisterFilterForm(request.GET)
    return form, selectors.register_decrees(**form.filters())


@require_safe
def register(request: HttpRequest) -> HttpResponse:
    form, decrees = _filtered(request)
    page = Paginator(decrees, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "decrees": [decree_public(decree) for decree in page],
    }
    return render(request, "decrees/register.html", context)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = "; ".join(
            ": ".join(str(part) for part in seat.values()) for seat in value
        )
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@require_safe
def register_csv(request: HttpRequest) -> HttpResponse:
    """The filtered register as UTF-8 CSV; a committee is one "role: name; ..." cell."""
    _form, decrees = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sikejar-register.csv"'
    writer = csv.writer(response)
    writer.writerow(PUBLIC_FIELDS)
    for decree in decrees.iterator(chunk_size=500):
        public = decree_public(decree)
        writer.writerow([_cell(public[field]) for field in PUBLIC_FIELDS])
    return response


@require_safe
def register_json(request: HttpRequest) -> JsonResponse:
    _form, decrees = _filtered(request)
    results = [decree_public(decree) for decree in decrees.iterator(chunk_size=500)]
    response = JsonResponse(
        {"count": len(results), "results": results},
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="sikejar-register.json"'
    return response
