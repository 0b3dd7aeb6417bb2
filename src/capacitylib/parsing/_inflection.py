"""Case endings of the unit nouns: one documented suffix table per language.

A unit noun is listed once in ``capacitylib/_data/unit_lemmas.csv`` with its stem and its
paradigm (``lv,pašvaldīb,a,ReachUnit,municipalities``); the paradigm's endings give every
form the parsers accept (``pašvaldība``, ``pašvaldības``, ``pašvaldībai``, ``pašvaldību``,
``pašvaldībā``, ``pašvaldībām``, ``pašvaldībās``). A paradigm lists only the endings that
are regular for every noun it is used with: where a form changes its stem (Latvian
*ģimeņu*, Czech *výtiscích*, Polish *osób*), the form is written out in ``units.csv``
instead. Nothing is stemmed at reading time: the forms are generated once and matched
exactly, so an unknown word is still refused.

Endings, singular then plural, in the order nominative, genitive, dative, accusative,
instrumental, locative (Latvian has no separate instrumental).
"""

from __future__ import annotations

#: Paradigm name -> endings, per language. Sources: the standard grammars' declension
#: tables (lt: Ambrazas, *Lithuanian Grammar*; lv: *Mūsdienu latviešu valoda*; cs:
#: *Internetová jazyková příručka*; sk: *Pravidlá slovenského pravopisu*; pl: *Wielki
#: słownik języka polskiego*).
PARADIGMS: dict[str, dict[str, tuple[str, ...]]] = {
    "lt": {
        # dokumentas, susitikimas
        "as": ("as", "o", "ui", "ą", "u", "e", "ai", "ų", "ams", "us", "ais", "uose"),
        # renginys
        "ys": ("ys", "io", "iui", "į", "iu", "yje", "iai", "ių", "iams", "ius", "iais", "iuose"),
        # atvejis (hard: atvejo)
        "is": ("is", "o", "ui", "į", "u", "yje", "ai", "ų", "ams", "us", "ais", "uose"),
        # dalyvis, partneris (soft: dalyvio)
        "is-io": ("is", "io", "iui", "į", "iu", "yje", "iai", "ių", "iams", "ius", "iais", "iuose"),
        # organizacija, šeima, sesija, valanda, diena
        "a": ("a", "os", "ai", "ą", "oje", "omis", "ų", "oms", "as", "ose"),
        # savivaldybė
        "ė": ("ė", "ės", "ei", "ę", "e", "ėje", "ių", "ėms", "es", "ėmis", "ėse"),
        # egzempliorius
        "ius": ("ius", "iaus", "iui", "ių", "iumi", "iuje", "iai", "iams", "iais", "iuose"),
    },
    "lv": {
        # gadījums, pasākums, dokuments, eksemplārs, dalībnieks (1st declension)
        "s": ("s", "a", "am", "u", "ā", "i", "iem", "us", "os"),
        # pašvaldība, organizācija, sesija, nodarbība, stunda, diena, persona (4th)
        "a": ("a", "as", "ai", "u", "ā", "ām", "ās"),
        # partneris (2nd declension, for nouns whose genitive plural keeps the stem)
        "is": ("is", "a", "im", "i", "ī", "u", "iem", "us", "os"),
        # ģimene (5th; the genitive plural ģimeņu changes its stem)
        "e": ("e", "es", "ei", "i", "ē", "ēm", "ēs"),
    },
    "cs": {
        # případ, dokument (hrad)
        "hrad": ("", "u", "em", "y", "ů", "ům", "ech"),
        # organizace, akce (růže)
        "růže": ("e", "i", "í", "ím", "ích", "emi"),
        # setkání, sezení (stavení)
        "stavení": ("í", "ím", "ích", "ími"),
        # rodina, osoba, hodina (žena)
        "žena": ("a", "y", "ě", "u", "ou", "", "ám", "ách", "ami"),
        # obec (píseň; the stem is obc-)
        "píseň": ("e", "i", "í", "ím", "ích", "emi"),
    },
    "sk": {
        # prípad, dokument (dub)
        "dub": ("", "u", "e", "om", "y", "ov", "och", "mi"),
        # partner (chlap)
        "chlap": ("", "a", "ovi", "om", "i", "ov", "och", "mi"),
        # organizácia (ulica)
        "ulica": ("a", "e", "i", "u", "ou", "í", "ám", "ách", "ami"),
        # stretnutie, podujatie (vysvedčenie)
        "vysvedčenie": ("ie", "ia", "iu", "í", "ím", "iam", "iach", "iami"),
        # rodina, osoba, hodina (žena; the genitive plural rodín, osôb lengthens)
        "žena": ("a", "y", "e", "u", "ou", "ám", "ách", "ami"),
        # obec (dlaň; the stem is obc-)
        "dlaň": ("e", "i", "ou", "í", "iam", "iach", "ami"),
    },
    "pl": {
        # rodzina, gmina, godzina (feminine -a after n, m; the genitive plural is the stem)
        "a": ("a", "y", "ie", "ę", "ą", "", "om", "ami", "ach"),
        # osoba (as "a" without the genitive plural osób)
        "a-ó": ("a", "y", "ie", "ę", "ą", "om", "ami", "ach"),
        # organizacja, sesja
        "ja": ("ja", "ji", "ję", "ją", "je", "jom", "jami", "jach"),
        # dokument (the locative dokumencie changes its stem)
        "masc": ("", "u", "owi", "em", "y", "ów", "om", "ami", "ach"),
        # spotkanie, wydarzenie (the genitive plural spotkań changes its stem)
        "nie": ("nie", "nia", "niu", "niem", "niom", "niami", "niach"),
    },
}


def inflect(lang: str, stem: str, paradigm: str) -> tuple[str, ...]:
    """Every form of a noun of ``paradigm`` with ``stem``, in the table's order.

    >>> inflect("lv", "pašvaldīb", "a")  # doctest: +NORMALIZE_WHITESPACE
    ('pašvaldība', 'pašvaldības', 'pašvaldībai', 'pašvaldību', 'pašvaldībā', 'pašvaldībām',
     'pašvaldībās')

    Raises:
        KeyError: the language has no such paradigm.
    """
    return tuple(dict.fromkeys(stem + ending for ending in PARADIGMS[lang][paradigm]))
