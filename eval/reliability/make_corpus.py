#!/usr/bin/env python3
"""Writes dyad's broken-input corpus: every kind of bad input a crawl holds.

    python3 eval/reliability/make_corpus.py OUT_DIR [--seed N] [--mutants N]

Everything is made here, from text of our own and a fixed seed, so the
corpus is the same on every machine. Families (one folder each):

  warc/       damaged archives: wrong, short, missing and huge Content-Length,
              garbage between records, a damaged version line, truncation,
              corrupt and foreign gzip members, one-member gzip, empty, random
  gzip/       truncated gzip, trailing garbage, gzip of gzip, gzip of an
              unnamed kind, a gzip bomb (64 MiB of zeros)
  encodings/  UTF-16 LE/BE with BOM, Latin-1 and Shift-JIS without
              declaration, a lying <meta charset>, lone surrogates, NULs
  jsonl/      wrong-typed fields, huge numbers, arrays, deep nesting, UTF-16,
              one huge line, many lines, duplicate keys, invalid escapes
  runon/      text without punctuation, a base64 blob, markup stripped badly
  tokens/     one giant token (90 KB, 360 KB), a 200 KB URL, a long number
  markup/     20,000 nested <div>, 50,000 <span>, unclosed tags, deep
              tables, 100,000 attributes, a page of scripts only
  cjk/        Chinese and Japanese without spaces or stops, Thai
  mutated/    news pages of our own with random byte flips, truncations,
              splices, dropped and doubled tags

A manifest, OUT_DIR/manifest.tsv, lists every input with the least number
of documents `dyad extract` must give for it (the good records of a damaged
archive) and how many documents it holds (the time budget is per document).
`eval/reliability/check.sh` runs dyad on it.
"""
import argparse
import base64
import gzip
import io
import json
import os
import random

PARAGRAPHS = [
    "Envoys from Ethiopia and Sudan met in Nairobi on Sunday to discuss the disputed border region, the Kenyan foreign ministry said in a statement.",
    "The talks, the first in more than a year, ended without an agreement, but both delegations said they would return next month to continue.",
    "Diplomats said the next round would focus on water rights along the river and on the return of people displaced by the fighting.",
    "The port of Mombasa reopened on Monday after a two-day strike by dock workers ended with an agreement on pay, the port authority said.",
    "Shipping lines said the backlog of containers would take at least a week to clear, and that some vessels had been diverted to other ports.",
    "The defence ministers of Portugal and Morocco signed an agreement on joint naval patrols in the Atlantic on Wednesday in Lisbon.",
    "Chile recalled its ambassador to Bolivia on Thursday after a dispute over water rights along the border escalated, officials said.",
    "Ghana and Togo reopened their shared border on Friday after three months, the two governments said in a joint statement.",
    "Police in Dhaka arrested dozens of protesters who had blocked a main road to demand higher wages for garment workers.",
    "The United Nations envoy urged both sides to respect the ceasefire and to allow aid convoys to reach the besieged town.",
]

WORDS = (
    "the minister said government talks border agreement police protest army rebels "
    "president election vote parliament court ruling sanctions trade aid convoy ceasefire "
    "envoy meeting capital province officials statement week month year river water port"
).split()

CHINESE = "外交部发言人表示中方愿同各方一道推动政治解决进程双方代表在北京举行会谈就边界问题交换意见"
JAPANESE = "政府は月曜日に東京で会合を開き両国の代表が国境問題について協議したと発表した"
THAI = "รัฐมนตรีต่างประเทศกล่าวว่าทั้งสองประเทศได้ตกลงที่จะเจรจาต่อไปในเดือนหน้า"


def gz(data, level=6):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=level) as f:
        f.write(data)
    return out.getvalue()


