// Small helpers for the SUMO files: invariant-culture numbers with a fixed number of decimals,
// UTF-8 without byte-order mark, LF line endings, so the same scenario always gives the same bytes.
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SignalSim.Analysis.Interop.Sumo;

internal static class SumoXml
{
    /// <summary>Metres, seconds and speeds with two decimals (SUMO reads doubles).</summary>
    public static string Num(double value)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Rates and probabilities that need more precision than two decimals.</summary>
    public static string Precise(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Save(XElement root, string path)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "    ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var writer = XmlWriter.Create(path, settings);
        new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
    }

    public static XElement Root(string name, string schema) =>
        new(name,
            new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            new XAttribute(XName.Get("noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance"), $"http://sumo.dlr.de/xsd/{schema}"));
}
