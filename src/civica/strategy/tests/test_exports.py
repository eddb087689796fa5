"""Exports: the strategy and the plan as PDF (DOCX through LibreOffice), the actions as CSV."""

import csv
import io

from pypdf import PdfReader

from civica.strategy import exports, services

from .conftest import draft


def _plan(world):
    admin = world["admin"]
    objective = services.objective_add(actor=admin, strategy=world["strategy"], code="O1", title="Servicii integrate")
    measure = services.measure_add(actor=admin, objective=objective, code="M1", title="Centre de zi")
    services.action_add(
        actor=admin, measure=measure, code="A1", title="=Centru de zi", owner="DAS", budget="1500.5", progress=30
    )


def test_actions_csv_has_a_row_per_action_and_quotes_formulas(world):
    _plan(world)
    rows = list(csv.DictReader(io.StringIO(exports.actions_csv(world["strategy"]))))
    assert len(rows) == 1
    assert rows[0]["action"] == "'=Centru de zi" and rows[0]["budget"] == "1500.50" and rows[0]["progress"] == "30"


def test_the_strategy_and_the_plan_as_pdf(world, libreoffice):
    version = draft(world)
    _plan(world)
    strategy_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(exports.strategy_pdf(world["strategy"], version))).pages
    )
    assert "Bunăstarea beneficiarilor" in strategy_text
    plan_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(exports.plan_pdf(world["strategy"]))).pages
    )
    assert "Centre de zi" in plan_text and "30%" in plan_text
