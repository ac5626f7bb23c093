"""The sex a given name mostly goes with, so "he" and "she" find the right person.

A title tells it when there is one ("Mrs. Clinton", "Senator ... his"), but most news names
come bare: "Hillary Clinton", "Bernie Sanders". Without this, a "he" after both is as likely
to land on her, and the wrong guess then sticks to her for the rest of the article.

The data are the US Census Bureau's 1990 given-name frequencies by sex, as the ``names``
package ships them (public domain data, MIT package): about 4,300 women's and 1,200 men's
names, the common ones in US news. A name counts for one sex when it is at least four times
as frequent among that sex ("Leslie", "Pat" are neither); names the lists lack stay unknown.

>>> given_name_sex("Hillary"), given_name_sex("Bernie"), given_name_sex("Leslie")
('female', 'male', None)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import names

_DOMINANCE = 4.0
"""How many times more frequent in one sex a name must be: at least 80% of its bearers."""


def _frequencies(path: str) -> dict[str, float]:
    """One Census list: NAME, percent frequency, cumulative percent, rank per line."""
    out: dict[str, float] = {}
    for line in Path(path).read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            out[fields[0].casefold()] = float(fields[1])
    return out


@cache
def _sexes() -> dict[str, str]:
    female = _frequencies(names.FILES["first:female"])
    male = _frequencies(names.FILES["first:male"])
    out: dict[str, str] = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= _DOMINANCE * m:
            out[name] = "female"
        elif m >= _DOMINANCE * f:
            out[name] = "male"
    return out


def given_name_sex(name: str) -> str | None:
    """``"female"``, ``"male"`` or None (unknown or shared) for a given name, any case."""
    return _sexes().get(name.casefold())
