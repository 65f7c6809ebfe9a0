class DomainError(Exception):
    """A business rule said no. `code` is machine-readable; `message` is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
