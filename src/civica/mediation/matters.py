"""Kinds of dispute, and where mediation is a condition before going to court (Italy)."""

from django.utils.translation import gettext_lazy as _

# D.Lgs. 28/2010 art. 5 c.1 as reformed by D.Lgs. 149/2022 (the list in force from 30 June 2023).
IT_MANDATORY = frozenset(
    {
        "condominium",
        "real_rights",
        "division",
        "inheritance",
        "family_pacts",
        "lease",
        "loan_for_use",
        "business_lease",
        "medical_liability",
        "defamation_press",
        "insurance",
        "banking_financial",
        "association_in_participation",
        "consortium",
        "franchising",
        "work_contract",
        "network_contract",
        "supply_contract",
        "partnership",
        "subcontracting",
    }
)

MATTERS = {
    "condominium": _("Condominium"),
    "real_rights": _("Real rights"),
    "division": _("Division of property"),
    "inheritance": _("Inheritance"),
    "family_pacts": _("Family business pacts"),
    "lease": _("Lease"),
    "loan_for_use": _("Loan for use"),
    "business_lease": _("Lease of a business"),
    "medical_liability": _("Medical liability"),
    "defamation_press": _("Defamation in the press"),
    "insurance": _("Insurance contracts"),
    "banking_financial": _("Banking and financial contracts"),
    "association_in_participation": _("Association in participation"),
    "consortium": _("Consortium"),
    "franchising": _("Franchising"),
    "work_contract": _("Work contracts (opera)"),
    "network_contract": _("Network contracts"),
    "supply_contract": _("Supply contracts (somministrazione)"),
    "partnership": _("Partnerships"),
    "subcontracting": _("Subcontracting"),
    "public_service": _("Dispute with a public authority about a public service"),
    "urban_planning": _("Urban planning and building permits"),
    "civil_other": _("Other civil matter"),
    "commercial_other": _("Other commercial matter"),
    "family": _("Family"),
    "domestic_violence": _("Domestic violence"),
    "violence_against_women": _("Violence against women"),
}


def is_mandatory(country: str, matter: str, *, court_referred: bool = False, value=None) -> bool:
    """Whether mediation (or, in Greece, the initial session) is a condition before court."""
    if court_referred:
        return True
    if country == "IT":
        return matter in IT_MANDATORY
    if country == "GR":
        # Ν. 4640/2019: family disputes, and first-instance cases above EUR 30,000.
        return matter == "family" or (value is not None and value > 30000)
    return False
