"""Keyboard use of the pages everyone passes through: signing in goes e-mail, password, Enter."""

import pytest

from .conftest import url

pytestmark = pytest.mark.browser


def test_sign_in_by_keyboard_goes_from_email_to_password_and_enter_signs_in(page, live_server, make_user):
    """Tab from the e-mail lands in the password (no link in between); Enter signs in, not the reset page."""
    make_user(email="keyboard@test.example", password="a-long-test-password")
    page.goto(url(live_server, "/en/accounts/login/"))
    page.locator('input[name="login"]').focus()
    page.keyboard.type("keyboard@test.example")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type("a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/login/" not in page.url and "/password/reset/" not in page.url
