"""A tiny plain-text-to-HTML helper, so that the demo texts stay readable."""

from html import escape


def html(text):
    """Paragraphs separated by blank lines; a block of "- " lines is a list."""
    parts = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(
                f"<li>{escape(line[2:], quote=False)}</li>" for line in lines
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(' '.join(lines), quote=False)}</p>")
    return "".join(parts)
