"""Test-wide environment, loaded as a pytest plugin (`-p civica.config.test_environment`) so that it
runs before pytest-django reads the settings."""

import os

# Tasks run at once in tests, so a test sees an e-mail as soon as the transaction commits.
os.environ.setdefault("CIVICA_TASK_BACKEND", "immediate")
# The manifest storage needs collectstatic; tests and the live server use the plain finders.
os.environ.setdefault("CIVICA_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("CIVICA_EMAIL_VERIFICATION", "mandatory")
os.environ.setdefault("CIVICA_FAST_PASSWORD_HASHING", "1")
