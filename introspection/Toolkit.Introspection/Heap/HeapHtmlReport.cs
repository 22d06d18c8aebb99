using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// One self-contained HTML page of a heap for people who would rather look than read: a treemap
/// of the top dominators (SVG, no library), a sortable type table, the inspections, the
/// generations with their free space, and the paths from the roots of each listed object, shown
/// on click. Data is embedded as JSON; the page needs no network. Costs the dominator tree and
/// a path search per listed object (<see cref="MaxPathsObjects"/>).
/// </summary>
public static class HeapHtmlReport
{
    /// <summary>Objects whose paths the page carries: the top dominators, then the biggest instance of each listed type.</summary>
    public const int MaxPathsObjects = 60;

    public static string Render(HeapGraph graph, string title, int top = 30)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var summary = HeapQueries.Summarize(graph);
        var dominators = HeapQueries.Dominators(graph, top);
        var inspections = HeapInspector.Inspect(graph, new HeapInspectOptions { MaxFindings = top });
        var objects = new List<object>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Add(string address)
        {
            if (index.TryGetValue(address, out int at) || objects.Count >= MaxPathsObjects)
            {
                return at;
            }
            ulong a = ulong.Parse(address.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var paths = HeapQueries.Paths(graph, a, 3).Paths.Select(p => new
            {
                root = p.RootKind + (p.RootName.Length == 0 ? "" : " " + p.RootName),
                steps = p.Steps.Select(s => (s.ViaField is null ? "" : "." + s.ViaField + " → ") + s.Address + " " + s.Type).ToArray(),
            }).ToArray();
            objects.Add(new { address, paths });
            index[address] = objects.Count - 1;
            return objects.Count - 1;
        }
        var cells = Frontier(graph, top).Select(c => new { address = HeapFormat.Address(graph.Address(c.Id)), type = c.Label, retained = graph.Dominators().RetainedSize(c.Id), c.Id })
            .Select(c => new { c.address, c.type, c.retained, paths = Add(c.address) }).ToArray();
        var types = summary.Rows.Take(Math.Max(top, 100)).Select(r =>
        {
            var listing = HeapQueries.ObjectsOfType(graph, r.Kind, 1);
            string? example = listing.Objects.Count > 0 ? listing.Objects[0].Address : null;
            return new { type = r.Kind, count = r.Count, bytes = r.Size, max = r.Max, example, paths = example is null ? -1 : Add(example) };
        }).ToArray();
        var data = new
        {
            title,
            header = $"{graph.Header.Source}, .NET {graph.Header.RuntimeVersion}, captured {graph.Header.CapturedUtc:yyyy-MM-dd HH:mm} UTC",
            totals = $"{summary.Objects:N0} objects, {summary.Bytes:N0} bytes, {summary.TypeCount:N0} types; reachable {dominators.ReachableBytes:N0} bytes",
            unreachable = graph.Unreachable.Objects > 0 ? graph.Unreachable.ToText() : "",
            cells,
            types,
            findings = inspections.Findings.Select(f => new { f.Kind, f.Optimization, f.Subject, f.Objects, wasted = f.WastedBytes, f.Detail }).ToArray(),
            generations = summary.Generations.Select(g => new { g.Generation, g.Objects, g.Bytes, g.FreeBytes, fragmentation = Math.Round(g.FragmentationPercent, 1) }).ToArray(),
            objects,
        };
        string json = JsonSerializer.Serialize(data, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        return Page(title, json, Treemap(cells.Select(c => (c.address, c.type, c.retained, c.paths)).ToArray()));
    }

    /// <summary>The treemap's cells: start from the objects only the roots dominate and, while the biggest cell holds more than half
    /// of the whole and its biggest dominated objects still show most of it, show those instead (labelled with its chain), so one
    /// object that retains everything (a program's root object) does not fill the map.</summary>
    private static List<(int Id, string Label)> Frontier(HeapGraph graph, int top)
    {
        var tree = graph.Dominators(withTree: true);
        var dominated = tree.Tree();
        var cells = dominated.Of(graph.ObjectCount).ToArray().Select(id => (Id: id, Label: Short(graph, id))).ToList();
        long total = Math.Max(1, cells.Sum(c => tree.RetainedSize(c.Id)));
        for (int depth = 0; depth < 8 && cells.Count > 0; depth++)
        {
            var biggest = cells.MaxBy(c => tree.RetainedSize(c.Id));
            var below = dominated.Of(biggest.Id).ToArray().OrderByDescending(tree.RetainedSize).Take(top).ToArray();
            long shown = below.Sum(tree.RetainedSize);
            // Expand only a cell that fills half the map and whose biggest children still show at least half of it.
            if (tree.RetainedSize(biggest.Id) * 2 < total || below.Length == 0 || shown * 2 < tree.RetainedSize(biggest.Id))
            {
                break;
            }
            cells.Remove(biggest);
            cells.AddRange(below.Select(id => (id, biggest.Label + " › " + Short(graph, id))));
        }
        return cells.OrderByDescending(c => tree.RetainedSize(c.Id)).Take(top).ToList();
    }

    private static string Short(HeapGraph graph, int id)
    {
        string name = graph.TypeOf(id).Name;
        string module = graph.TypeNameOf(id)[name.Length..]; // " [Module]" where another module's type has the name, else empty
        int generic = name.IndexOf('<', StringComparison.Ordinal);
        string head = generic < 0 ? name : name[..generic];
        return head[(head.LastIndexOf('.') + 1)..] + (generic < 0 ? "" : name[generic..].Length > 40 ? "<…>" : name[generic..].Replace("System.", "", StringComparison.Ordinal)) + module;
    }

    /// <summary>A slice-and-dice treemap of the top dominators: each cell's area is its retained size, each a link to its paths.</summary>
    private static string Treemap(IReadOnlyList<(string Address, string Type, long Retained, int Paths)> cells)
    {
        const double Width = 960;
        const double Height = 360;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"treemap\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">");
        double total = Math.Max(1, cells.Sum(c => (double)c.Retained));
        double x = 0;
        double y = 0;
        double w = Width;
        double h = Height;
        double left = total;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            double share = left <= 0 ? 0 : c.Retained / left;
            bool horizontal = w >= h;
            double cw = horizontal ? w * share : w;
            double ch = horizontal ? h : h * share;
            string label = System.Net.WebUtility.HtmlEncode(c.Type.Split(" › ")[^1]);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cell\" data-object=\"{c.Paths}\"><rect x=\"{x:F1}\" y=\"{y:F1}\" width=\"{cw:F1}\" height=\"{ch:F1}\" fill=\"hsl({i * 47 % 360},55%,70%)\" stroke=\"#fff\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{System.Net.WebUtility.HtmlEncode(c.Type)} {c.Address}: {c.Retained:N0} B retained</title>");
            if (cw > 60 && ch > 14)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:F1}\" y=\"{y + 13:F1}\" font-size=\"11\">{label}</text>");
            }
            svg.Append("</g>");
            if (horizontal)
            {
                x += cw;
                w -= cw;
            }
            else
            {
                y += ch;
                h -= ch;
            }
            left -= c.Retained;
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Page(string title, string json, string treemap) => $$"""
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em;color:#222} h1{font-size:1.3em} h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse} th,td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right} td:last-child,th:last-child{text-align:left}
th{cursor:pointer;background:#f4f4f4} tr.pick{cursor:pointer} tr.pick:hover{background:#eef} .cell{cursor:pointer}
#paths{background:#fafafa;border:1px solid #ccc;padding:.5em 1em;white-space:pre;font-family:monospace;min-height:2em}
</style></head><body>
<h1 id="title"></h1><p id="header"></p><p id="totals"></p><p id="unreachable"></p>
<h2>Top dominators (area = retained bytes; click for paths from the roots)</h2>
{{treemap}}
<h2>Paths from the roots</h2><div id="paths">click a cell or a type</div>
<h2>Types</h2><table id="types"><thead><tr><th data-key="count">Count</th><th data-key="bytes">Bytes</th><th data-key="max">Max</th><th data-key="type">Type</th></tr></thead><tbody></tbody></table>
<h2>Inspections</h2><table id="findings"><thead><tr><th>Saves</th><th>Objects</th><th>Kind</th><th>Fix</th><th>Where</th></tr></thead><tbody></tbody></table>
<h2>Generations</h2><table id="generations"><thead><tr><th>Objects</th><th>Bytes</th><th>Free</th><th>Frag %</th><th>Generation</th></tr></thead><tbody></tbody></table>
<script id="data" type="application/json">{{json}}</script>
<script>
const data = JSON.parse(document.getElementById('data').textContent);
const text = (id, value) => document.getElementById(id).textContent = value;
text('title', data.title); text('header', data.header); text('totals', data.totals); text('unreachable', data.unreachable);
const fmt = n => Number(n).toLocaleString('en');
function row(tbody, cells, pick) {
  const tr = document.createElement('tr');
  for (const c of cells) { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); }
  if (pick !== undefined && pick >= 0) { tr.className = 'pick'; tr.onclick = () => showPaths(pick); }
  tbody.appendChild(tr);
}
function showPaths(i) {
  const o = data.objects[i];
  if (!o) return;
  let out = o.address + ': ' + o.paths.length + ' path(s)\n';
  o.paths.forEach((p, k) => { out += 'path ' + (k + 1) + ', root ' + p.root + ':\n' + p.steps.map(s => '  ' + s).join('\n') + '\n'; });
  if (o.paths.length === 0) out += '  no root reaches it\n';
  text('paths', out);
}
let sortKey = 'bytes', descending = true;
function drawTypes() {
  const tbody = document.querySelector('#types tbody'); tbody.innerHTML = '';
  const rows = [...data.types].sort((a, b) => { const x = a[sortKey], y = b[sortKey]; const c = typeof x === 'string' ? x.localeCompare(y) : x - y; return descending ? -c : c; });
  for (const t of rows) row(tbody, [fmt(t.count), fmt(t.bytes), fmt(t.max), t.type], t.paths);
}
document.querySelectorAll('#types th').forEach(th => th.onclick = () => { const k = th.dataset.key; descending = sortKey === k ? !descending : true; sortKey = k; drawTypes(); });
document.querySelectorAll('.cell').forEach(g => g.addEventListener('click', () => showPaths(Number(g.dataset.object))));
for (const f of data.findings) row(document.querySelector('#findings tbody'), [fmt(f.wasted), fmt(f.objects), f.kind, f.optimization, f.subject + ' (' + f.detail + ')']);
for (const g of data.generations) row(document.querySelector('#generations tbody'), [fmt(g.objects), fmt(g.bytes), fmt(g.freeBytes), g.fragmentation, g.generation]);
const hash = new URLSearchParams(location.hash.slice(1));
if (hash.has('sort')) { sortKey = hash.get('sort'); }
drawTypes();
if (hash.has('object')) showPaths(Number(hash.get('object')));
</script></body></html>
""";
}
