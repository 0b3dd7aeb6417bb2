"""Figures computed once per report: a memo that lives for one :func:`computed_once` block.

A report asks for the same figure of an activity several times (its clock hours for the
activity table, for its person-hours, for the training table and for the cost per clock
hour; its reach for the reach section and for the costs per participant). Inside a
``computed_once()`` block (:func:`~capacitylib.calculators.build_report` opens one) a function
decorated with :func:`once` computes each answer once and gives the same object back after.

Why this is correct:

* The memoized functions are pure: models in, immutable values out (``Estimate``, tuples of
  frozen dataclasses), and they set their own decimal context, so the caller's cannot change
  a result.
* Arguments are keyed by identity (``id()``), and each memo entry keeps its arguments
  alive, so no id can be reused by another object while the memo lives; the memo is dropped
  when the block ends. Equal but distinct arguments (two equal activities, two equal texts)
  are computed separately: at worst a missed hit, never a wrong one.
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
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: (function, id of each argument) -> (result, the arguments, kept alive by the entry).
_Memo = dict[tuple[Any, ...], tuple[Any, tuple[Any, ...]]]

_MEMO: ContextVar[_Memo | None] = ContextVar("capacitylib_figures_memo", default=None)


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
    # For a call with i positional arguments: the defaults of the other parameters, and how
    # to take all of those in order from the defaults merged with the keyword arguments.
    tail_defaults = [
        {n: defaults[n] for n in names[i:] if n in defaults} for i in range(len(names) + 1)
    ]
    takers = [_taker(names[i:]) for i in range(len(names) + 1)]

    @functools.wraps(function)
    def memoized(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        memo = _MEMO.get()
        n = len(args)
        if memo is None or n > len(names):
            return function(*args, **kwargs)
        if n == len(names) and not kwargs:  # every argument given by position
            given: tuple[Any, ...] = args
        else:
            merged = {**tail_defaults[n], **kwargs} if kwargs else tail_defaults[n]
            if len(merged) != len(names) - n:  # a missing or an unknown argument
                return function(*args, **kwargs)  # let the call report it
            try:
                given = args + takers[n](merged)
            except KeyError:  # as many unknown arguments as missing ones
                return function(*args, **kwargs)
        key = (function, *map(id, given))
        hit = memo.get(key)
        if hit is not None:
            result: _R = hit[0]
            return result
        result = function(*args, **kwargs)
        memo[key] = (result, given)
        return result

    return memoized


def _taker(names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A function giving the values of ``names`` from a mapping, as a tuple, in order."""
    if len(names) > 1:
        return operator.itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return lambda values: ()


__all__ = ["computed_once", "once"]
