"""Bytes to text when nobody said which encoding: scraped files come in every legacy code page.

UTF-8 that decodes cleanly is taken as it is (a legacy code page almost never yields valid UTF-8
for real text). Otherwise every candidate codec (UTF-16/32 without a byte-order mark, the
Windows and ISO code pages, KOI8, the CJK multi-byte encodings) decodes a sample strictly, and
the decoding with the fewest *unlikely* characters wins: controls and unassigned code points,
stray symbols between letters (Latin-2 ``ą`` read as Windows-1252 ``¹``), letters that no single
language's alphabet holds together (``ń`` beside ``ú``), capitals inside lower-case words (KOI8-R
read as Windows-1251), rare ideographs, half-width katakana, or kana in a Chinese decoding.
charset-normalizer was tried first and mis-read Latin-1 Spanish as Windows-1250 ("seńal"),
Latin-2 Polish as ISO-8859-14 and short KOI8-R as Shift-JIS, so it is kept only as a last resort.

A declared encoding (``<meta charset>``, an XML declaration) is tried first and kept unless it
produces unlikely characters; then the text is re-read and the ``note`` says so, as it does
for any text that was not plain UTF-8, so a user can check a suspicious article.
"""

from __future__ import annotations

import codecs
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from charset_normalizer import from_bytes

__all__ = ["Decoded", "decode_bytes", "declared_encoding", "unlikely", "CANDIDATES"]

#: Codecs tried when the bytes are not UTF-8, in order of preference when two read alike
#: (Windows-1252 before ISO-8859-1: the same letters, but 0x80-0x9F are quotes and dashes in
#: 1252 and invisible controls in 8859-1; Hebrew before Greek: Hebrew bytes read as tidy Greek
#: letters, while Greek with its accents is not valid Windows-1255).
CANDIDATES = (
    "utf-8",
    "utf-32-le",
    "utf-32-be",
    "utf-16-le",
    "utf-16-be",
    "cp1252",
    "iso8859-15",
    "cp1250",
    "iso8859-2",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "iso8859-5",
    "cp866",
    "cp1255",
    "cp1256",
    "cp1253",
    "iso8859-7",
    "cp1254",
    "cp1257",
    "iso8859-13",
    "cp874",
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "gb18030",
    "big5",
    "cp949",
    "latin-1",
)
#: Bytes of the file each candidate is judged on: enough for hundreds of non-ASCII letters,
#: small enough that ~30 strict decodings of a non-UTF-8 file cost milliseconds.
SAMPLE_BYTES = 32_768
#: Unlikely characters per thousand above which even the best reading is noted as doubtful
#: (a Windows-1252 English text with names from five languages scores ~2; mis-decodings 50+).
DOUBTFUL_PER_MILLE = 20
#: Readings within this share of the cleanest one's unlikely-character count are ties, broken
#: by language fit (a mixed-language page costs a few characters under every candidate).
TIE_SHARE = 0.002
#: Characters given to the language-fit check: ranks settle within a few hundred letters.
COHERENCE_CHARS = 4000
#: A script with fewer letters than 1/50 of the Latin ones is stray (bytes of a Latin text read
#: through another script's code page), not quoted words: those come in dozens of letters
STRAY_SHARE = 50
#: Languages py3langid ranks that are looked up in the alphabet table: English (no table) or
#: Bosnian may come first for a Croatian text with an English dateline.
LANGUAGES_TRIED = 3

_JAPANESE = {"shift_jis", "cp932", "euc_jp", "iso2022_jp"}
_CHINESE = {"gb18030", "big5"}
_KOREAN = {"cp949"}
_NAMES = {
    "utf-8": "UTF-8",
    "utf-32-le": "UTF-32 (little-endian, no BOM)",
    "utf-32-be": "UTF-32 (big-endian, no BOM)",
    "utf-16-le": "UTF-16 (little-endian, no BOM)",
    "utf-16-be": "UTF-16 (big-endian, no BOM)",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1254": "Windows-1254",
    "cp1255": "Windows-1255",
    "cp1256": "Windows-1256",
    "cp1257": "Windows-1257",
    "cp874": "Windows-874",
    "cp866": "CP866",
    "cp932": "Windows-31J",
    "cp949": "CP949 (EUC-KR)",
    "latin-1": "ISO-8859-1",
}


