class NspIdConverter:
    """An NSP id in a path: 1 to 9 digits (they are six today). Longer numbers do not
    match, so they are a 404 instead of an integer the database cannot hold."""

    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
