"""Figures computed once per report: a memo that lives for one :func:`computed_once` block.

A report asks for the same figure of an activity many times (its parts under each scope, its
clock hours for the activity table, the training table and the cost per hour). Inside a
``computed_once()`` block (:func:`~capacitylib.calculators.build_report` opens one) a function
decorated with :func:`once` computes each answer once and gives the same object back after.

Why this is correct:

* The memoized functions are pure: models in, immutable values out (``Estimate``, tuples of
  frozen dataclasses), and they set their own decimal context, so the caller's cannot change
  a result.
* Arguments are keyed by identity (``id()``), except ``None``, ``bool`` and ``str`` by value.
  Each memo entry keeps its arguments alive, so no id can be reused by another object while
  the memo lives; the memo is dropped when the block ends. Equal but distinct objects (two
  equal activities) are computed separately: at worst a missed hit, never a wrong one.
* The memo is a :class:`contextvars.ContextVar`: each thread and each asyncio task has its
  own, and outside a block every call goes straight to the function.

>>> calls = []
>>> @once
... def double(x: object) -> str:
...     calls.append(x)
...     return f"{x}{x}"
>>> with computed_once():
...     double("a"), double("a")
('aa', 'aa')
>>> calls
['a']
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: Key -> (result, the arguments keyed by identity, kept alive).
_Memo = dict[tuple[Any, ...], tuple[Any, tuple[Any, ...]]]

_MEMO: ContextVar[_Memo | None] = ContextVar("capacitylib_figures_memo", default=None)

_BY_VALUE = (type(None), bool, str)

_MISSING = object()


@contextmanager
def computed_once() -> Iterator[None]:
    """Within the block, each :func:`once` function computes a result once per argument set.

    Re-entrant: an inner block shares the outer block's memo.
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` memoized inside a :func:`computed_once` block (see the module docstring).

    Keyword arguments left out are keyed by their default, so ``f(a)`` and
    ``f(a, scope="achieved")`` share one result when ``"achieved"`` is the default.
    """
    parameters = list(inspect.signature(function).parameters.values())
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters):
        raise TypeError(f"once() needs named parameters only, not those of {function!r}")
    names = tuple(p.name for p in parameters)
    defaults = {p.name: p.default for p in parameters if p.default is not p.empty}

    @functools.wraps(function)
    def memoized(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        memo = _MEMO.get()
        rest = names[len(args) :]
        if memo is None or not rest and kwargs or not set(kwargs).issubset(rest):
            return function(*args, **kwargs)
        # Every argument, positional or not, in the signature's order (defaults filled in).
        given = (*args, *(kwargs.get(n, defaults.get(n, _MISSING)) for n in rest))
        if _MISSING in given:
            return function(*args, **kwargs)  # let the call report the missing argument
        key = (function, *(v if type(v) in _BY_VALUE else id(v) for v in given))
        hit = memo.get(key)
        if hit is not None:
            result: _R = hit[0]
            return result
        result = function(*args, **kwargs)
        memo[key] = (result, tuple(v for v in given if type(v) not in _BY_VALUE))
        return result

    return memoized


__all__ = ["computed_once", "once"]