def page(rng, title, paragraphs, style=0):
    """A news page of one of four layouts, with page furniture."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    nav = '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
    share = '<div class="share-bar"><a>Share on Facebook</a><a>Tweet</a></div>'
    footer = "<footer>Copyright 2021 Example News. All rights reserved.</footer>"
    date = f"2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:00:00Z"
    head = (
        f"<head><meta charset=\"utf-8\"><title>{title} - Example News</title>"
        f"<meta property=\"article:published_time\" content=\"{date}\">"
        "<script>var tracking = {'a': 1}; function f() { return 1 < 2; }</script>"
        "<style>.share-bar { display: flex }</style></head>"
    )
    if style == 0:
        inner = f"{nav}<article><h1>{title}</h1><p class=\"byline\">By Jane Roe</p>{share}{body}</article>{footer}"
    elif style == 1:
        inner = f"{nav}<div id=\"main\"><div class=\"story-body\"><h1>{title}</h1>{body}</div><aside>Related: other stories</aside></div>{footer}"
    elif style == 2:
        inner = f"<table><tr><td>{nav}</td></tr><tr><td><h2>{title}</h2>{body.replace('<p>', '<font>').replace('</p>', '</font><br><br>')}</td></tr></table>"
    else:
        inner = f"<main><h1>{title}</h1><section>{body}</section><div class=\"comments\"><p>First!</p></div></main>"
    return f"<!DOCTYPE html><html lang=\"en\">{head}<body>{inner}</body></html>"


def article(rng, n=None):
    n = n or rng.randint(3, 7)
    return [rng.choice(PARAGRAPHS) for _ in range(n)]


def http(body, content_type="text/html; charset=utf-8"):
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def record(i, block, length=None, version=b"WARC/1.0", kind="response"):
    head = (
        version
        + f"\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:corpus-{i}>\r\n".encode()
        + f"WARC-Date: 2021-06-01T10:00:00Z\r\nWARC-Target-URI: https://news.example/{i}\r\n".encode()
        + b"Content-Type: application/http; msgtype=response\r\n"
    )
    if length != "none":
        head += f"Content-Length: {len(block) if length is None else length}\r\n".encode()
    return head + b"\r\n" + block + b"\r\n\r\n"


class Corpus:
    def __init__(self, out):
        self.out = out
        self.rows = []

    def write(self, rel, data, min_docs=0, docs=1):
        """One input; `min_docs`: documents `dyad extract` must give at
        least; `docs`: documents it holds at most (for the time budget)."""
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode()
        with open(path, "wb") as f:
            f.write(data)
        self.rows.append((rel, min_docs, docs))

    def manifest(self):
        with open(os.path.join(self.out, "manifest.tsv"), "w") as f:
            f.write("input\tmin_docs\tdocs\n")
            for rel, min_docs, docs in self.rows:
                f.write(f"{rel}\t{min_docs}\t{docs}\n")


def warc_family(c, rng):
    pages = [page(rng, f"Story {i}", article(rng), i % 4).encode() for i in range(5)]
    blocks = [http(p) for p in pages]
    recs = [record(i, b) for i, b in enumerate(blocks)]
    c.write("warc/intact.warc", b"".join(recs), 5, 5)
    c.write("warc/intact.warc.gz", b"".join(gz(r) for r in recs), 5, 5)
    c.write("warc/one-member.warc.gz", gz(b"".join(recs)), 5, 5)

    def with_third(third):
        return b"".join(recs[:2] + [third] + recs[3:])

    c.write("warc/long-length.warc", with_third(record(2, blocks[2], len(blocks[2]) + 300)), 4, 5)
    c.write("warc/short-length.warc", with_third(record(2, blocks[2], len(blocks[2]) - 300)), 4, 5)
    c.write("warc/huge-length.warc", with_third(record(2, blocks[2], 10**12)), 4, 5)
    c.write("warc/no-length.warc", with_third(record(2, blocks[2], "none")), 4, 5)
    c.write("warc/bad-length.warc", with_third(record(2, blocks[2], "12x4")), 4, 5)
    c.write("warc/damaged-version.warc", with_third(record(2, blocks[2], version=b"WARX/1.0")), 4, 5)
    c.write("warc/old-version.warc", with_third(record(2, blocks[2], version=b"WARC/0.18")), 5, 5)
    junk = bytes(rng.randrange(256) for _ in range(3000))
    c.write("warc/garbage-between.warc", b"".join(recs[:2] + [junk] + recs[2:]), 5, 5)
    c.write("warc/text-between.warc", b"".join(recs[:2] + [b"Some words that are not a record.\r\n" * 20] + recs[2:]), 5, 5)
    whole = b"".join(recs)
    c.write("warc/truncated.warc", whole[: len(whole) * 7 // 10], 3, 5)
    members = [gz(r) for r in recs]
    bad = bytearray(members[2])
    for k in range(len(bad) // 3, len(bad) // 3 + 12):
        bad[k] ^= 0xA5
    c.write("warc/corrupt-member.warc.gz", b"".join(members[:2] + [bytes(bad)] + members[3:]), 4, 5)
    bad_header = bytearray(members[2])
    bad_header[3] = 0x1F  # every flag set: the decoder reads a name, extra fields, ...
    c.write("warc/corrupt-gzip-header.warc.gz", b"".join(members[:2] + [bytes(bad_header)] + members[3:]), 4, 5)
    c.write("warc/garbage-members.warc.gz", b"".join(members[:2] + [junk] + members[2:]), 5, 5)
    c.write("warc/garbage-first.warc.gz", junk[:500] + b"".join(members), 5, 5)
    c.write("warc/truncated.warc.gz", b"".join(members[:3]) + members[3][: len(members[3]) // 2], 3, 5)
    bad_crc = bytearray(members[1])
    bad_crc[-6] ^= 0xFF
    c.write("warc/bad-crc.warc.gz", b"".join(members[:1] + [bytes(bad_crc)] + members[2:]), 4, 5)
    c.write("warc/empty.warc", b"", 0, 1)
    c.write("warc/random.warc", bytes(rng.randrange(256) for _ in range(20000)), 0, 1)
    mixed = [
        record(10, b"GET / HTTP/1.1\r\n\r\n", kind="request"),
        record(11, http(b"\x89PNG\r\n" + bytes(rng.randrange(256) for _ in range(2000)), "image/png")),
        record(12, b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>Not found</p>"),
        record(13, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in [pages[0][:500], pages[0][500:]]) + b"0\r\n\r\n"),
        record(14, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gz(pages[1])),
        record(15, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + b"not gzip at all"),
    ]
    c.write("warc/mixed-records.warc", b"".join(mixed), 2, 4)


def gzip_family(c, rng):
    text = "\n\n".join(article(rng, 6)).encode()
    data = gz(text)
    c.write("gzip/truncated.txt.gz", data[: len(data) // 2], 0, 1)
    c.write("gzip/trailing-garbage.txt.gz", data + b"trailing bytes that are not gzip", 1, 1)
    c.write("gzip/padded.txt.gz", data + b"\x00" * 512, 1, 1)
    c.write("gzip/double.html.gz", gz(gz(page(rng, "Double", article(rng)).encode())), 0, 1)
    c.write("gzip/story.gz", gz(page(rng, "Unnamed kind", article(rng)).encode()), 1, 1)
    c.write("gzip/lines.jsonl.gz", gz(b"".join(json.dumps({"id": f"g{i}", "text": p}).encode() + b"\n" for i, p in enumerate(article(rng, 3)))), 3, 3)
    c.write("gzip/bomb.txt.gz", gz(b"\x00" * (64 << 20), 9), 0, 1)
    c.write("gzip/not-gzip.txt.gz", text, 1, 1)


def encodings_family(c, rng):
    text = "\n\n".join(article(rng, 5)) + " Café, naïve, Zürich, “quotes”."
    c.write("encodings/utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le"), 1, 1)
    c.write("encodings/utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"), 1, 1)
    c.write("encodings/utf8-bom.txt", b"\xef\xbb\xbf" + text.encode(), 1, 1)
    c.write("encodings/latin1.txt", text.encode("latin-1", "replace"), 1, 1)
    c.write("encodings/latin1.html", page(rng, "Zürich talks", article(rng)).replace('<meta charset="utf-8">', "").replace("Envoys", "Envoyés").encode("latin-1", "replace"), 1, 1)
    c.write("encodings/lying-meta.html", page(rng, "Lying meta", article(rng)).replace("utf-8", "shift_jis").replace("met", "mét").encode(), 1, 1)
    sjis = f"<html><head><meta charset=\"shift_jis\"><title>東京</title></head><body><p>{JAPANESE}。</p><p>{JAPANESE}。</p></body></html>"
    c.write("encodings/shift-jis.html", sjis.encode("shift_jis"), 1, 1)
    c.write("encodings/shift-jis-undeclared.html", sjis.replace('<meta charset="shift_jis">', "").encode("shift_jis"), 1, 1)
    c.write("encodings/utf16-page.html", b"\xff\xfe" + page(rng, "UTF-16 page", article(rng)).encode("utf-16-le"), 1, 1)
    c.write("encodings/utf16-no-bom.html", page(rng, "UTF-16 without BOM", article(rng)).encode("utf-16-le"), 0, 1)
    c.write("encodings/nuls.txt", (text[:200] + "\x00" * 300 + text[200:]).encode(), 0, 1)
    bad = bytearray(text.encode())
    for k in range(0, len(bad), 37):
        bad[k] = 0xC3 if k % 2 else 0xFF
    c.write("encodings/invalid-utf8.txt", bytes(bad), 1, 1)
    c.write("encodings/controls.txt", "".join(ch if rng.random() > 0.03 else chr(rng.randrange(1, 31)) for ch in text).encode(), 0, 1)
    c.write("encodings/lone-surrogates.jsonl", '{"id": "s1", "text": "Talks \\ud800 in Nairobi \\udfff ended."}\n{"id": "s2", "text": "\\ud83d\\ude00 fine pair."}\n', 2, 2)
    c.write("encodings/utf16.jsonl", b"\xff\xfe" + "".join(json.dumps({"id": f"u{i}", "text": p}, ensure_ascii=False) + "\n" for i, p in enumerate(article(rng, 3))).encode("utf-16-le"), 3, 3)


def jsonl_family(c, rng):
    fine = article(rng, 1)[0]
    lines = [
        {"id": "title-number", "text": fine, "title": 5},
        {"id": "url-array", "text": fine, "url": [1, 2]},
        {"id": "date-number", "text": fine, "date": 20150512},
        {"id": "date-words", "text": fine, "date": "last Tuesday"},
        {"id": 12345678901234567890123456789, "text": fine},
        {"id": {"nested": True}, "text": fine},
        {"id": "text-number-html", "text": 17, "html": page(rng, "Html field", article(rng))},
        {"id": "text-number", "text": 17},
        {"id": "text-null"},
        {"id": "empty-text", "text": "   "},
    ]
    body = "".join(json.dumps(l) + "\n" for l in lines)
    body += "[1,2,3]\n\"just a string\"\n42\nnot json at all\n{\"id\": \"cut\", \"text\": \"abc\n"
    body += '{"id": "twice", "text": "One.", "text": "Two."}\n'
    body += '{"id": "bad-escape", "text": "bad \\x escape"}\n'
    c.write("jsonl/fields.jsonl", body, 6, 17)
    deep = "[" * 10000 + "]" * 10000
    c.write("jsonl/deep.jsonl", '{"id": "deep", "text": "x", "extra": ' + deep + "}\n" + json.dumps({"id": "after", "text": fine}) + "\n", 1, 2)
    c.write("jsonl/huge-line.jsonl", json.dumps({"id": "huge", "text": " ".join(rng.choice(PARAGRAPHS) for _ in range(8000))}) + "\n", 1, 1)
    c.write("jsonl/many.jsonl", "".join(json.dumps({"id": f"m{i}", "text": rng.choice(PARAGRAPHS)}) + "\n" for i in range(200)), 200, 200)
    c.write("jsonl/blank-and-crlf.jsonl", "\r\n\r\n" + json.dumps({"id": "crlf", "text": fine}) + "\r\n\n\n", 1, 1)


def runon_family(c, rng):
    for size in [20_000, 100_000]:
        words = []
        while sum(len(w) + 1 for w in words) < size:
            words.append(rng.choice(WORDS))
        c.write(f"runon/words-{size // 1000}k.txt", " ".join(words), 1, 1)
    blob = base64.b64encode(bytes(rng.randrange(256) for _ in range(75_000))).decode()
    c.write("runon/base64.txt", "\n".join(blob[i:i + 76] for i in range(0, len(blob), 76)), 1, 1)
    stripped = " ".join(p.rstrip(".") for p in article(rng, 40)).replace(",", "")
    c.write("runon/stripped-markup.txt", ("Home World Sport Share Tweet " + stripped) * 5, 1, 1)
    c.write("runon/numbers.txt", " ".join(str(rng.randrange(10**6)) for _ in range(20_000)), 1, 1)
    c.write("runon/one-line-page.html", "<html><body><p>" + " ".join(rng.choice(WORDS) for _ in range(20_000)) + "</p></body></html>", 1, 1)


def tokens_family(c, rng):
    c.write("tokens/token-90k.txt", "Talks began. " + "a" * 90_000 + " ended.", 1, 1)
    c.write("tokens/token-360k.txt", "Talks began. " + "x" * 360_000 + " ended.", 1, 1)
    c.write("tokens/url-200k.txt", "See https://example.org/" + "path/" * 40_000 + " for details.", 1, 1)
    c.write("tokens/number-100k.txt", "The figure was " + "9" * 100_000 + " dollars.", 1, 1)
    c.write("tokens/hyphens.txt", "-".join(rng.choice(WORDS) for _ in range(30_000)), 1, 1)
    c.write("tokens/token-page.html", "<html><body><p>The envoy said " + "z" * 200_000 + ".</p></body></html>", 1, 1)


def markup_family(c, rng):
    text = "<p>" + article(rng, 1)[0] + "</p>"
    c.write("markup/divs-20k.html", "<html><body>" + "<div>" * 20_000 + text + "</div>" * 20_000 + "</body></html>", 0, 1)
    c.write("markup/spans-50k.html", "<p>" + "<span>" * 50_000 + "Deep span text." + "</span>" * 50_000 + "</p>", 0, 1)
    c.write("markup/unclosed-p.html", "<html><body>" + "<p>word " * 100_000 + "</body></html>", 0, 1)
    c.write("markup/unclosed-divs.html", "<html><body>" + "<div><b><i>" * 10_000 + text, 0, 1)
    c.write("markup/tables.html", "<table><tr><td>" * 5_000 + text + "</td></tr></table>" * 5_000, 0, 1)
    c.write("markup/attributes.html", "<html><body><div " + " ".join(f'a{i}="{i}"' for i in range(100_000)) + ">" + text + "</div></body></html>", 0, 1)
    c.write("markup/scripts-only.html", "<html><head>" + "<script>var a = 1;</script>" * 20_000 + "</head><body></body></html>", 0, 1)
    c.write("markup/comments.html", "<html><body>" + "<!-- a comment -->" * 50_000 + text + "<!-- unclosed", 0, 1)
    c.write("markup/many-paragraphs.html", "<html><body>" + "".join(f"<p>{rng.choice(PARAGRAPHS)}</p>" for _ in range(20_000)) + "</body></html>", 1, 1)
    c.write("markup/entities.html", "<p>" + "&amp;&lt;&#x1F600;&#0;&#xD800;&bogus;" * 20_000 + "</p>", 0, 1)


def cjk_family(c, rng):
    c.write("cjk/chinese-50k.txt", "".join(rng.choice(CHINESE) for _ in range(50_000)), 1, 1)
    c.write("cjk/japanese-commas.txt", "、".join(JAPANESE for _ in range(1_500)), 1, 1)
    c.write("cjk/thai.txt", "".join(THAI for _ in range(1_000)), 1, 1)
    c.write("cjk/chinese-page.html", "<html><body><article><p>" + "".join(rng.choice(CHINESE) for _ in range(30_000)) + "</p></article></body></html>", 1, 1)
    c.write("cjk/mixed.txt", " ".join(rng.choice(CHINESE) * 3 + rng.choice(WORDS) for _ in range(10_000)), 1, 1)


def mutate(rng, data, seeds):
    data = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0:
        for _ in range(rng.randint(1, 64)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        del data[rng.randrange(len(data) + 1):]
    elif kind == 2:
        other = rng.choice(seeds)
        at = rng.randrange(len(data) + 1)
        data[at:at] = other[: rng.randrange(len(other) + 1)]
    elif kind == 3:
        # Drop tags' closing brackets.
        for _ in range(rng.randint(1, 50)):
            at = data.find(b">", rng.randrange(len(data) + 1))
            if at >= 0:
                del data[at]
    elif kind == 4:
        # Double a slice many times.
        a = rng.randrange(len(data) + 1)
        b = min(len(data), a + rng.randint(1, 200))
        data[a:a] = bytes(data[a:b]) * rng.randint(10, 500)
    else:
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data) + 1)
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
    return bytes(data)


def mutated_family(c, rng, count):
    seeds = [page(rng, f"Seed {i}", article(rng, 8), i % 4).encode() for i in range(8)]
    for i in range(count):
        c.write(f"mutated/m{i:03d}.html", mutate(rng, rng.choice(seeds), seeds), 0, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--mutants", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    c = Corpus(args.out)
    warc_family(c, rng)
    gzip_family(c, rng)
    encodings_family(c, rng)
    jsonl_family(c, rng)
    runon_family(c, rng)
    tokens_family(c, rng)
    markup_family(c, rng)
    cjk_family(c, rng)
    mutated_family(c, rng, args.mutants)
    c.manifest()
    print(f"{len(c.rows)} inputs in {args.out}")


if __name__ == "__main__":
    main()
