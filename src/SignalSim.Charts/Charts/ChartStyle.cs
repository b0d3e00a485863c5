// The look shared by every chart: a sans font with accented glyphs, readable sizes, and for each
// mode, strategy and centre a colour AND a line pattern, marker or hatch, so that a chart printed
// in black and white still tells them apart. Colours are the Okabe–Ito palette (safe for colour
// blindness); signal states use the usual green, amber and red with distinct shapes.
using ScottPlot;
using ScottPlot.TickGenerators;
using SignalSim.Charts.Labels;

namespace SignalSim.Charts.Charts;

public static class ChartStyle
{
    /// <summary>DejaVu Sans covers French accents and typographic signs (« », −, →); the system sans font otherwise.</summary>
    public static string FontName { get; } =
        Fonts.GetTypeface("DejaVu Sans", bold: false, italic: false)?.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Sans;

    public static readonly Color Ink = Color.FromHex("#1A1A1A");
    public static readonly Color Green = Color.FromHex("#1E9E3A");
    public static readonly Color Amber = Color.FromHex("#F2B600");
    public static readonly Color Red = Color.FromHex("#C62828");

    private static readonly Color[] Palette =
        [Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
         Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000")];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
         MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.Cross, MarkerShape.OpenDiamond];
    // Eight markers against seven colours: the first 56 strategies each get their own pair.

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static Color StrategyColor(int index) => Palette[index % Palette.Length];
    public static MarkerShape StrategyMarker(int index) => Markers[index % Markers.Length];
    public static LinePattern StrategyPattern(int index) => Patterns[index % Patterns.Length];

    /// <summary>Fill pattern of a strategy's bars and boxes: none for the first, then stripes, dots, checks.</summary>
    public static IHatch? StrategyHatch(int index) => (index % 4) switch
    {
        0 => null,
        1 => new ScottPlot.Hatches.Striped(),
        2 => new ScottPlot.Hatches.Dots(),
        _ => new ScottPlot.Hatches.Checker(),
    };

    public static Color CentreColor(int index) => index % 2 == 0 ? Palette[0] : Palette[4];
    public static MarkerShape CentreMarker(int index) => index % 2 == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;

    public static Color ModeColor(string mode) => mode switch
    {
        "car" => Color.FromHex("#7A7A7A"),
        "bus" => Palette[1],
        "tram" => Palette[0],
        "cycle" => Palette[2],
        _ => Palette[3],
    };

    public static LinePattern ModePattern(string mode) => mode switch
    {
        "tram" => LinePattern.Dashed,
        "cycle" => LinePattern.Dotted,
        _ => LinePattern.Solid,
    };

    public static float ModeLineWidth(string mode) => mode is "bus" or "tram" ? 2.5f : 1f;

    public static MarkerShape ModeMarker(string mode) => mode switch
    {
        "bus" => MarkerShape.FilledTriangleUp,
        "tram" => MarkerShape.FilledDiamond,
        "cycle" => MarkerShape.OpenCircle,
        _ => MarkerShape.FilledCircle,
    };

    /// <summary>Modes in the order the files and tables use.</summary>
    public static int ModeOrder(string mode) => mode switch { "car" => 0, "bus" => 1, "tram" => 2, "cycle" => 3, _ => 4 };

    /// <summary>Font, sizes, grid and the language's number format on every axis.</summary>
    public static Plot NewPlot(ChartLabels labels, string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 17);
        plot.Axes.Title.Label.Bold = true;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 12;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = 14;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = 12;
        }
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = labels.Tick };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = labels.Tick };
        return plot;
    }

    /// <summary>Category ticks (modes, approaches) on an axis.</summary>
    public static NumericManual Categories(IEnumerable<(double Position, string Label)> ticks)
    {
        var manual = new NumericManual();
        foreach (var (position, label) in ticks) manual.AddMajor(position, label);
        return manual;
    }

    public static LegendItem LineItem(string label, Color color, float width, LinePattern pattern, MarkerShape marker = MarkerShape.None, float markerSize = 8) => new()
    {
        LabelText = label,
        LineStyle = new LineStyle(width, color, pattern),
        MarkerStyle = marker == MarkerShape.None ? MarkerStyle.None : new MarkerStyle(marker, markerSize, color),
    };

    public static LegendItem FillItem(string label, Color fill, IHatch? hatch = null, Color? hatchColor = null, Color? outline = null) => new()
    {
        LabelText = label,
        FillStyle = new FillStyle { Color = fill, Hatch = hatch, HatchColor = hatchColor ?? Ink },
        OutlineStyle = new LineStyle(1, outline ?? Ink),
    };

    public static LegendItem MarkerItem(string label, MarkerShape marker, Color color, float size = 10) => new()
    {
        LabelText = label,
        MarkerStyle = new MarkerStyle(marker, size, color),
    };
}
