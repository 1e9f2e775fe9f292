"""Messages for people: an English template and its values, translated where shown.

The parser and the importer speak English (the command line, logs, tests); the admin
shows the same messages in the editor's language. Templates are marked with
gettext_noop() so that makemessages collects them; nothing here imports Django.
"""


def gettext_noop(template):
    """Mark a message template for translation catalogues; return it unchanged."""
    return template


class Message:
    __slots__ = ("params", "template")

    def __init__(self, template, **params):
        self.template = template
        self.params = params

    def __str__(self):
        return self.template % self.params if self.params else self.template

    def __repr__(self):
        return f"Message({str(self)!r})"

    def translate(self, gettext):
        template = gettext(self.template)
        return template % self.params if self.params else template
