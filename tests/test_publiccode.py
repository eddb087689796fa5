"""publiccode.yml at the root follows the publiccode.yml standard 0.4 (https://yml.publiccode.tools/),
as Italy's catalogue of public-administration software checks it: required keys, the standard's
vocabularies (categories, scope, status, software type, maintenance), description lengths, an SPDX
licence that matches pyproject.toml, and the languages Civica really ships. No validator of the
standard is packaged for Python, so its rules are written out here."""

import datetime as dt
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOC = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))

CATEGORIES = {
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "collaborative-editing",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "instant-messaging",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "website-builder",
    "workflow-management",
}
SCOPES = {
    "agriculture",
    "culture",
    "defence",
    "education",
    "emergency-services",
    "employment",
    "energy",
    "environment",
    "finance-and-economic-development",
    "foreign-affairs",
    "government",
    "healthcare",
    "infrastructures",
    "justice",
    "local-authorities",
    "manufacturing",
    "research",
    "science-and-technology",
    "security",
    "society",
    "sport",
    "tourism",
    "transportation",
    "welfare",
}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}


def test_required_keys_and_vocabularies():
    for key in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert key in DOC, key
    assert DOC["publiccodeYmlVersion"] == "0.4"
    assert re.match(r"^https://", DOC["url"])
    assert set(DOC["platforms"]) <= {"web", "windows", "mac", "linux", "ios", "android"}
    assert DOC["categories"] and set(DOC["categories"]) <= CATEGORIES
    assert set(DOC["intendedAudience"]["scope"]) <= SCOPES
    assert DOC["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert DOC["softwareType"] in SOFTWARE_TYPES
    dt.date.fromisoformat(DOC["releaseDate"])


def test_descriptions_within_the_standards_lengths():
    assert "en" in DOC["description"] and "it" in DOC["description"]
    for language, text in DOC["description"].items():
        assert len(text["shortDescription"]) <= 150, language
        assert 150 <= len(text["longDescription"]) <= 10000, language
        assert all(len(feature) <= 100 for feature in text["features"]), language


def test_licence_maintenance_and_languages_match_the_project():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert DOC["legal"]["license"] == pyproject["project"]["license"] == "AGPL-3.0-or-later"
    assert DOC["softwareVersion"] == pyproject["project"]["version"]
    maintenance = DOC["maintenance"]
    assert maintenance["type"] in {"internal", "contract", "community", "none"}
    if maintenance["type"] in {"internal", "community"}:
        assert maintenance["contacts"] and all("name" in contact for contact in maintenance["contacts"])
    from django.conf import settings

    assert DOC["localisation"]["localisationReady"] is True
    assert set(DOC["localisation"]["availableLanguages"]) == {code for code, _name in settings.LANGUAGES}


def test_the_readme_names_the_licence_and_how_to_adopt():
    readme = (ROOT / "README.md").read_text()
    assert "AGPL-3.0-or-later" in readme and "publiccode.yml" in readme
