// Maps JSON paths ($.links[3].length_m) to the line and column where their value starts, so that
// semantic errors found after deserialisation can still point at the right place in the file.
// Only byte offsets are kept while reading; line and column are worked out for the few paths
// that are reported, so building the index stays linear in the file size even when the whole
// file is one line.
using System.Text;
using System.Text.Json;

namespace SignalSim.Core.Scenario;

public sealed class JsonLocationIndex
{
    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);
    private readonly int[] _lineStartBytes;
    private readonly byte[] _utf8;

    private JsonLocationIndex(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = utf8.AsSpan().IndexOf((byte)'\n'); i >= 0;)
        {
            starts.Add(i + 1);
            var next = utf8.AsSpan(i + 1).IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        _lineStartBytes = starts.ToArray();
    }

    /// <summary>A field given twice in one object: where each occurrence's name starts.</summary>
    public sealed record DuplicateKey(string ObjectPath, string Name, int FirstOffset, int SecondOffset);

    /// <summary>Fields given twice in one object, in file order; System.Text.Json would silently keep the last.</summary>
    public IReadOnlyList<DuplicateKey> Duplicates => _duplicates;

    private readonly List<DuplicateKey> _duplicates = [];

    /// <summary>
    /// The file with every comment blanked out byte for byte (offsets, lines and multi-byte
    /// characters outside comments unchanged): what the reader and the deserializer parse, so a
    /// comment is accepted wherever whitespace is, e.g. between a key and its colon.
    /// </summary>
    public byte[] Parseable { get; private set; } = [];

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public Dictionary<string, int>? Keys { get; set; }
    }

    /// <summary>Builds the index; the text must be syntactically valid JSON (comments allowed).</summary>
    public static JsonLocationIndex Build(byte[] utf8, CancellationToken cancellation = default)
    {
        var index = new JsonLocationIndex(utf8) { Parseable = JsonComments.Blank(utf8) };
        var reader = new Utf8JsonReader(index.Parseable, ScenarioJson.ReaderOptions);
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        var tokens = 0;
        while (reader.Read())
        {
            if ((++tokens & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString() ?? "";
                    var frame = stack.Peek();
                    frame.Keys ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (!frame.Keys.TryAdd(pendingProperty, start))
                        index._duplicates.Add(new DuplicateKey(frame.Path, pendingProperty, frame.Keys[pendingProperty], start));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    var path = ValuePath(stack, ref pendingProperty);
                    index._offsets.TryAdd(path, start);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    }
                    break;
            }
        }
        return index;
    }

    private static string ValuePath(Stack<Frame> stack, ref string? pendingProperty)
    {
        if (stack.Count == 0) return "$";
        var top = stack.Peek();
        if (top.IsArray) return $"{top.Path}[{top.NextIndex++}]";
        var path = Child(top.Path, pendingProperty ?? "");
        pendingProperty = null;
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
            if (_offsets.TryGetValue(p, out var offset)) return LineColumn(offset);
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0) return (0, 0);
            p = p[..cut];
        }
    }
}
