// SVG export that keeps the black-and-white cues. SkiaSharp's SVG backend drops path effects
// (dashed and dotted lines come out solid, with a warning on stderr) and shader fills (hatches
// vanish). So, for the SVG pass only, every dashed line and hatched fill is tagged with a
// reserved alpha value and drawn plain; the SVG text is then rewritten, turning the tagged
// strokes into stroke-dasharray and the tagged fills into SVG patterns. Styles are restored
// afterwards, so the same plot still renders normally. SkiaSharp numbers clip paths from one
// process-wide counter (cl_HEX), so a chart's ids would depend on how many charts were drawn
// before it and in what order the parallel workers ran; they are renumbered per file, in order of
// appearance, so that the same chart always gives the same bytes.
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace SignalSim.Charts.Charts;

internal static partial class SvgExport
{
    private const int DashCodeBase = 251;   // 251..253: dashed, densely dashed, dotted
    private const int HatchCodeBase = 231;  // 231..250: one per (hatch kind, hatch colour, fill alpha); no chart uses these alphas
    private const int HatchCodeCount = 20;

    public static void Save(Plot plot, string path, int width, int height)
    {
        var lines = new List<(LineStyle Style, LinePattern Pattern, Color Color)>();
        var fills = new List<(FillStyle Style, IHatch Hatch, Color Color)>();
        var hatches = new List<(string Kind, Color HatchColor, byte FillAlpha)>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var owner in Owners(plot))
        {
            foreach (var style in StylesOf(owner))
            {
                if (!seen.Add(style)) continue;
                if (style is LineStyle line && line.Pattern.Name != LinePattern.Solid.Name && line.Color.Alpha == 255)
                {
                    lines.Add((line, line.Pattern, line.Color));
                    line.Color = line.Color.WithAlpha((byte)(DashCodeBase + DashIndex(line.Pattern)));
                    line.Pattern = LinePattern.Solid;
                }
                else if (style is FillStyle fill && fill.Hatch is { } hatch)
                {
                    var kind = hatch.GetType().Name;
                    var index = hatches.IndexOf((kind, fill.HatchColor, fill.Color.Alpha));
                    if (index < 0)
                    {
                        if (hatches.Count == HatchCodeCount) continue; // more patterns than codes: this one stays plain
                        hatches.Add((kind, fill.HatchColor, fill.Color.Alpha));
                        index = hatches.Count - 1;
                    }
                    fills.Add((fill, hatch, fill.Color));
                    fill.Hatch = null;
                    fill.Color = fill.Color.WithAlpha((byte)(HatchCodeBase + index));
                }
            }
        }
        string svg;
        try
        {
            svg = plot.GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (style, pattern, color) in lines)
            {
                style.Pattern = pattern;
                style.Color = color;
            }
            foreach (var (style, hatch, color) in fills)
            {
                style.Hatch = hatch;
                style.Color = color;
            }
        }
        File.WriteAllText(path, Rewrite(svg, hatches), new UTF8Encoding(false));
    }

    private static int DashIndex(LinePattern pattern) =>
        pattern.Name == LinePattern.Dashed.Name ? 0 : pattern.Name == LinePattern.DenselyDashed.Name ? 1 : 2;

    private static string Rewrite(string svg, List<(string Kind, Color HatchColor, byte FillAlpha)> hatches)
    {
        svg = RenumberClipIds(svg);
        svg = TaggedStroke().Replace(svg, m =>
        {
            var code = Code(m.Groups["opacity"].Value);
            if (code is < DashCodeBase or > DashCodeBase + 2) return m.Value;
            var width = double.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture);
            var unit = Math.Max(1, width / 1.5);
            var dash = (code - DashCodeBase) switch { 0 => $"{8 * unit:0.#} {5 * unit:0.#}", 1 => $"{4 * unit:0.#} {2.5 * unit:0.#}", _ => $"{1.2 * unit:0.#} {3 * unit:0.#}" };
            return m.Value.Replace(m.Groups["attr"].Value, $"stroke-dasharray=\"{dash}\"", StringComparison.Ordinal);
        });
        var defs = new StringBuilder();
        var made = new Dictionary<(int, string), string>();
        svg = TaggedFill().Replace(svg, m =>
        {
            var index = Code(m.Groups["opacity"].Value) - HatchCodeBase;
            if (index < 0 || index >= hatches.Count) return m.Value;
            var background = m.Groups["color"].Value;
            if (!made.TryGetValue((index, background), out var id))
            {
                id = $"hatch{made.Count}";
                made[(index, background)] = id;
                defs.Append(Pattern(id, hatches[index].Kind, background, hatches[index].FillAlpha, hatches[index].HatchColor));
            }
            return $"fill=\"url(#{id})\"";
        });
        if (defs.Length == 0) return svg;
        var start = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal)) + 1;
        return svg[..start] + "\n<defs>" + defs + "</defs>" + svg[start..];
    }

    /// <summary>The SVG with its clip-path ids (cl_HEX, as definitions and as references) replaced by cl_1, cl_2, ... in order of first appearance.</summary>
    internal static string RenumberClipIds(string svg)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var n)) ids[m.Value] = n = ids.Count + 1;
            return "cl_" + n.ToString(CultureInfo.InvariantCulture);
        });
    }

    [GeneratedRegex("(?<=id=\"|url\\(#)cl_[0-9a-f]+")]
    private static partial Regex ClipId();

    private static string Pattern(string id, string kind, string background, byte backgroundAlpha, Color hatch)
    {
        var backgroundOpacity = (backgroundAlpha / 255.0).ToString("0.##", CultureInfo.InvariantCulture);
        var ink = $"#{hatch.Red:X2}{hatch.Green:X2}{hatch.Blue:X2}";
        var opacity = (hatch.Alpha / 255.0).ToString("0.##", CultureInfo.InvariantCulture);
        var motif = kind switch
        {
            "Striped" => $"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"{ink}\" stroke-opacity=\"{opacity}\" stroke-width=\"3\"/>",
            "Dots" => $"<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"{ink}\" fill-opacity=\"{opacity}\"/>",
            _ => $"<rect width=\"4\" height=\"4\" fill=\"{ink}\" fill-opacity=\"{opacity}\"/><rect x=\"4\" y=\"4\" width=\"4\" height=\"4\" fill=\"{ink}\" fill-opacity=\"{opacity}\"/>",
        };
        var rotate = kind == "Striped" ? " patternTransform=\"rotate(45)\"" : "";
        return $"<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"{rotate}><rect width=\"8\" height=\"8\" fill=\"{background}\" fill-opacity=\"{backgroundOpacity}\"/>{motif}</pattern>";
    }

    private static int Code(string opacity) =>
        (int)Math.Round(double.Parse(opacity, CultureInfo.InvariantCulture) * 255);

    /// <summary>Plottables, boxes and bars inside them, and the legend's own items: everything that owns styles.</summary>
    private static IEnumerable<object> Owners(Plot plot)
    {
        foreach (var plottable in plot.GetPlottables())
        {
            yield return plottable;
            if (plottable is ScottPlot.Plottables.BoxPlot boxes) foreach (var b in boxes.Boxes) yield return b;
            if (plottable is ScottPlot.Plottables.BarPlot bars) foreach (var b in bars.Bars) yield return b;
            foreach (var item in plottable.LegendItems) yield return item;
        }
        foreach (var item in plot.Legend.ManualItems) yield return item;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "The native executable keeps the chart library whole (TrimmerRootAssembly ScottPlot in the native publish profile), so every public property of its plottables is there.")]
    private static IEnumerable<object> StylesOf(object owner)
    {
        foreach (var p in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || !p.CanRead) continue;
            if (p.PropertyType != typeof(LineStyle) && p.PropertyType != typeof(FillStyle)) continue;
            if (p.GetCustomAttribute<ObsoleteAttribute>() is not null) continue;
            if (p.GetValue(owner) is { } style) yield return style;
        }
    }

    [GeneratedRegex("<[^>]*?stroke-width=\"(?<width>[0-9.]+)\"[^>]*?(?<attr>stroke-opacity=\"(?<opacity>[0-9.]+)\")")]
    private static partial Regex TaggedStroke();

    [GeneratedRegex("fill=\"(?<color>[^\"]+)\" fill-opacity=\"(?<opacity>[0-9.]+)\"")]
    private static partial Regex TaggedFill();
}
