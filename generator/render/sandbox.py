"""The one Jinja environment for every template: sandboxed, because a theme is content.

A theme arrives by pull request and CI builds it with deployment secrets in its environment, so
`{{ cycler.__init__.__globals__.os.popen('id').read() }}` must be a template error at its file
and line, not a command run.  Jinja's immutable sandbox refuses underscore attributes and
changes to the data; on top of that a template may not reach modules, file-system paths, the
environment itself or the theme (each a way to read files or run code), whatever object it
starts from.  StrictUndefined and autoescape stay on: a misspelt name is an error, text is escaped.
"""

from __future__ import annotations

import builtins
import functools
import stat
import types
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

import jinja2
import markupsafe
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..i18n import text
from .shared import SharedFragments

# Where the objects that can open files, start processes or load code come from.
_UNSAFE_MODULES = ("os", "posix", "pathlib", "io", "subprocess", "shutil", "importlib", "sys")
_UNSAFE_BUILTINS = {
    id(getattr(builtins, name))
    for name in (
        "open",
        "eval",
        "exec",
        "compile",
        "__import__",
        "getattr",
        "setattr",
        "delattr",
        "globals",
        "locals",
        "vars",
        "input",
        "breakpoint",
        "exit",
        "quit",
        "help",
    )
    if hasattr(builtins, name)
}


def escape_output(value: Any) -> markupsafe.Markup:
    """What `{{ value }}` writes: markupsafe's `escape`, except that text already escaped (exactly a `Markup`, as
    a macro, `|safe` or a shared fragment gives) is written as it is rather than copied (`escape` returns
    `Markup(value.__html__())`, the same text): a fifth of a build's outputs, and copying them was 5% of rendering."""
    if type(value) is markupsafe.Markup:
        return value
    return markupsafe.escape(value)


