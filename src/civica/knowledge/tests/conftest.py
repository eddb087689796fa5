# The groups' world (a private working group with people in every position) serves the practices' tests.
from civica.groups.tests.conftest import world  # noqa: F401
