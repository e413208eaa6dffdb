class DomainError(Exception):
    """A rule of the service refused an action; nothing was changed.

    The message is translated and safe to show to the user who acted.
    """
