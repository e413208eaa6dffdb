from django.urls import path

from sikejar.p2k3.views import company, fairness, officer

app_name = "p2k3"

urlpatterns = [
    # The company's side.
    path("new/<int:company_pk>/", company.application_create, name="create"),
    path("<int:pk>/", company.application_detail, name="detail"),
    path("<int:pk>/edit/", company.application_edit, name="edit"),
    path("<int:pk>/check/", company.application_check, name="check"),
    path(
        "<int:pk>/requirements/<int:requirement_pk>/upload/",
        company.document_upload,
        name="document_upload",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        company.document_download,
        name="document_download",
    ),
    path("<int:pk>/submit/", company.application_submit, name="submit"),
    path("<int:pk>/receipt/", company.receipt, name="receipt"),
    path("<int:pk>/receipt.pdf", company.receipt_pdf, name="receipt_pdf"),
    path("<int:pk>/withdraw/", company.application_withdraw, name="withdraw"),
    path("<int:pk>/messages/", company.message_post, name="message_post"),
    # The officers' side.
    path("queue/", officer.queue, name="queue"),
    path("to-decide/", officer.to_decide, name="to_decide"),
    path("<int:pk>/review/", officer.review, name="review"),
    path("<int:pk>/return/", officer.application_return, name="return"),
    path("<int:pk>/recommend/", officer.application_recommend, name="recommend"),
    path("<int:pk>/decide/", officer.decision, name="decision"),
    path("<int:pk>/approve/", officer.application_approve, name="approve"),
    path("<int:pk>/reject/", officer.application_reject, name="reject"),
    path("<int:pk>/send-back/", officer.application_send_back, name="send_back"),
    # The fair queue: out of turn, conflicts of interest, reassignment.
    path(
        "<int:pk>/review/out-of-turn/",
        fairness.review_out_of_turn,
        name="review_out_of_turn",
    ),
    path(
        "<int:pk>/decide/out-of-turn/",
        fairness.decision_out_of_turn,
        name="decision_out_of_turn",
    ),
    path("out-of-turn/", fairness.out_of_turn_log, name="out_of_turn_log"),
    path("conflicts/", fairness.conflicts, name="conflicts"),
    path("<int:pk>/reassign/", fairness.reassign, name="reassign"),
]