@dataclass(frozen=True)
class Decoded:
    """The text, the codec that produced it, and what a user should know about that choice."""

    text: str
    encoding: str
    note: str | None = None
    #: unlikely characters per character of the best reading (0 for clean UTF-8 or a BOM):
    #: the caller refuses as binary what no codec reads as text
    doubt: float = 0.0


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` by its byte-order mark, else as declared, else as detected.

    Never raises: bytes no candidate can read become U+FFFD (and the caller's binary check
    decides whether what is left is text at all).
    """
    bom = _by_bom(data)
    if bom is not None:
        return bom
    sample = data[:SAMPLE_BYTES]
    has_nul = b"\x00" in sample
    if not has_nul and not _iso2022(sample) and _strict(sample, "utf-8") is not None:
        return _full(data, "utf-8", None)
    tried: str | None = None
    best: tuple[str, float, int] | None = None
    if declared and (codec := _codec(declared)) and (text := _strict(sample, codec)) is not None:
        # kept unless it reads as unlikely characters that another code page does not
        cost = unlikely(text, codec)
        best = _best(sample) if cost else None
        if best is None or best[1] >= cost:
            note = None if codec == "utf-8" else f"read as {_name(codec)}, as the file declares"
            return replace(_full(data, codec, note), doubt=cost / max(len(text), 1))
        tried = codec
    if not has_nul and (damaged := _damaged_utf8(sample)) is not None:
        return _full(data, "utf-8", damaged)
    best = best or _best(sample)
    if best is None:
        guess = from_bytes(sample).best()
        codec = _codec(guess.encoding) if guess is not None else None
        codec = codec or "utf-8"
        return _full(data, codec, f"no encoding reads it cleanly; read as {_name(codec)} with losses")
    codec, cost, n = best
    parts = [f"declared {_name(tried)} gave unlikely characters"] if tried else []
    if codec != "utf-8":  # UTF-8 with odd characters (a NUL, controls) is the content's doing
        parts.append(f"read as {_name(codec)} (detected)")
        if cost * 1000 > DOUBTFUL_PER_MILLE * max(n, 1):
            parts.append(f"{cost:.0f} of {n:,} characters look unlikely, the text may be mis-decoded")
    return replace(_full(data, codec, "; ".join(parts) or None), doubt=cost / max(n, 1))


def unlikely(text: str, codec: str = "utf-8") -> float:
    """How many characters of ``text`` a correct decoding would hardly produce (see module doc)."""
    counts = Counter(text)
    cost = 0.0
    scripts: Counter[str] = Counter()
    latin: Counter[str] = Counter()
    cyrillic: Counter[str] = Counter()
    kana = han = rare_han = upper = lower = 0
    for ch, n in counts.items():
        o = ord(ch)
        if o < 128:
            if o < 32 and ch not in "\t\n\r\f\v":
                cost += 10 * n
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Cs") or ch in "\ufffd\ufffe\uffff":
            cost += 10 * n
            continue
        if cat[0] not in "LM":
            if ch not in _USUAL_MARKS and not 0x3000 <= o <= 0x303F and not 0xFF01 <= o <= 0xFF60:
                cost += 2 * n
            continue
        upper += n if cat == "Lu" else 0
        lower += n if cat == "Ll" else 0
        script = _script(ch)
        scripts[script] += n
        if script == "LATIN":
            latin[ch.lower()] += n
        elif script == "CYRILLIC":
            cyrillic[ch.lower()] += n
        elif script in ("HIRAGANA", "KATAKANA"):
            kana += n
        elif script == "CJK":
            han += n
            if not _common_han(ch, codec):
                rare_han += n
        elif script == "HALFWIDTH":
            cost += 2 * n  # half-width katakana: mainly single bytes read by a Japanese codec
        elif script == "HANGUL" and 0x3130 <= o <= 0x318F:
            cost += 2 * n  # a lone jamo: Hangul is written in syllables
    cost += _alphabet_misses(latin, _LATIN_SETS)
    cost += _alphabet_misses(cyrillic, _CYRILLIC_SETS)
    cost += _mixed_scripts(scripts, sum(n for ch, n in counts.items() if ch < "\x80" and ch.isalpha()))
    cost += rare_han
    cost += max(0, upper - 2 * lower) / 2  # whole texts in capitals: a case-swapped code page
    hangul = scripts.get("HANGUL", 0)
    if codec in _CHINESE or codec in _KOREAN:
        cost += kana
    if codec in _JAPANESE and han and not kana:
        cost += han / 2  # Japanese prose is never without kana
    if codec in _KOREAN:
        cost += max(0.0, han - 0.1 * (han + hangul))  # Korean news uses a few Hanja at most
    elif hangul:
        cost += hangul / 2  # Hangul from a non-Korean codec is shuffled bytes
    if any(c > "\x7f" for c in counts):
        cost += 2 * _odd_neighbours(text, codec) + (_vowelless(text, scripts) if scripts else 0)
        cost += _unbroken(text)
    return cost


def declared_encoding(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the first bytes, if any."""
    m = _DECLARED.search(head[:4096])
    if not m:
        return None
    return _codec(m.group(1).decode("ascii", "replace"))


# --------------------------------------------------------------------------- detection


def _best(sample: bytes) -> tuple[str, float, int] | None:
    """The candidate with the fewest unlikely characters (earlier in ``CANDIDATES`` on a tie)."""
    scored: list[tuple[float, int, str, str]] = []
    for i, codec in enumerate(CANDIDATES):
        text = _strict(sample, codec)
        if text is not None:
            scored.append((unlikely(text, codec), i, codec, text))
    if not scored:
        return None
    scored.sort()
    cost, _, codec, text = scored[0]
    near = [s for s in scored if s[0] <= cost + TIE_SHARE * len(s[3])]
    if len({s[3] for s in near}) > 1:
        # several readings equally clean (Croatian ć đ through Windows-1252 is Icelandic æ ð):
        # the one whose letters fit the language it reads as wins, then the earlier codec
        key = {s[2]: (_language_misses(s[3]), s[0], s[1]) for s in near}
        cost, _, codec, text = min(near, key=lambda s: key[s[2]])
    return codec, cost, len(text)


def _language_misses(text: str) -> float:
    """Letters outside the alphabet of the language py3langid reads ``text`` as (when known)."""
    sample = text[:COHERENCE_CHARS]
    ranked = [lang for lang, _ in _rank()(sample)[:LANGUAGES_TRIED]]
    alphabet = next((_ALPHABETS[lang] for lang in ranked if lang in _ALPHABETS), None)
    letters = Counter(c.lower() for c in sample if c > "\x7f" and c.isalpha())
    if alphabet is None:
        return min(_alphabet_misses(letters, _LATIN_SETS), _alphabet_misses(letters, _CYRILLIC_SETS))
    return float(sum(n for ch, n in letters.items() if ch not in alphabet))


@lru_cache(maxsize=1)
def _rank() -> Any:
    """py3langid's ranking, loaded on first use (half a second; only non-UTF-8 text needs it)."""
    import py3langid

    return py3langid.rank


def _strict(sample: bytes, codec: str) -> str | None:
    """``sample`` decoded strictly, forgiving a multi-byte sequence cut at the sample's end."""
    for cut in range(4):
        if cut and len(sample) < SAMPLE_BYTES:
            return None  # the whole file: its end is not a cut
        try:
            return (sample[:-cut] if cut else sample).decode(codec)
        except UnicodeDecodeError:
            continue
        except LookupError:
            return None
    return None


def _full(data: bytes, codec: str, note: str | None) -> Decoded:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad and note is None:
        note = f"{bad:,} bytes could not be decoded as {_name(codec)} and were replaced by U+FFFD"
    return Decoded(text, codec, note)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _by_bom(data: bytes) -> Decoded | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-16-le" and body[:2] == b"\x00\x00" and len(data) % 4 == 0:
                continue  # FF FE 00 00 is the UTF-32 BOM, handled above; this is odd data
            text = body.decode(codec, errors="replace")
            bad = text.count("\ufffd")
            note = f"read as {name} by its byte-order mark" if name else None
            if bad:
                lost = f"{bad:,} undecodable bytes replaced by U+FFFD"
                note = f"{note}; {lost}" if note else f"UTF-8 with {lost}"
            return Decoded(text, codec, note)
    return None


def _iso2022(sample: bytes) -> bool:
    return b"\x1b$B" in sample or b"\x1b$@" in sample or b"\x1b(J" in sample


_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _damaged_utf8(sample: bytes) -> str | None:
    """A note when the bytes are UTF-8 with a few broken sequences (a cut or spliced page).

    Several well-formed multi-byte sequences per bad byte is UTF-8; a legacy code page almost
    never forms them (two high bytes in a row, the second in 0x80-0xBF, are rare in prose).
    """
    good = len(_UTF8_MULTI.findall(sample))
    if good < 3:
        return None
    bad = sample.decode("utf-8", errors="replace").count("\ufffd")
    if good < 4 * bad:
        return None
    return f"UTF-8 with {bad:,} broken byte sequences replaced by U+FFFD"


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().strip("'\"").lower()).name
    except LookupError:
        return None
    aliases = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "utf-8", "euc_jis_2004": "euc_jp"}
    return aliases.get(name, name)


def _name(codec: str | None) -> str:
    if codec is None:
        return "?"
    return _NAMES.get(codec, codec.upper().replace("_", "-"))


_DECLARED = re.compile(
    rb"""(?i)(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
    rb"([a-z0-9_.:-]{2,40})"
)


# --------------------------------------------------------------------------- what is unlikely

#: Non-letters that real text uses freely: typographic punctuation, currency, degree, NBSP.
_USUAL_MARKS = frozenset(
    "\u00a0\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u00b7"
    "\u20ac\u00a3\u00a5\u00b0\u00a7\u00a9\u00ae\u2122\u00bf\u00a1\u00d7\u2032\u2033\u2116"
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2039\u203a\u2212\u00bd\u00bc"
)

#: Lower-case non-ASCII letters of each language's alphabet (orthographies, not statistics):
#: a decoding whose letters no single alphabet holds is probably the wrong code page.
_LATIN_ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "ca": "àçèéíïòóúü",
    "de": "äöüß",
    "nl": "áéèëïóöü",
    "sv": "åäöé",
    "da": "æøåé",
    "is": "áéíóúýðþæö",
    "fi": "äöåšž",
    "et": "äõöüšž",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sr": "čćđšž",
    "sl": "čšž",
    "tr": "çğıöşüâî",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
}
_CYRILLIC_ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}


_ALPHABETS = {k: frozenset(v) for k, v in (_LATIN_ALPHABETS | _CYRILLIC_ALPHABETS).items()}
_LATIN_SETS = tuple(frozenset(v) for v in _LATIN_ALPHABETS.values())
_CYRILLIC_SETS = tuple(frozenset(v) for v in _CYRILLIC_ALPHABETS.values())


def _alphabet_misses(letters: Counter[str], alphabets: tuple[frozenset[str], ...]) -> float:
    """Occurrences of letters outside the best-fitting alphabet (0 when one holds them all)."""
    if not letters:
        return 0.0
    return float(min(sum(n for ch, n in letters.items() if ch not in a) for a in alphabets))


def _mixed_scripts(scripts: Counter[str], ascii_letters: int) -> float:
    """Letters outside the main script family: Cyrillic next to Greek is two code pages' worth,
    and a lone Cyrillic letter in English text ("Ђ4m": the euro sign through Windows-1251) too."""
    families: Counter[str] = Counter()
    for script, n in scripts.items():
        families[_FAMILY.get(script, script)] += n
    latin = families.pop("LATIN", 0) + ascii_letters  # Latin names and words mix into every script
    stray = sum(n for n in families.values() if n * STRAY_SHARE < latin)
    if len(families) < 2:
        return float(stray)
    return float(max(stray, sum(families.values()) - max(families.values())))


_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first == "CJK" or name.startswith(("IDEOGRAPHIC", "KANGXI")):
        return "CJK"
    if first == "HALFWIDTH" and "KATAKANA" in name:
        return "HALFWIDTH"
    return first


@lru_cache(maxsize=16384)
def _common_han(ch: str, codec: str) -> bool:
    """An ideograph in the frequent set of the codec that produced it (or of any, for Unicode).

    GB2312 level 1 (3,755 characters), JIS X 0208 level 1 (2,965) and Big5's "frequently used"
    block (5,401) cover nearly all of running news text; bytes read by the wrong CJK codec land
    mostly outside them.
    """
    gb = codec == "gb18030" or codec.startswith("utf")
    jp = codec in _JAPANESE or codec.startswith("utf")
    big5 = codec == "big5" or codec.startswith("utf")
    if gb and _lead(ch, "gb2312", 0xB0, 0xD7):
        return True
    if jp and _lead(ch, "euc_jp", 0xB0, 0xCF):
        return True
    if big5 and _lead(ch, "big5", 0xA4, 0xC6):
        return True
    return codec in _KOREAN  # Hanja in Korean text are rare but not a sign of a wrong codec


def _lead(ch: str, codec: str, low: int, high: int) -> bool:
    try:
        b = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and low <= b[0] <= high


_SIGNS = frozenset("№€£¥§©¿¡«“„‚×½¼°±¶¤¦¨¯´¸¹²³¾")
_VOWELS = {
    "CYRILLIC": frozenset("аеёиоуыэюяіїєўАЕЁИОУЫЭЮЯІЇЄЎ"),
    "GREEK": frozenset("αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ"),
}
_WORDS = re.compile(r"[^\W\d_]{3,}")


def _vowelless(text: str, scripts: Counter[str]) -> int:
    """Cyrillic or Greek words of three letters or more without a vowel: Hebrew or Arabic read
    through a Cyrillic or Greek page gives tidy letters in unpronounceable words."""
    main = max(scripts, key=lambda k: scripts[k])
    vowels = _VOWELS.get(main)
    if vowels is None:
        return 0
    return sum(1 for w in _WORDS.findall(text[:COHERENCE_CHARS]) if ord(w[0]) > 127 and vowels.isdisjoint(w))


def _clash(x: str, y: str) -> bool:
    """Two scripts that do not share a word (Japanese mixes kanji and kana, marks go anywhere)."""
    if x == y or "COMBINING" in (x, y):
        return False
    return _FAMILY.get(x, x) != "CJK" or _FAMILY.get(y, y) != "CJK"


_UNBROKEN = re.compile(r"[^\s\x00-\x7f]{40,}")


def _unbroken(text: str) -> int:
    """Characters in runs of 40 or more non-ASCII characters without a space, outside the scripts
    written without spaces: "ĀＡĀＡ…" is bytes of a binary read as UTF-16, not a word (markup
    and URLs are ASCII; the longest compounds of spaced scripts stay well under 40)."""
    return sum(
        len(run)
        for run in _UNBROKEN.findall(text[:COHERENCE_CHARS])
        if not any(_script(c) in _UNSPACED for c in run if c.isalpha())
    )


_UNSPACED = frozenset(
    {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN"}
)


def _lettery(ch: str) -> bool:
    """A letter or a combining mark (an Arabic vowel sign glued to a Latin letter is odd too)."""
    return ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")


def _odd_neighbours(text: str, codec: str) -> int:
    """Letter pairs a correct decoding hardly makes.

    - a capital straight after a small non-ASCII letter (``пРАВИТ``): the case halves of a
      Cyrillic code page read as its sibling; CamelCase names make a few, a wrong page one a word;
    - letters of two scripts in one word (``Hьkьmet``, ``éْçمù``): Turkish letters read through
      a Cyrillic page, Hebrew through the Arabic one;
    - an ideograph before a space in a Chinese or Japanese reading: those scripts do not space
      words, Korean does (EUC-KR read as GB18030 is common ideographs, spaced).
    """
    pairs = Counter(map(operator.add, text, text[1:]))
    spaced_han = codec in _CHINESE or codec in _JAPANESE
    odd = 0
    for p, n in pairs.items():
        a, b = p
        if a < "\x80" and b < "\x80":
            continue
        if (
            (a.islower() and b.isupper())
            or (a == "\u2019" and b.isalpha() and _script(b) != "LATIN")
            or (a == "\u03c2" and b.isalpha())  # final sigma inside a word: Hebrew ayin read as Greek
        ):
            odd += n  # (a closing quote opening a Greek or Cyrillic word: Ά read as ’)
        elif _lettery(a) and _lettery(b) and _clash(_script(a), _script(b)):
            odd += n
        elif b in _SIGNS and a.isalpha():
            odd += n  # a sign glued to a word's end: "gra№ani" (Latin-2 đ read as ISO-8859-5)
        elif spaced_han and b == " " and a.isalpha() and _script(a) == "CJK":
            odd += n
    return odd
