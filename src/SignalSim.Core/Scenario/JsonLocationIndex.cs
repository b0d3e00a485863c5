// Maps JSON paths ($.links[3].length_m) to the line and column where their value starts, so that
// semantic errors found after deserialisation can still point at the right place in the file.
using System.Text;
using System.Text.Json;

namespace SignalSim.Core.Scenario;

public sealed class JsonLocationIndex
{
    private readonly Dictionary<string, (int Line, int Column)> _locations = new(StringComparer.Ordinal);
    private readonly int[] _lineStartBytes;
    private readonly byte[] _utf8;

    private JsonLocationIndex(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        }
        _lineStartBytes = starts.ToArray();
    }

    /// <summary>Builds the index; the text must be syntactically valid JSON (comments allowed).</summary>
    public static JsonLocationIndex Build(byte[] utf8)
    {
        var index = new JsonLocationIndex(utf8);
        var reader = new Utf8JsonReader(utf8, ScenarioJson.ReaderOptions);
        // Each frame: the path of the container, and for arrays the next element index.
        var stack = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    var path = index.ValuePath(stack, ref pendingProperty);
                    index._locations.TryAdd(path, index.LineColumn(start));
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    }
                    break;
            }
        }
        return index;
    }

    private string ValuePath(Stack<(string Path, bool IsArray, int NextIndex)> stack, ref string? pendingProperty)
    {
        if (stack.Count == 0) return "$";
        var top = stack.Pop();
        string path;
        if (top.IsArray)
        {
            path = $"{top.Path}[{top.NextIndex}]";
            top.NextIndex++;
        }
        else
        {
            path = Child(top.Path, pendingProperty ?? "");
            pendingProperty = null;
        }
        stack.Push(top);
        return path;
    }

    /// <summary>The path of a named child, in the same form System.Text.Json reports.</summary>
    public static string Child(string parent, string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_') return $"{parent}['{name}']";
        }
        return $"{parent}.{name}";
    }

    public (int Line, int Column) LineColumn(int byteOffset)
    {
        var line = Array.BinarySearch(_lineStartBytes, byteOffset);
        if (line < 0) line = ~line - 1;
        var lineStart = _lineStartBytes[line];
        var column = Encoding.UTF8.GetCharCount(_utf8, lineStart, byteOffset - lineStart) + 1;
        return (line + 1, column);
    }

    /// <summary>Location of the path, or of its nearest ancestor that appears in the file.</summary>
    public (int Line, int Column) Locate(string path)
    {
        var p = path;
        while (true)
        {
            if (_locations.TryGetValue(p, out var loc)) return loc;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0) return (0, 0);
            p = p[..cut];
        }
    }
}
