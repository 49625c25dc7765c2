from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ecotown.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")
    url_prefix = "accounts/"

    def ready(self):
        from ecotown.accounts import demo, home, testing
        from ecotown.accounts.choices import ROLE_SCOPE, STAFF_ROLES, Role
        from ecotown.accounts.models import RoleAssignment
        from ecotown.core import scopes
        from ecotown.core.registry import MenuEntry, Panel, Step, registry

        scopes.configure(
            scope_kinds=ROLE_SCOPE,
            all_powerful=Role.DIW_ADMIN,
            public=Role.PUBLIC,
            staff=STAFF_ROLES,
            # Not through user.role_assignments: each would hold this request's User (core.kept shares them).
            load_assignments=lambda user, day: RoleAssignment.objects.filter(user_id=user.pk).held(day),
        )
        registry.add_menu(
            MenuEntry(
                _("Users and roles"), "accounts:roleassignment_list", "people", 90, "accounts.view_roleassignment"
            )
        )
        registry.add_panel("home", Panel("accounts/home_card.html", home.roles_card, order=10))
        registry.add_demo_step(Step("accounts", demo.seed_accounts, order=20))
        registry.add_world_step(Step("personas", testing.add_personas, order=20))
