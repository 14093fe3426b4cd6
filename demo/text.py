"""A tiny plain-text-to-HTML helper, so that the demo texts stay readable."""

import re
from html import escape

# "9 h 30" must not break across lines.
TIME = re.compile(r"(\d) h (\d)")


def html(text):
    """Paragraphs separated by blank lines. A block that starts with "- " is a
    list: each "- " opens an item, and the lines that follow continue it."""
    parts = []
    text = TIME.sub("\\1\u00a0h\u00a0\\2", text)
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += f" {line}"
            parts.append(
                "<ul>"
                + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items)
                + "</ul>"
            )
        else:
            parts.append(f"<p>{escape(' '.join(lines), quote=False)}</p>")
    return "".join(parts)