class _Generator(CodeGenerator):
    """Jinja's code generator, with `escape_output` for `{{ ... }}` where the template autoescapes (always here)."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline(f"from {__name__} import escape_output")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("escape_output(")
            if finalize.src is not None:  # an environment's `finalize`, applied before escaping, as Jinja does
                self.write(finalize.src)
        else:  # Jinja's own: `escape(` or `str(`, chosen at compile time or while rendering
            super()._output_child_pre(node, frame, finalize)


class ThemeSandbox(ImmutableSandboxedEnvironment):
    code_generator_class = _Generator

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's own verdict depends only on the object's type and the name (internal attributes of
        # functions, frames, ...; methods that change a list or dict): worked out once per pair, since a
        # build asks it 400,000 times (a third of a warm build at a thousand blips).  `_harmless` looks
        # at the value itself, every time.
        key = (type(obj), attr)
        known = self._verdicts.get(key)
        if known is None:
            offered = getattr(type(obj), "TEMPLATE_NAMES", None)  # a class that names what templates may read
            known = super().is_safe_attribute(obj, attr, value) and (offered is None or attr in offered)
            self._verdicts[key] = known
        return known and _harmless(value)

    @functools.cached_property
    def _verdicts(self) -> dict[tuple[type, str], bool]:
        return {}

    def is_safe_callable(self, obj: Any) -> bool:
        return super().is_safe_callable(obj) and _harmless(obj)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        # Jinja's own, with the common cases first: a build at a thousand blips makes 150,000 calls, and
        # the checks around them were a fifth of its rendering.  A macro of the theme's templates (compiled
        # in this sandbox) is always safe and takes no context; so is a function, or a method of one, that
        # was found safe before and asks for no context (`pass_context`): a template cannot set attributes
        # on a function, so its verdict stays.  Anything else is judged every time, as Jinja does.
        cls = type(__obj)
        function = __obj.__func__ if cls is types.MethodType else __obj
        if cls is types.BuiltinMethodType:  # `dict.get`, `len`: new objects each time, so never in `_direct`
            direct = __obj.__name__ not in _FORMATS and _harmless(__obj)  # what Jinja's own checks come to
        else:
            direct = cls is jinja2.runtime.Macro or __self._direct.get(id(function)) is function
        if not direct:
            result = super().call(__context, __obj, *args, **kwargs)  # refuses what is not safely callable
            if type(function) is types.FunctionType and not hasattr(function, "jinja_pass_arg"):
                if len(__self._direct) < 4096:
                    __self._direct[id(function)] = function  # held here, so its id is never another's
            return result
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as `Context.call` does
            return __context.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )

    @functools.cached_property
    def _direct(self) -> dict[int, Any]:
        """Functions found safe that take no context, by id (each held, so its id stays its own)."""
        return {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Jinja's own, with the common case first: text or a number under a name already found safe on
        # this type needs no further look (Jinja's `wrap_str_format` and `_harmless` pass it unchanged).
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)  # an item rather than an attribute, or undefined
        cls = type(value)
        if self._verdicts.get((type(obj), attribute)):  # Jinja found the name safe on this type
            if cls in _PLAIN:
                return value
            if cls is not types.MethodType and cls is not types.BuiltinMethodType:
                if _harmless(value):
                    return value  # not a method, so not `str.format` (which `wrap_str_format` guards)
            elif value.__name__ not in _FORMATS and _harmless(value):
                return value  # a method that is not `format`: `wrap_str_format` would pass it unchanged
        wrapped = self.wrap_str_format(value)
        if wrapped is not None:
            return wrapped
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)


# The methods Jinja's `wrap_str_format` and `inspect_format_method` look at (a `str`'s are made safe).
_FORMATS = ("format", "format_map")
# Values a template meets most (text, numbers, escaped text, plain containers): harmless by their exact type.
_PLAIN = frozenset({str, markupsafe.Markup, int, float, bool, type(None), list, tuple, dict, set, frozenset})
# (type, __module__) -> verdict: apart from the unsafe builtins (judged by identity first), `_judge`
# looks only at the type and the module an object names, so a build judges each pair once rather than
# half a million times.
_VERDICTS: dict[tuple[type, str | None], bool] = {}


def _harmless(value: Any) -> bool:
    cls = type(value)
    if cls in _PLAIN:
        return True
    if id(value) in _UNSAFE_BUILTINS:
        return False
    module = getattr(value, "__module__", None)
    if module is not None and type(module) is not str:
        return _judge(value)  # an odd object that names no module as text: judged afresh every time
    key = (cls, module)
    known = _VERDICTS.get(key)
    if known is None:
        known = _judge(value)
        if value.__class__ is cls:  # an object posing as another class is judged each time
            _VERDICTS[key] = known
    return known


def _judge(value: Any) -> bool:
    if isinstance(value, (types.ModuleType, PurePath, jinja2.Environment, jinja2.BaseLoader, jinja2.Template)):
        return False
    if isinstance(value, (str, int, float, bool, type(None), list, tuple, dict, set, frozenset)):
        return True
    module = getattr(value, "__module__", None) or type(value).__module__ or ""
    top = module.split(".")[0]
    if module == "generator.content.theme":
        return False  # the theme holds its folders: a template may not walk the file system from there
    return top not in _UNSAFE_MODULES


class ContainedLoader(jinja2.FileSystemLoader):
    """Templates from the theme folders, but only regular files inside the folder each theme may use.

    The loader reports a template linked out of the radar (or a FIFO, which would block the
    open for ever) as missing; `radar check` names such files at their path beforehand.
    """

    def __init__(self, searchpath: list[str], roots: list[Path], language: str = "en") -> None:
        super().__init__(searchpath)
        self.roots = [r.resolve() for r in roots]
        self.language = language  # the radar's: a refused template is named in the template error

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if not (candidate.exists() or candidate.is_symlink()):
                continue
            try:
                real = candidate.resolve(strict=True)
                regular = stat.S_ISREG(real.stat().st_mode)
            except (OSError, RuntimeError):
                regular = False
            if not regular or not any(real.is_relative_to(root) for root in self.roots):
                refused = text(self.language, "build.not_theme_file", name=template, path=candidate)
                raise jinja2.TemplateNotFound(refused)
            return super().get_source(environment, template)
        raise jinja2.TemplateNotFound(template)


def environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """The sandboxed environment every page and the live preview render with."""
    return ThemeSandbox(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a build or a preview rebuild has its own environment: no template changes under it
        # Jinja's optimizer tries to fold every expression at compile time: the default theme compiles to the
        # same code without it, and the trying was a sixth of compiling the templates (a cold build's fixed cost)
        optimized=False,
        extensions=[SharedFragments],
    )
