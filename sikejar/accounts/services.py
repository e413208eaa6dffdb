from sikejar.accounts.models import User


def user_set_language(*, user: User, language: str) -> None:
    """A preference, not an act on a file: it is not audited."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
