"""Civica's own HSDS taxonomy: the five sectors of the Athens centre's working committees (seed 004),
with fixed identifiers so that every installation and every export names them alike."""

import uuid

from django.utils.translation import gettext_lazy as _

NAMESPACE = uuid.UUID("6f1d2f38-4a3e-4d0f-9d53-5b0a3c9e2a10")
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy:civica-sectors")
TAXONOMY_NAME = "Civica sectors"

SECTORS = {
    "legal": (
        _("Legal support"),
        {"ro": "Asistență juridică", "it": "Assistenza legale", "el": "Νομική υποστήριξη"},
    ),
    "health_social": (
        _("Health and social services"),
        {
            "ro": "Sănătate și servicii sociale",
            "it": "Salute e servizi sociali",
            "el": "Υγεία και κοινωνικές υπηρεσίες",
        },
    ),
    "housing": (_("Housing"), {"ro": "Locuire", "it": "Alloggio", "el": "Στέγαση"}),
    "education": (_("Education"), {"ro": "Educație", "it": "Istruzione", "el": "Εκπαίδευση"}),
    "labour": (
        _("Labour market integration"),
        {"ro": "Integrare pe piața muncii", "it": "Inserimento lavorativo", "el": "Ένταξη στην αγορά εργασίας"},
    ),
}
ENGLISH = {
    "legal": "Legal support",
    "health_social": "Health and social services",
    "housing": "Housing",
    "education": "Education",
    "labour": "Labour market integration",
}


def term_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{code}")
