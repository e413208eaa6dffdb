"""Issue 2's whole journey in Chromium, in Indonesian, on a desktop and a phone.

A company operator signs up, verifies the e-mail, registers the company
(an administrator consents in the admin), registers a safety expert, drafts
the application and submits it; the verifier returns it citing a
requirement; the company corrects and resubmits; the verifier recommends
approval and the head of office approves, which signs the decree.

Elements are found by names, ids and form actions rather than by their
Indonesian wording, which the translators may still change.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.mail import EmailMessage
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from sikejar.accounts.models import Regency, User
from sikejar.companies.models import Membership, MembershipStatus, SafetyExpert
from sikejar.p2k3.models import Application, ApplicationStatus, Requirement
from tests.browser.conftest import VIEWPORTS, Browsing, Viewport
from tests.decrees.conftest import SIGNING_PASSWORD, totp_code
from tests.factories import PASSWORD, pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OPERATOR_NAME = "Dewi Lestari"
OPERATOR_EMAIL = "dewi@sawit-lestari.example.test"
OPERATOR_PASSWORD = "Kebun-Sawit-Lestari-2026"
COMPANY_NAME = "PT Sawit Lestari Jambi"
COMPANY_NIB = "9120005550001"
EXPERT_NAME = "Siti Rahmawati"
RETURN_CITED = "expert-skp"
RETURN_EXPLANATION = "SKP yang diunggah tidak terbaca; unggah ulang hasil pindaian."

# Six members, both elements, one chair and one secretary (the expert).
COMMITTEE = [
    ("Budi Santoso", "Direktur", "ketua", "employer"),
    (EXPERT_NAME, "HSE Officer", "sekretaris", "employer"),
    ("Andi Pratama", "Manajer Kebun", "anggota", "employer"),
    ("Rina Wati", "Operator Pabrik", "anggota", "worker"),
    ("Joko Susilo", "Mandor Panen", "anggota", "worker"),
    ("Sari Dewi", "Staf Gudang", "anggota", "worker"),
]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_a_company_gets_its_committee_approved_from_sign_up_to_decision(
    viewport: Viewport,
    browsing: Browsing,
    mailoutbox: list[EmailMessage],
    verifier: User,
    signer: User,
    admin_user: User,
    tmp_path: Path,
    settings: Settings,
) -> None:
    # A code typed late in its 30 seconds still counts, as on a slow phone;
    # each code counts once, so the head signs in with one and signs with the next.
    settings.MFA_TOTP_TOLERANCE = 1
    operator = browsing.open()
    sign_up(browsing, operator, mailoutbox)
    company_pk = register_company(browsing, operator)
    consent_in_admin(browsing, admin_user)
    register_expert(browsing, operator, company_pk, tmp_path)
    pk = draft_application(browsing, operator, company_pk)
    upload_documents(browsing, operator, tmp_path)
    submit(browsing, operator, pk, "receipt")

    office = browsing.open()
    sign_in(office, verifier.email, PASSWORD)
    return_for_correction(browsing, office, pk)
    correct_and_resubmit(browsing, operator, pk, tmp_path)
    recommend_approval(browsing, office, pk)

    head = browsing.open()
    sign_in(head, signer.email, PASSWORD, code=totp_code(signer))
    approve(browsing, head, pk, code=totp_code(signer, step=1))
    see_approval(browsing, operator, pk)


def tracking_number(pk: int) -> str:
    return Application.objects.get(pk=pk).tracking_number


def pdf(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(pdf_bytes())
    return path


def sign_in(page: Page, email: str, password: str, code: str = "") -> None:
    page.goto("/accounts/login/")
    fill_sign_in(page, email, password, code)


def fill_sign_in(page: Page, email: str, password: str, code: str = "") -> None:
    """Sign in, with the authenticator's code when the person has a second factor."""
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    # Enter sends the form, as on a phone's keyboard.
    page.press("input[name=password]", "Enter")
    if code:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
        page.fill("input[name=code]", code)
        page.press("input[name=code]", "Enter")
    expect(page.locator("form[action='/accounts/logout/']")).to_be_attached()


