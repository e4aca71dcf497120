#!/usr/bin/env python3
"""Publication-date accuracy of `dyad extract` on WCXB-style pages, page by page.

Like ../shared/tools/score_dates.py (same pages: article pages with a gold
`publish_date`; a page is right when the predicted day equals the gold day),
but it also reports where each date came from (`date_source`), the errors by
source, and, with --htmldate, htmldate's answer on the same pages side by side.

  python3 eval/dates_eval.py ../shared/data/extract/wcxb/dev \
      --cmd 'target/release/dyad extract {in}' [--htmldate] [--show 20]

htmldate is run as the reference runs it (original_date=True,
extensive_search=True); it needs `pip install htmldate` in the Python used.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def load(split_dir):
    pages = []
    for f in sorted(glob.glob(os.path.join(split_dir, 'ground-truth', '*.json'))):
        d = json.load(open(f, encoding='utf8'))
        pt = (d.get('_internal') or {}).get('page_type') or {}
        if isinstance(pt, dict) and pt.get('primary') not in (None, 'article'):
            continue
        day = str((d.get('ground_truth') or {}).get('publish_date') or '')[:10]
        if len(day) != 10:
            continue
        fid = os.path.basename(f)[:-5]
        src = os.path.join(split_dir, 'html', fid + '.html.gz')
        if os.path.exists(src):
            pages.append((fid, d.get('url', ''), day, src))
    return pages


def run_dyad(cmd, pages):
    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, 'urls.tsv'), 'w') as urls:
            for fid, url, _, src in pages:
                with gzip.open(src, 'rb') as i, open(os.path.join(tmp, fid + '.html'), 'wb') as o:
                    shutil.copyfileobj(i, o)
                urls.write(f'{fid}\t{url}\n')
        t0 = time.time()
        p = subprocess.run(cmd.replace('{in}', tmp), shell=True, capture_output=True, text=True)
        dt = time.time() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if p.returncode != 0:
        sys.exit(f'command exited {p.returncode}: {p.stderr[-2000:]}')
    got = {}
    for line in p.stdout.splitlines():
        if line.startswith('{'):
            e = json.loads(line)
            got[str(e.get('id'))] = (str(e.get('date') or '')[:10], e.get('date_source') or '-')
    return got, dt


def run_htmldate(pages):
    from htmldate import find_date
    out = {}
    for fid, url, _, src in pages:
        html = gzip.open(src, 'rb').read().decode('utf8', 'replace')
        try:
            out[fid] = find_date(html, url=url or None, original_date=True, extensive_search=True) or ''
        except Exception:  # htmldate's own failures count as no date
            out[fid] = ''
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('split_dir')
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--htmldate', action='store_true')
    ap.add_argument('--show', type=int, default=0, help='print this many wrong pages')
    a = ap.parse_args()
    pages = load(a.split_dir)
    got, dt = run_dyad(a.cmd, pages)
    n = len(pages)
    right = 0
    by_source = collections.defaultdict(lambda: [0, 0])
    wrong = []
    for fid, url, gold, _ in pages:
        day, source = got.get(fid, ('', 'none'))
        source = source if day else 'none'
        by_source[source][1] += 1
        if day == gold:
            right += 1
            by_source[source][0] += 1
        else:
            wrong.append((fid, gold, day or '-', source, url))
    print(f'dyad: date accuracy {right}/{n} = {100 * right / max(n, 1):.1f}% ({n / max(dt, 1e-9):.0f} pages/s incl. start-up)')
    for source, (ok, total) in sorted(by_source.items(), key=lambda kv: -kv[1][1]):
        print(f'  {source:9} {ok:4}/{total:<4} right')
    if a.htmldate:
        ref = run_htmldate(pages)
        hr = sum(1 for fid, _, gold, _ in pages if ref.get(fid, '')[:10] == gold)
        print(f'htmldate (original_date, extensive_search): {hr}/{n} = {100 * hr / max(n, 1):.1f}%')
        both = sum(1 for fid, _, gold, _ in pages if ref.get(fid, '')[:10] == gold and got.get(fid, ('',))[0] == gold)
        print(f"  both right on {both}; dyad only {right - both}; htmldate only {hr - both}")
        if a.show:
            for fid, _, gold, _ in pages:
                mine = got.get(fid, ("",))[0]
                theirs = ref.get(fid, "")[:10]
                if theirs == gold and mine != gold:
                    print(f"  htmldate only: {fid} gold {gold} dyad {mine or '-'}")
    for row in wrong[:a.show]:
        print('  wrong: {} gold {} got {} ({}) {}'.format(*row))


if __name__ == '__main__':
    main()
