"""What makes a P2K3 application complete: the checks shown as the user types.

Errors block submission; warnings (the advised minimum sizes) never do.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from sikejar.companies.models import Company
from sikejar.p2k3.models import (
    Application,
    CommitteeMember,
    CommitteeRole,
    Element,
    Requirement,
    RuleVersion,
)


@dataclass
class Findings:
    mandatory: bool
    mandatory_reason: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def committee_obligation(company: Company, rule: RuleVersion) -> tuple[bool, str]:
    """Whether the rule version obliges this company to form a committee, and why."""
    if company.workers_total >= rule.mandatory_workers:
        return True, _(
            "A committee is mandatory: the company employs %(workers)s workers "
            "(%(threshold)s or more)."
        ) % {"workers": company.workers_total, "threshold": rule.mandatory_workers}
    if company.risk_level in rule.mandatory_risk_levels:
        return True, _(
            "A committee is mandatory: the business licence carries the risk level "
            "%(level)s."
        ) % {"level": company.get_risk_level_display()}
    return False, _(
        "A committee is voluntary for this company; it may still be approved."
    )


def advised_minimum(company: Company, rule: RuleVersion) -> int:
    if company.workers_total >= rule.mandatory_workers:
        return rule.min_members_large
    if (
        company.workers_total >= rule.small_workplace_from
        or company.risk_level in rule.mandatory_risk_levels
    ):
        return rule.min_members_small
    return 0


def check_committee(
    members: list[CommitteeMember], company: Company, rule: RuleVersion, on: date
) -> Findings:
    mandatory, reason = committee_obligation(company, rule)
    findings = Findings(mandatory=mandatory, mandatory_reason=reason)
    roles = [m.role for m in members]

    if roles.count(CommitteeRole.CHAIR) != 1:
        findings.errors.append(_("The committee needs exactly one chair (Ketua)."))
    if roles.count(CommitteeRole.SECRETARY) != 1:
        findings.errors.append(
            _("The committee needs exactly one secretary (Sekretaris).")
        )
    elements = {m.element for m in members}
    if not {Element.EMPLOYER, Element.WORKER} <= elements:
        findings.errors.append(
            _(
                "The committee needs members of both the employer and the worker "
                "element."
            )
        )
    for member in members:
        if member.role == CommitteeRole.SECRETARY:
            findings.errors.extend(_secretary_errors(member, company, on))

    minimum = advised_minimum(company, rule)
    if len(members) < minimum:
        findings.warnings.append(
            _(
                "A workplace of this size usually has at least %(minimum)s members "
                "(half from each element); this committee has %(count)s."
            )
            % {"minimum": minimum, "count": len(members)}
        )
    return findings


def _secretary_errors(member: CommitteeMember, company: Company, on: date) -> list[str]:
    expert = member.expert
    if expert is None or expert.company_id != company.pk:
        return [
            _("The secretary must be one of the company's registered safety experts.")
        ]
    errors = []
    if not expert.skp_valid_on(on):
        errors.append(
            _("The secretary's SKP (%(number)s) is not valid on %(day)s.")
            % {"number": expert.skp_number, "day": on.strftime("%d-%m-%Y")}
        )
    if not expert.skp_names_company:
        errors.append(
            _("The secretary's SKP names %(named)s, not this company.")
            % {"named": expert.skp_company_name}
        )
    return errors


def check_application(application: Application, on: date) -> Findings:
    """Every check of a whole file, as on the given submission date."""
    members = list(application.members.select_related("expert__company"))
    findings = check_committee(
        members, application.company, application.rule_version, on
    )

    if not application.request_letter_number or not application.request_letter_date:
        findings.errors.append(_("Give the request letter's number and date."))
    elif application.request_letter_date > on:
        findings.errors.append(_("The request letter cannot be dated in the future."))

    uploaded = set(
        application.documents.filter(is_current=True).values_list(
            "requirement_id", flat=True
        )
    )
    for requirement in Requirement.objects.filter(is_active=True, needs_document=True):
        if requirement.pk not in uploaded:
            findings.errors.append(
                _("Upload the document: %(title)s.") % {"title": requirement.title}
            )
    return findings
