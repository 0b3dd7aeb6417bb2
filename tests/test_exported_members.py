import capacitylib


def test_all_is_sorted_and_complete():
    """Every public name is in __all__ (sorted), and everything in __all__ exists."""
    public = {name for name in dir(capacitylib) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(capacitylib, name)).__name__ == "module"}
    assert sorted(capacitylib.__all__, key=str.casefold) == sorted(
        capacitylib.__all__, key=str.casefold
    )
    assert set(capacitylib.__all__) | {"__version__"} >= public - modules
    for name in capacitylib.__all__:
        assert hasattr(capacitylib, name)
