"""Pages parsed into ElementTree elements, so a test checks what one element holds rather
than whether a phrase is somewhere in the page.

The standard library only: html.parser feeds an ElementTree TreeBuilder, and the
result answers ElementTree's XPath subset, e.g. `.//tr[@class='x']`, `.//details[@open]`.
"""

from html.parser import HTMLParser
from xml.etree.ElementTree import TreeBuilder

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.builder = TreeBuilder()
        self.builder.start("document", {})
        self.open = []

    def handle_starttag(self, tag, attrs):
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        if tag in VOID:
            self.builder.end(tag)
        else:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        self.builder.end(tag)

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:  # an element left open ends with its parent
            name = self.open.pop()
            self.builder.end(name)
            if name == tag:
                break

    def handle_data(self, data):
        self.builder.data(data)

    def document(self):
        self.close()
        while self.open:
            self.builder.end(self.open.pop())
        self.builder.end("document")
        return self.builder.close()


def parse(html):
    """The page as an ElementTree element named "document"."""
    builder = _Builder()
    builder.feed(html)
    return builder.document()


def text(element):
    """The element's text, whitespace folded."""
    return " ".join("".join(element.itertext()).split())


def only(element, path):
    """The one element at `path`; fails when there is none or more than one."""
    found = element.findall(path)
    assert len(found) == 1, f"{len(found)} elements at {path}"
    return found[0]
