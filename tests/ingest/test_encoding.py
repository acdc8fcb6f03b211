"""Encoding detection: news text written in any common code page reads back identical.

The sentences are ours, written as news in each language (no generated letter soup: a detector
that reads real prose right is the claim, and random code points would test something else).
Hypothesis picks how many sentences, which, in what order and how they are joined, so short
one-liners and long pieces alike are checked.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest.encoding import declared_encoding, decode_bytes, unlikely
from storyline.ingest.raw import read_text

#: Per language: sentences, and the legacy encodings that language is written in.
LANGUAGES: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "La señal llegó a las cinco de la mañana, según el ministro de Defensa.",
            "Los niños corrieron hacia la plaza cuando sonaron las campanas.",
            "El alcalde dijo que la reunión con los sindicatos seguirá el miércoles.",
            "¿Quién pagará la reparación del puente? preguntó una vecina.",
        ],
        ["latin-1", "cp1252", "iso8859-15"],
    ),
    "fr": (
        [
            "Le conseil a déclaré à Genève que les négociations reprendront la semaine prochaine.",
            "Ça va être long, a reconnu le porte-parole du ministère des Affaires étrangères.",
            "Les élèves ont été évacués vers le gymnase, où ils ont passé la nuit.",
            "Selon la préfecture, quarante-deux maisons ont été inondées à Nîmes.",
        ],
        ["latin-1", "cp1252", "iso8859-15"],
    ),
    "de": (
        [
            "Über die Straße gingen fünf Männer; die Größe der Gruppe überraschte die Behörden.",
            "Der Bürgermeister kündigte an, die Brücke werde für drei Wochen gesperrt.",
            "Nach Angaben der Polizei wurde niemand verletzt, die Schäden seien gering.",
        ],
        ["latin-1", "cp1252"],
    ),
    "pt": (
        [
            "O governo anunciou que as negociações serão retomadas na próxima semana.",
            "A ponte foi fechada depois que os inspetores encontraram uma rachadura.",
            "Segundo a polícia, não houve feridos, mas a estação ficou sem energia.",
        ],
        ["latin-1", "cp1252"],
    ),
    "sv": (
        [
            "Regeringen meddelade att förhandlingarna återupptas nästa vecka.",
            "Bron stängdes efter att inspektörer hittat en spricka i stödet.",
        ],
        ["latin-1", "cp1252"],
    ),
    "en": (
        [
            "The council said \u201cnothing\u201d would change \u2014 talks resume at 5 p.m.",
            "Repairs will cost \u20ac4m, the mayor\u2019s office said on Tuesday\u2026",
            "Officials from Zürich and São Paulo attended the café opening.",
        ],
        ["cp1252"],
    ),
    "pl": (
        [
            "Rząd ogłosił, że negocjacje zostaną wznowione w przyszłym tygodniu.",
            "Żołnierze wrócili do koszar, a mieszkańcy świętowali na ulicach.",
            "Według policji nikt nie został ranny, ale most jest zamknięty.",
        ],
        ["iso8859-2", "cp1250"],
    ),
    "cs": (
        [
            "Vláda oznámila, že jednání budou obnovena příští týden.",
            "Vojáci se vrátili do kasáren a obyvatelé slavili v ulicích.",
            "Podle policie nebyl nikdo zraněn, most však zůstane uzavřen.",
        ],
        ["iso8859-2", "cp1250"],
    ),
    "hu": (
        [
            "A kormány bejelentette, hogy a tárgyalások jövő héten folytatódnak.",
            "A rendőrség szerint senki sem sérült meg, de a hidat lezárták.",
            "A polgármester szerint ez különösen fontos döntés a város számára.",
        ],
        ["iso8859-2", "cp1250"],
    ),
    "hr": (
        [
            "Vlada je objavila da će se pregovori nastaviti sljedeći tjedan.",
            "Vojnici su se vratili u vojarne, a građani su slavili na ulicama.",
        ],
        ["iso8859-2", "cp1250"],
    ),
    "ru": (
        [
            "Правительство заявило, что переговоры возобновятся на следующей неделе.",
            "Солдаты вернулись в казармы, а жители праздновали на улицах.",
            "По данным полиции, никто не пострадал, но мост закрыт для движения.",
            "Мэр Москвы сообщил, что ремонт займёт не меньше трёх недель.",
        ],
        ["koi8-r", "cp1251", "iso8859-5", "cp866"],
    ),
    "uk": (
        [
            "Уряд заявив, що переговори відновляться наступного тижня.",
            "Військові повернулися до казарм, а мешканці святкували на вулицях.",
            "За даними поліції, ніхто не постраждав, але міст закрито.",
        ],
        ["koi8-u", "cp1251"],
    ),
    "bg": (
        [
            "Правителството обяви, че преговорите ще бъдат възобновени следващата седмица.",
            "Войниците се върнаха в казармите, а жителите празнуваха по улиците.",
        ],
        ["cp1251"],
    ),
    "el": (
        [
            "Η κυβέρνηση ανακοίνωσε ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα.",
            "Άλλοι βουλευτές διαφωνούν με την απόφαση του υπουργού.",
            "Σύμφωνα με την αστυνομία, κανείς δεν τραυματίστηκε.",
        ],
        ["iso8859-7", "cp1253"],
    ),
    "tr": (
        [
            "Hükümet, müzakerelerin gelecek hafta yeniden başlayacağını açıkladı.",
            "Askerler kışlaya döndü ve halk sokaklarda kutlama yaptı.",
            "Polise göre kimse yaralanmadı, ancak köprü trafiğe kapatıldı.",
        ],
        ["cp1254", "iso8859-9"],
    ),
    "he": (
        [
            "הממשלה הודיעה כי המשא ומתן יתחדש בשבוע הבא.",
            "החיילים חזרו לבסיס והתושבים חגגו ברחובות.",
            "לדברי המשטרה איש לא נפגע, אך הגשר נסגר.",
        ],
        ["cp1255", "iso8859-8"],
    ),
    "ar": (
        [
            "أعلنت الحكومة أن المفاوضات ستستأنف الأسبوع المقبل.",
            "عاد الجنود إلى الثكنات واحتفل السكان في الشوارع.",
            "وقالت الشرطة إن أحدا لم يصب بأذى لكن الجسر أغلق.",
        ],
        ["cp1256"],
    ),
    "lt": (
        [
            "Vyriausybė paskelbė, kad derybos bus atnaujintos kitą savaitę.",
            "Kariai grįžo į kareivines, o gyventojai šventė gatvėse.",
        ],
        ["cp1257", "iso8859-13"],
    ),
    "ja": (
        [
            "東京で会議が開かれ、交渉は来週再開されると政府の報道官が述べた。",
            "警察によると、けが人はいないが、橋は通行止めになっている。",
            "市長は修理に少なくとも三週間かかると記者団に語った。",
        ],
        ["shift_jis", "cp932", "euc_jp", "iso2022_jp"],
    ),
    "zh": (
        [
            "政府表示，谈判将于下周恢复。",
            "士兵们已经返回营地，当地居民在街头庆祝。",
            "据警方说，没有人受伤，但大桥已经关闭。",
        ],
        ["gb18030", "gb2312", "gbk"],
    ),
    "zh-hant": (
        [
            "政府表示，談判將於下週恢復。",
            "士兵們已經返回營地，當地居民在街頭慶祝。",
            "據警方說，沒有人受傷，但大橋已經關閉。",
        ],
        ["big5"],
    ),
    "ko": (
        [
            "정부는 다음 주에 협상이 재개될 것이라고 발표했다.",
            "군인들은 막사로 돌아갔고 주민들은 거리에서 축하했다.",
            "경찰에 따르면 다친 사람은 없지만 다리는 폐쇄되었다.",
        ],
        ["euc_kr", "cp949"],
    ),
}
UNICODE = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
CASES = [(lang, enc) for lang, (_, encs) in LANGUAGES.items() for enc in encs + UNICODE]


@st.composite
def news_text(draw: st.DrawFn, lang: str) -> str:
    sentences = LANGUAGES[lang][0]
    picked = draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=12))
    joins = draw(st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=len(picked), max_size=len(picked)))
    head = draw(st.sampled_from(["", "Staff report\n\n", "12 March 2024\n"]))
    return head + "".join(s + j for s, j in zip(picked, joins, strict=True))


@pytest.mark.parametrize(("lang", "encoding"), CASES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_text_in_any_common_encoding_reads_back_identical(
    lang: str, encoding: str, data: st.DataObject
) -> None:
    text = data.draw(news_text(lang))
    got = decode_bytes(text.encode(encoding))
    assert got.text == text, (encoding, got.encoding, got.note)


@pytest.mark.parametrize(
    ("encoding", "note"),
    [
        ("utf-8", None),
        ("latin-1", "read as Windows-1252 (detected)"),
        ("utf-32", "read as UTF-32 by its byte-order mark"),
    ],
)
def test_the_note_says_how_a_text_was_read(encoding: str, note: str | None) -> None:
    text = LANGUAGES["es"][0][0]
    assert decode_bytes(text.encode(encoding)).note == note


def test_latin1_spanish_is_not_read_as_central_european() -> None:
    assert decode_bytes("La señal llegó a las cinco.".encode("latin-1")).text == "La señal llegó a las cinco."


def test_utf32_with_bom_is_text_not_binary() -> None:
    assert read_text("u.txt", "Talks resume on Monday.".encode("utf-32")).text == "Talks resume on Monday."


def test_a_declared_encoding_that_reads_cleanly_is_kept() -> None:
    html = '<meta charset="windows-1251"><p>Правительство заявило.</p>'
    got = decode_bytes(html.encode("cp1251"), declared_encoding(html.encode("cp1251")))
    assert (got.text, got.note) == (html, "read as Windows-1251, as the file declares")


def test_a_wrong_declaration_is_retried_and_noted() -> None:
    html = '<meta charset="iso-8859-2"><p>La señal llegó a las cinco de la mañana, según él.</p>'
    got = decode_bytes(html.encode("cp1252"), "iso-8859-2")
    assert got.text == html
    assert got.note == "declared ISO8859-2 gave unlikely characters; read as Windows-1252 (detected)"


def test_damaged_utf8_keeps_its_good_letters() -> None:
    raw = "Größe und Straße, Bürger und Männer.".encode() + b"\xff" + b" Ende."
    got = decode_bytes(raw)
    assert (got.text, got.note) == (
        "Größe und Straße, Bürger und Männer.\ufffd Ende.",
        "UTF-8 with 1 broken byte sequences replaced by U+FFFD",
    )


@pytest.mark.parametrize(
    ("text", "codec", "unlikely_chars"),
    [
        ("La señal llegó", "cp1252", 0),
        ("La seńal llegó según", "cp1250", 1),  # ń and ú: no alphabet has both
        ("Rz¹d og³osi³", "cp1252", 12),  # three signs (2 each), each glued to a letter (2 more)
        ("пРАВИТЕЛЬСТВО", "cp1251", 7),  # a capital after a small letter (2), 12 capitals to 1 (5)
    ],
)
def test_unlikely_characters_are_counted(text: str, codec: str, unlikely_chars: int) -> None:
    assert unlikely(text, codec) == unlikely_chars


def test_a_declaration_that_turns_one_sign_into_a_stray_letter_is_retried() -> None:
    """Windows-1252 English declared Windows-1251: only the euro sign differs (it reads as Ђ)."""
    text = "Repairs will cost \u20ac4m, the mayor\u2019s office said \u2014 work starts on Monday."
    got = decode_bytes(text.encode("cp1252"), "windows-1251")
    assert (got.text, got.note) == (
        text,
        "declared Windows-1251 gave unlikely characters; read as Windows-1252 (detected)",
    )


def test_markup_around_korean_is_not_an_unbroken_run() -> None:
    html = "<title>정부는 협상이 재개될 것이라고 발표했다</title></head><body><article><h1>h0001_page</h1>"
    assert decode_bytes(html.encode("euc_kr"), "iso-8859-1").text == html
