"""The demo accounts, one per role: created only where nobody else can log in.

Their password is public (printed by `load_demo`), so they belong on a
developer's machine: DEBUG on and the embedded SQLite database of `make run`.
Anywhere else (a PostgreSQL server may be shared, or production) they need an
explicit `--force`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import DEFAULT_DB_ALIAS, connections

from experiences.constants import GROUP_EDITORIAL_LEADS, GROUP_EDITORS, GROUP_MODERATORS
from trainings.constants import GROUP_ORGANISERS

# username: (first name, last name, group or None for the superuser, role label)
ACCOUNTS = {
    "moderateur": ("Camille", "Durand", GROUP_MODERATORS, "Modérateur·rice"),
    "redacteur": ("Lucas", "Bernard", GROUP_EDITORS, "Rédacteur·rice"),
    "responsable": (
        "Inès",
        "Lambert",
        GROUP_EDITORIAL_LEADS,
        "Responsable éditorial·e",
    ),
    "organisatrice": (
        "Nadia",
        "Benali",
        GROUP_ORGANISERS,
        "Organisatrice des formations",
    ),
    "admin": ("Alex", "Martin", None, "Administrateur·rice (tous les droits)"),
}
MODERATOR = "moderateur"

EMBEDDED_VENDOR = "sqlite"
VENDOR_NAMES = {"postgresql": "PostgreSQL", "mysql": "MySQL", "oracle": "Oracle"}


def database_vendor():
    """The vendor of the database the accounts would be written to."""
    return connections[DEFAULT_DB_ALIAS].vendor


def refusal(*, debug, vendor):
    """Why the demo accounts may not be created here (French), or None."""
    if not debug:
        return (
            "Refusé : les comptes de démonstration partagent un mot de passe connu "
            "et ne sont créés qu'en développement (DEBUG activé, base SQLite "
            "intégrée). Pour charger seulement le contenu, ajoutez --no-accounts ; "
            "--force les crée malgré tout, jamais sur un site ouvert au public."
        )
    if vendor != EMBEDDED_VENDOR:
        name = VENDOR_NAMES.get(vendor, vendor)
        return (
            f"Refusé : la base de données est {name}, pas la base SQLite intégrée "
            "de « make run ». Une telle base peut être partagée ou servir en "
            "production, et des comptes au mot de passe connu y ouvriraient "
            "l'administration. Pour charger seulement le contenu, ajoutez "
            "--no-accounts ; si c'est bien votre base de développement, ajoutez "
            "--force."
        )
    return None


def create_accounts(password, created):
    """Create the demo accounts if missing; always reset their password.

    Counts the new ones in ``created`` (a Counter); returns {username: user}.
    """
    user_model = get_user_model()
    # One hash for all the accounts: their password is public anyway, and
    # hashing is the slowest part of a second run.
    encoded = make_password(password)
    users = {}
    for username, (first, last, group_name, _label) in ACCOUNTS.items():
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(username=username)
            created["accounts"] += 1
        user.email = f"{username}@example.org"
        user.first_name, user.last_name = first, last
        user.is_active = True
        user.is_superuser = user.is_staff = group_name is None
        user.password = encoded
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users
