"""The HTML edition in a real browser: axe-core's WCAG 2.2 A and AA rules, and reflow at 320 px.

Prints, for each example's public HTML edition, the number of axe-core violations (rules tagged
wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, and axe's best-practice rules such as
empty-table-header) and the page's scroll width at a 320 CSS px
viewport (WCAG 2.2 SC 1.4.10: no sideways scrolling), and saves a 320 px screenshot.

Needs headless Chromium and the axe-core npm package (not a project dependency):
    npm install axe-core        # in any folder; then
    AXE=path/to/node_modules/axe-core/axe.min.js python benchmarks/html_accessibility.py [OUT_DIR]
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wizard import catalog  # noqa: E402
from wizard.export.html import html_text  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Headless Chromium will not make a window narrower than 500 px, so the page is measured (and
# photographed) inside a 320 px wide frame of a host page.
HOST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>320 px</title>
<style>body{{margin:0}}iframe{{width:320px;height:{height}px;border:0;display:block}}</style></head>
<body><iframe id="f" title="page" srcdoc="{page}"></iframe>
<script>
window.addEventListener('load', function () {{
  var d = document.getElementById('f').contentDocument.documentElement;
  var pre = document.createElement('pre'); pre.id = 'reflow';
  pre.textContent = JSON.stringify({{width: d.scrollWidth, viewport: d.clientWidth, height: d.scrollHeight}});
  document.body.appendChild(pre);
}});
</script></body></html>"""

PROBE = """
<script>{axe}</script>
<script>
window.addEventListener('load', function () {{
  var width = document.documentElement.scrollWidth, view = document.documentElement.clientWidth;
  axe.run(document, {{runOnly: {{type: 'tag', values: {tags}}}, resultTypes: ['violations']}})
    .then(function (r) {{
      var out = {{width: width, viewport: view, violations: r.violations.map(function (v) {{
        return {{id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 5).map(function (n) {{ return n.target.join(' '); }})}}; }})}};
      var pre = document.createElement('pre'); pre.id = 'axe-result';
      pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
    }});
}});
</script>
"""


def _chromium(args: list[str], profile: str) -> str:
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=180)
    return result.stdout


def check(page: str, name: str, out_dir: Path, axe: str) -> dict:
    probe = page.replace("</body>", PROBE.format(axe=axe, tags=json.dumps(TAGS)) + "</body>")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.html"
        source.write_text(probe, encoding="utf-8")
        plain = out_dir / f"{name}.html"
        plain.write_text(page, encoding="utf-8")
        dom = _chromium(["--window-size=320,900", "--virtual-time-budget=60000", "--dump-dom",
                         source.as_uri()], str(Path(tmp) / "profile-a"))
        found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
        result = json.loads(html.unescape(found.group(1))) if found else {"error": "axe did not report"}
        host = Path(tmp) / f"{name}-host.html"
        host.write_text(HOST.format(page=html.escape(page, quote=True), height=20000), encoding="utf-8")
        dom = _chromium(["--window-size=500,900", "--virtual-time-budget=20000", "--dump-dom", host.as_uri()],
                        str(Path(tmp) / "profile-b"))
        found = re.search(r'<pre id="reflow">(.*?)</pre>', dom, re.S)
        if found and "error" not in result:
            result.update(json.loads(html.unescape(found.group(1))))
        host.write_text(HOST.format(page=html.escape(page, quote=True), height=1800), encoding="utf-8")
        _chromium(["--window-size=500,1800", "--virtual-time-budget=5000",
                   f"--screenshot={out_dir / (name + '-320.png')}", host.as_uri()], str(Path(tmp) / "profile-c"))
    return result


def main() -> int:
    axe_path = os.environ.get("AXE")
    if not axe_path or not Path(axe_path).exists():
        print("Set AXE to the path of axe-core's axe.min.js (npm install axe-core)", file=sys.stderr)
        return 2
    axe = Path(axe_path).read_text(encoding="utf-8")
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="changemaker-a11y-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    worst = 0
    for name in catalog.example_names():
        for edition in ("public", "internal"):
            result = check(html_text(catalog.load_example(name), edition), f"{name}-{edition}", out_dir, axe)
            if "error" in result:
                print(f"{name} ({edition}): {result['error']}")
                worst = max(worst, 1)
                continue
            violations = result["violations"]
            print(f"{name} ({edition}): {len(violations)} axe violations; page {result['width']} px wide "
                  f"in a {result['viewport']} px viewport")
            for v in violations:
                print(f"    {v['id']} ({v['impact']}): {v['help']} — {', '.join(v['nodes'])}")
            worst = max(worst, len(violations), result["width"] > result["viewport"])
    print(f"screenshots and pages in {out_dir}")
    return 0 if worst == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