def sign_up(browsing: Browsing, page: Page, mailoutbox: list[EmailMessage]) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    browsing.shot(page, "public-home")
    browsing.press(page.locator("main a[href='/accounts/signup/']"))
    page.fill("input[name=full_name]", OPERATOR_NAME)
    page.fill("input[name=email]", OPERATOR_EMAIL)
    page.fill("input[name=password1]", OPERATOR_PASSWORD)
    page.fill("input[name=password2]", OPERATOR_PASSWORD)
    browsing.shot(page, "sign-up")
    browsing.press(page.locator("main form button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    browsing.shot(page, "verification-sent")

    (message,) = [m for m in mailoutbox if OPERATOR_EMAIL in m.to]
    body = str(message.body)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body)
    assert link, body
    page.goto(link.group())
    browsing.shot(page, "confirm-email")
    browsing.press(page.locator("main form button[type=submit]"))
    # A confirmed address leads to the sign-in page, not straight in.
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    browsing.shot(page, "email-confirmed")
    fill_sign_in(page, OPERATOR_EMAIL, OPERATOR_PASSWORD)
    browsing.shot(page, "signed-in")


def register_company(browsing: Browsing, page: Page) -> int:
    browsing.press(page.locator("main a[href='/companies/new/']").first)
    regency = Regency.objects.get(code="15.05")
    page.fill("#id_legal_name", COMPANY_NAME)
    page.select_option("#id_legal_form", "pt")
    page.fill("#id_nib", COMPANY_NIB)
    page.fill("#id_npwp", "01.300.066.6-091.000")
    page.fill("#id_kbli_codes", "01262, 10431")
    page.select_option("#id_risk_level", "menengah_tinggi")
    page.select_option("#id_regency", str(regency.pk))
    page.fill("#id_address", "Jl. Lintas Timur Km 12, Sungai Bahar")
    page.fill("#id_workers_male", "120")
    page.fill("#id_workers_female", "40")
    page.fill("#id_workers_foreign", "0")
    page.fill("#id_leader_name", "Budi Santoso")
    page.fill("#id_leader_title", "Direktur")
    browsing.shot(page, "company-form")
    browsing.press(page.locator("main form button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/companies/$"))
    expect(page.locator("main")).to_contain_text(COMPANY_NAME)
    browsing.shot(page, "company-pending")
    membership = Membership.objects.get(user__email=OPERATOR_EMAIL)
    assert membership.status == MembershipStatus.PENDING
    return membership.company_id


def consent_in_admin(browsing: Browsing, admin: User) -> None:
    """The administrator checks the NIB and lets the operator act."""
    page = browsing.open()
    sign_in(page, admin.email, PASSWORD)
    page.goto("/admin/companies/membership/?status__exact=pending")
    row = page.locator("#result_list tbody tr", has_text=COMPANY_NIB)
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "approve")
    browsing.shot(page, "admin-consent")
    browsing.press(page.locator("button[name=index]"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    browsing.shot(page, "admin-consented")
    page.context.close()
    membership = Membership.objects.get(user__email=OPERATOR_EMAIL)
    assert membership.status == MembershipStatus.ACTIVE


def register_expert(
    browsing: Browsing, page: Page, company_pk: int, folder: Path
) -> None:
    today = timezone.localdate()
    browsing.menu(page, "a[href='/companies/']")
    browsing.press(page.locator(f"main a[href='/companies/{company_pk}/']"))
    browsing.press(page.locator(f"main a[href='/companies/{company_pk}/experts/new/']"))
    page.fill("#id_full_name", EXPERT_NAME)
    page.fill("#id_certificate_number", "AK3U/00123/2021")
    page.fill("#id_skp_number", "KEP.0456/LATTAS/2025")
    page.fill("#id_skp_issued_on", (today - timedelta(days=200)).isoformat())
    page.fill("#id_skp_expires_on", (today + timedelta(days=900)).isoformat())
    page.fill("#id_skp_company_name", COMPANY_NAME)
    page.fill("#id_licence_number", "KTK-00789")
    page.fill("#id_licence_expires_on", (today + timedelta(days=900)).isoformat())
    for scan in ("certificate", "skp", "licence"):
        page.set_input_files(f"#id_{scan}_scan", pdf(folder, f"{scan}.pdf"))
    browsing.shot(page, "expert-form")
    browsing.press(page.locator("main form button[type=submit]"))
    expect(page).to_have_url(re.compile(rf"/companies/{company_pk}/$"))
    expect(page.locator("#experts-heading + article")).to_contain_text(EXPERT_NAME)
    browsing.shot(page, "expert-registered")


def draft_application(browsing: Browsing, page: Page, company_pk: int) -> int:
    browsing.press(
        page.locator(f"form[action='/applications/new/{company_pk}/'] button")
    )
    expect(page).to_have_url(re.compile(r"/applications/\d+/edit/$"))
    pk = int(re.findall(r"\d+", page.url)[-1])
    expert = SafetyExpert.objects.get(company_id=company_pk)

    page.fill("#id_request_letter_number", "007/HRD-SLJ/P2K3/2026")
    page.fill("#id_request_letter_date", timezone.localdate().isoformat())
    rows = page.locator("[data-formset-rows] > fieldset")
    while rows.count() < len(COMMITTEE):
        browsing.press(page.locator("[data-formset-add]"))
    for index, (name, position, role, element) in enumerate(COMMITTEE):
        prefix = f"#id_members-{index}"
        page.fill(f"{prefix}-full_name", name)
        page.fill(f"{prefix}-position", position)
        page.select_option(f"{prefix}-role", role)
        page.select_option(f"{prefix}-element", element)
        if role == "sekretaris":
            page.select_option(f"{prefix}-expert", str(expert.pk))
    # The committee is checked as the operator types, before anything is saved.
    expect(page.locator("#committee-check .alert-success")).to_be_visible()
    browsing.shot(page, "draft-committee")
    browsing.press(page.locator("#draft-form button[type=submit]"))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/edit/$"))
    assert Application.objects.get(pk=pk).members.count() == len(COMMITTEE)
    browsing.shot(page, "draft-saved")
    return pk


def upload(
    browsing: Browsing, page: Page, requirement: Requirement, file: Path
) -> None:
    slot = page.locator(f"#requirement-{requirement.pk}")
    slot.locator("input[type=file]").set_input_files(file)
    browsing.press(slot.locator("button[type=submit]"))
    expect(slot.locator(f"a:text-is('{file.name}')")).to_be_visible()


def upload_documents(browsing: Browsing, page: Page, folder: Path) -> None:
    for requirement in Requirement.objects.filter(is_active=True, needs_document=True):
        upload(browsing, page, requirement, pdf(folder, f"{requirement.code}.pdf"))
    expect(page.locator("#saved-findings .alert-success")).to_be_visible()
    browsing.shot(page, "documents-uploaded")


def submit(browsing: Browsing, page: Page, pk: int, step: str) -> None:
    browsing.press(page.locator(f"form[action='/applications/{pk}/submit/'] button"))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/receipt/$"))
    expect(page.locator("main")).to_contain_text(tracking_number(pk))
    documents = Requirement.objects.filter(is_active=True, needs_document=True)
    expect(page.locator("main .sha256")).to_have_count(documents.count())
    browsing.shot(page, step)
    assert Application.objects.get(pk=pk).status == ApplicationStatus.IN_VERIFICATION


def open_from_queue(browsing: Browsing, page: Page, pk: int) -> None:
    page.goto("/applications/queue/")
    browsing.press(page.get_by_role("link", name=tracking_number(pk), exact=True))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/review/$"))


def return_for_correction(browsing: Browsing, page: Page, pk: int) -> None:
    open_from_queue(browsing, page, pk)
    page.check(f"input[name='choice_{RETURN_CITED}'][value=not_met]")
    page.fill(f"textarea[name='explanation_{RETURN_CITED}']", RETURN_EXPLANATION)
    browsing.shot(page, "verifier-returns")
    browsing.press(page.locator(f"button[formaction='/applications/{pk}/return/']"))
    expect(page).to_have_url(re.compile(r"/applications/queue/$"))
    browsing.shot(page, "verifier-returned")
    assert Application.objects.get(pk=pk).status == ApplicationStatus.RETURNED


def correct_and_resubmit(browsing: Browsing, page: Page, pk: int, folder: Path) -> None:
    cited = Requirement.objects.get(code=RETURN_CITED)
    page.goto(f"/applications/{pk}/")
    review = page.locator("#review")
    expect(review).to_contain_text(cited.title)
    expect(review).to_contain_text(RETURN_EXPLANATION)
    browsing.shot(page, "company-sees-return")
    browsing.press(page.locator(f"main a[href='/applications/{pk}/edit/']"))
    upload(browsing, page, cited, pdf(folder, "skp-pindaian-ulang.pdf"))
    browsing.shot(page, "company-corrected")
    submit(browsing, page, pk, "resubmitted-receipt")


def recommend_approval(browsing: Browsing, page: Page, pk: int) -> None:
    open_from_queue(browsing, page, pk)
    met = page.locator("input[name^='choice_'][value=met]")
    for index in range(met.count()):
        met.nth(index).check()
    page.check("input[name=recommendation][value=approve]")
    page.fill("textarea[name=reasons]", "Berkas lengkap dan sesuai ketentuan.")
    browsing.shot(page, "verifier-recommends")
    button = page.locator(f"button[formaction='/applications/{pk}/recommend/']")
    browsing.press(button)
    expect(page).to_have_url(re.compile(r"/applications/queue/$"))
    browsing.shot(page, "verifier-recommended")
    assert Application.objects.get(pk=pk).status == ApplicationStatus.RECOMMENDED


def approve(browsing: Browsing, page: Page, pk: int, code: str) -> None:
    """The head approves, which signs the decree with their key and a code."""
    page.goto("/applications/to-decide/")
    browsing.press(page.get_by_role("link", name=tracking_number(pk), exact=True))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/decide/$"))
    page.fill("input[name=approve-password]", SIGNING_PASSWORD)
    page.fill("input[name=approve-totp_code]", code)
    browsing.shot(page, "head-decides")
    browsing.press(page.locator(f"form[action='/applications/{pk}/approve/'] button"))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/$"))
    browsing.shot(page, "head-approved")


def see_approval(browsing: Browsing, page: Page, pk: int) -> None:
    page.goto("/")
    browsing.press(page.get_by_role("link", name=tracking_number(pk), exact=True))
    expect(page).to_have_url(re.compile(rf"/applications/{pk}/$"))
    expect(page.locator("main .status-badge")).to_have_class(
        re.compile(r"\btext-bg-success\b")
    )
    browsing.shot(page, "company-sees-approval")
    assert Application.objects.get(pk=pk).status == ApplicationStatus.APPROVED
