"""Hostile XML against the IPTC XML readers: tasks/formats/_xml.py parses safely (no DTD, no
entities, no network, bounded depth) for nitf, newsml_g2 and newsml12 alike."""

from datetime import datetime, timezone

import pytest

from tasks.formats import newsml12, newsml_g2, nitf
from tasks.formats._xml import parse_xml
from tasks.pipeline import process_file
from tasks.records import RawFile, Reject

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)

ROOTS = {
    nitf: ("nitf", "<body><body.head><hedline><hl1>Headline</hl1></hedline></body.head>"
                   "<body.content><p>before &xxe; after</p></body.content></body>"),
    newsml_g2: ('newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"',
                "<contentMeta><headline>Headline &xxe;</headline></contentMeta>"),
    newsml12: ("NewsML", "<NewsItem><NewsComponent><NewsLines><HeadLine>Headline &xxe;</HeadLine>"
                         "</NewsLines></NewsComponent></NewsItem>"),
}


def document(reader, doctype: str, padding: int = 0) -> bytes:
    open_tag, inner = ROOTS[reader]
    close_tag = open_tag.split()[0]
    comment = f"<!--{'x' * padding}-->" if padding else ""
    return f'<?xml version="1.0"?>{comment}{doctype}<{open_tag}>{inner}</{close_tag}>'.encode()


def lol_doctype(root: str) -> str:
    levels = ['<!ENTITY xxe0 "lol">'] + [
        f'<!ENTITY xxe{i} "{f"&xxe{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(levels)}<!ENTITY xxe \"&xxe9;\">]>"


def read_or_reject(reader, data: bytes) -> list:
    try:
        return list(reader.read(RawFile("hostile.xml", data)))
    except Reject as reject:
        return [reject]


@pytest.mark.parametrize("reader", [nitf, newsml_g2, newsml12], ids=lambda r: r.NAME)
@pytest.mark.parametrize("padding", [0, 70_000], ids=["plain", "behind-64k-comment"])
@pytest.mark.parametrize("attack", ["xxe", "parameter-entity", "billion-laughs"])
def test_hostile_xml_is_rejected_and_reads_no_file(reader, padding, attack, tmp_path):
    """An external parameter entity is how real NewsML 1.2 pulls its DTD in: read, never fetched
    (behind a 64 kB comment it is not seen as one and refused, which is safe too)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    root = ROOTS[reader][0].split()[0]
    doctype = {
        "xxe": f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
        "parameter-entity": f'<!DOCTYPE {root} [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>',
        "billion-laughs": lol_doctype(root),
    }[attack]
    data = document(reader, doctype, padding)
    assert reader.sniff(data[:4096]) or padding  # (a 70 kB comment hides the root from sniffing)
    [result] = read_or_reject(reader, data)
    if attack == "parameter-entity":
        assert "TOP-SECRET" not in repr(result)
        if not padding:  # read (a headline-only NewsML 1.2 item is then refused for having no text)
            assert getattr(result, "reason", "") != "xml entity declarations"
            return
    assert isinstance(result, Reject) and result.stage == "parse"
    # Behind the comment, libxml2's own amplification guard may stop billion laughs first.
    expected = {"xml entity declarations"} | ({"malformed xml"} if padding and attack == "billion-laughs" else set())
    assert result.reason in expected
    assert "TOP-SECRET" not in str(result)


def test_entity_declarations_in_utf16_are_rejected(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    text = document(nitf, f'<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>').decode()
    data = text.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    [result] = read_or_reject(nitf, data)
    assert isinstance(result, Reject) and result.reason == "xml entity declarations"


def test_external_dtd_is_never_loaded(tmp_path):
    """A DOCTYPE naming a DTD on disk that would define &xxe; as a file's content: the DTD is
    not read, the reference stays undefined and is dropped."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">')
    data = document(nitf, f'<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}">')
    [story] = nitf.read(RawFile("x.xml", data))
    assert story.paragraphs == ["before after"]
    assert "TOP-SECRET" not in repr(story)


def test_hostile_file_becomes_a_reject_row_in_the_pipeline(tmp_path):
    data = document(newsml_g2, lol_doctype("newsItem"))
    out = process_file(RawFile("lol.xml", data), NOW)
    assert out.articles == []
    assert [(r["stage"], r["reason"]) for r in out.rejects] == [("parse", "xml entity declarations")]


def test_malformed_and_deep_xml_are_rejected():
    [broken] = read_or_reject(nitf, b"<nitf><body><p>unclosed</body></nitf>")
    assert broken.reason == "malformed xml"
    deep = b"<nitf>" + b"<block>" * 300 + b"</block>" * 300 + b"</nitf>"
    [too_deep] = read_or_reject(nitf, deep)
    assert isinstance(too_deep, Reject)  # libxml2's own depth limit or parse_xml's, whichever first
    assert too_deep.reason in ("xml too deep", "malformed xml")


def test_external_parameter_entity_doctype_is_read_and_nothing_fetched():
    data = (b'<?xml version="1.0" encoding="ISO-8859-15"?>\n'
            b'<!DOCTYPE NewsML PUBLIC "urn:example" "NewsML-1.2.dtd"\n[<!ENTITY % nitf SYSTEM "nitf.dtd"> %nitf; ]>\n'
            b'<NewsML><p>Caf\xe9 ouvert</p></NewsML>')
    assert parse_xml(data).findtext("p") == "Café ouvert"
    with pytest.raises(Reject, match="entity declarations"):
        parse_xml(data.replace(b"%nitf; ]", b'%nitf; <!ENTITY x "y">]'))
