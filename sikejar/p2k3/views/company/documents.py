"""Uploading a requirement's PDF, and serving stored PDFs to those who may see them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sikejar.core.errors import DomainError
from sikejar.core.uploads import attachment_response
from sikejar.p2k3 import services
from sikejar.p2k3.access import application_for_viewer
from sikejar.p2k3.forms import DocumentForm, DraftForm, member_formset
from sikejar.p2k3.models import ApplicationDocument, Requirement
from sikejar.p2k3.views.company.common import AuthedRequest, operator_application
from sikejar.p2k3.views.company.drafting import edit_context


@login_required
@require_POST
def document_upload(
    request: AuthedRequest, pk: int, requirement_pk: int
) -> HttpResponse:
    """Store one PDF; a refused file comes back on the edit page with the reason.

    The page's upload script swaps the documents section from the response,
    so the same view serves the progress-bar upload and the plain form post.
    """
    application = operator_application(request, pk)
    if not application.is_editable:
        messages.error(request, _("This application can no longer be edited."))
        return redirect("p2k3:detail", pk=pk)
    requirement = get_object_or_404(
        Requirement, pk=requirement_pk, is_active=True, needs_document=True
    )
    form = DocumentForm(request.POST, request.FILES, requirement=requirement)
    if form.is_valid():
        try:
            document = services.document_upload(
                actor=request.user,
                application=application,
                requirement=requirement,
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        except DomainError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                _("Uploaded %(name)s for %(title)s.")
                % {"name": document.original_name, "title": requirement.title},
            )
            return redirect(reverse("p2k3:edit", args=[pk]) + "#documents")

    draft = DraftForm(initial=DraftForm.initial_for(application))
    context = edit_context(
        application, draft, member_formset(application), (requirement.pk, form)
    )
    return render(request, "p2k3/edit.html", context)


@login_required
@require_safe
def document_download(
    request: AuthedRequest, pk: int, document_pk: int
) -> FileResponse:
    application = application_for_viewer(request.user, pk)
    document = get_object_or_404(
        ApplicationDocument.objects.select_related("requirement"),
        pk=document_pk,
        application=application,
    )
    if request.user.is_officer:
        services.file_download_record(
            actor=request.user, application=application, document=document
        )
    return attachment_response(document.file, document.original_name)
