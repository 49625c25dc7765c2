"""Matrix rows for the project's own routes (tests/test_permission_matrix.py)."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows

EVERYONE_200 = dict.fromkeys(PERSONAS, 200)

# Writes anyone may send (signing in, switching the language): no persona is refused them.
OPEN_WRITES = {
    "set_language",
    "api-token",
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_confirm",
    "accounts:email_confirm",
    # One's own account: nobody else's is reachable, so there is no one to refuse but the signed-out visitor.
    "accounts:profile",
    "accounts:password_change",
}

ROWS = [
    *rows("GET", "healthz", EVERYONE_200),
    *rows("GET", "api-schema", EVERYONE_200),
    *rows("GET", "api-docs", EVERYONE_200),
    Row("anonymous", "GET", "set_language", 302, query="next=/"),
    Row("anonymous", "POST", "set_language", 302, data={"language": "en", "next": "/"}),
    Row("anonymous", "POST", "api-token", 400, data={"username": "officer_a", "password": "wrong"}),
]
