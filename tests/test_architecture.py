"""The architecture, read from the source (``ast``, nothing is imported): the
layers of the README's "Organisation du code" hold.

- ``core`` is the floor and imports no other app; apps import each other in
  one direction only (no cycle); ``home`` and ``demo`` are the roof, imported
  by ``config`` alone.
- No module over 400 lines (migrations, data files, tests and bench aside).
- No private attribute of Wagtail, Django or a library in production code.
- Function-level imports of project modules only where app loading needs
  them: at most 10, each with a comment saying why.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "core",
    "experiences",
    "resources",
    "booklets",
    "trainings",
    "home",
    "demo",
    "config",
)
TOP_APPS = {"home", "demo"}
MAX_LINES = 400
MAX_FUNCTION_LEVEL_IMPORTS = 10
# Private attributes of Wagtail, Django and libraries: each can break silently
# on an upgrade.
PRIVATE_ATTRIBUTES = [
    r"_wagtail_\w+",
    "_prefetched_objects_cache",
    "_errors",
    "_get_page",
    "_connections",
    "_client",
    "_get_connection_pool",
    "_result_cache",
]
# Read as an attribute (``x._errors``) or by name (``getattr(x, "_errors")``).
PRIVATE = re.compile(r"(?:\.|[\"'])(?:" + "|".join(PRIVATE_ATTRIBUTES) + r")\b")
NOT_PRODUCTION = {"migrations", "tests", "__pycache__"}


def present_apps():
    return [app for app in APPS if (ROOT / app / "__init__.py").exists()]


def modules(folders, skip=NOT_PRODUCTION):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if not skip.intersection(relative.parts):
                yield relative, path.read_text(encoding="utf-8")


def imported_modules(tree):
    """(node, absolute module name) of every import in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node, node.module


def import_graph():
    """{app: {imported app: [modules that import it]}}."""
    apps = present_apps()
    graph = {app: {} for app in apps}
    for relative, text in modules(apps):
        app = relative.parts[0]
        for _node, name in imported_modules(ast.parse(text)):
            target = name.split(".")[0]
            if target in graph and target != app:
                graph[app].setdefault(target, []).append(str(relative))
    return graph


def cycles(graph):
    """The strongly connected components with more than one app (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(app):
        index[app] = low[app] = len(index)
        stack.append(app)
        on_stack.add(app)
        for target in graph[app]:
            if target not in index:
                visit(target)
                low[app] = min(low[app], low[target])
            elif target in on_stack:
                low[app] = min(low[app], index[target])
        if low[app] == index[app]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == app:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for app in graph:
        if app not in index:
            visit(app)
    return found


def test_the_apps_import_each_other_in_one_direction():
    graph = import_graph()
    found = cycles(graph)
    details = {
        f"{app} -> {target}": sources[:3]
        for component in found
        for app in component
        for target, sources in graph[app].items()
        if target in component
    }
    assert found == [], f"import cycles between apps: {found}; edges: {details}"


def test_core_imports_no_other_app():
    assert import_graph()["core"] == {}


def test_only_config_imports_the_top_apps():
    graph = import_graph()
    wrong = {
        f"{app} -> {target}": sources[:3]
        for app, targets in graph.items()
        if app not in TOP_APPS and app != "config"
        for target, sources in targets.items()
        if target in TOP_APPS
    }
    assert not wrong, f"imports of the top apps: {wrong}"


def is_data(relative):
    return "data" in relative.parts


def test_no_module_is_over_400_lines():
    long_modules = [
        f"{relative} ({len(text.splitlines())} lines)"
        for relative, text in modules(present_apps())
        if len(text.splitlines()) > MAX_LINES and not is_data(relative)
    ]
    assert not long_modules, "modules over 400 lines: " + ", ".join(long_modules)


def test_production_code_uses_no_private_attribute_of_a_library():
    uses = [
        f"{relative}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
        for relative, text in modules([*present_apps(), "bench"])
        for match in PRIVATE.finditer(text)
    ]
    assert not uses, "private attributes used: " + ", ".join(uses)


def function_level_imports():
    """(place, has a comment) of each import of a project module inside a
    function, in the apps and the bench scripts."""
    project = set(present_apps())
    found = []
    for relative, text in modules([*present_apps(), "bench"]):
        lines = text.splitlines()
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node, name in imported_modules(function):
                if name.split(".")[0] not in project:
                    continue
                found.append(
                    (f"{relative}:{node.lineno}", says_why(lines, node.lineno))
                )
    return sorted(set(found))


def says_why(lines, lineno):
    """Whether the import on line ``lineno`` has a comment (besides a noqa) on
    its own line or on the line just above."""
    inline = lines[lineno - 1].partition("#")[2]
    inline = re.sub(r"noqa(: *[A-Z]+\d+(, *[A-Z]+\d+)*)?", "", inline).strip(" -")
    above = lines[lineno - 2].strip() if lineno > 1 else ""
    return bool(inline) or above.startswith("#")


def test_function_level_imports_are_few_and_say_why():
    found = function_level_imports()
    places = ", ".join(place for place, _why in found)
    assert len(found) <= MAX_FUNCTION_LEVEL_IMPORTS, (
        f"{len(found)} function-level imports of project modules: {places}"
    )
    silent = [place for place, why in found if not why]
    assert not silent, "function-level imports without a comment: " + ", ".join(silent)
