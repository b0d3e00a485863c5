// Mutations of scenario files for the fuzz tests: structural ones on the JSON tree (deleted
// fields, swapped types, extreme numbers, emptied or repeated lists, misspelt keys) and textual
// ones on the bytes (truncation, garbage, duplicate keys, comments, deep nesting, flipped bytes).
// Deterministic: the same seed gives the same inputs on every machine.
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalSim.Tests.Robustness;

internal sealed partial class ScenarioFuzzer(string text, int seed)
{
    private const string NumberPlaceholder = "\u0001number\u0001";

    private static readonly string[] ExtremeNumbers =
    [
        "0", "-0", "-1", "1e400", "-1e400", "1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "1e-320", "0.0001",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "123456789012345678901234567890", "1.5",
        "2147483648", "-2147483649", "86400", "604801", "1e15", "0.0005", "3.0000001",
    ];

    private readonly Random _random = new(seed);
    private readonly JsonNode _tree = JsonNode.Parse(text, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    /// <summary>One mutated input and a short description of what was done.</summary>
    public (string Text, string What) Next()
    {
        var kind = _random.Next(14);
        return kind switch
        {
            < 8 => Structural(),
            8 => Truncate(),
            9 => Garbage(),
            10 => DuplicateKey(),
            11 => Comment(),
            12 => DeepNesting(),
            _ => FlipByte(),
        };
    }

    private (string, string) Structural()
    {
        var tree = _tree.DeepClone();
        var mutations = 1 + _random.Next(3);
        var what = new List<string>();
        for (var m = 0; m < mutations; m++) what.Add(MutateOnce(tree));
        var json = tree.ToJsonString();
        // A number that a JSON tree cannot hold (1e400) goes in as text.
        while (json.Contains($"\"{NumberPlaceholder}\"", StringComparison.Ordinal))
        {
            var at = json.IndexOf($"\"{NumberPlaceholder}\"", StringComparison.Ordinal);
            json = json[..at] + ExtremeNumbers[_random.Next(ExtremeNumbers.Length)] + json[(at + NumberPlaceholder.Length + 2)..];
        }
        return (_random.Next(2) == 0 ? Reindent(json) : json, string.Join("; ", what));
    }

    private string MutateOnce(JsonNode tree)
    {
        var nodes = new List<(JsonNode? Node, JsonNode Parent, string? Key, int Index)>();
        Collect(tree, nodes);
        if (nodes.Count == 0) return "nothing";
        var (node, parent, key, index) = nodes[_random.Next(nodes.Count)];
        var where = node?.GetPath() ?? parent.GetPath() + (key is null ? $"[{index}]" : $".{key}");
        switch (_random.Next(7))
        {
            case 0:
                Remove(parent, key, index);
                return $"deleted {where}";
            case 1:
                Replace(parent, key, index, OtherType());
                return $"type swap at {where}";
            case 2 when node is JsonValue:
                Replace(parent, key, index, JsonValue.Create(NumberPlaceholder));
                return $"extreme number at {where}";
            case 3 when node is JsonArray array:
                if (array.Count > 0 && _random.Next(2) == 0) array.Add(array[_random.Next(array.Count)]?.DeepClone());
                else array.Clear();
                return $"list changed at {where}";
            case 4 when parent is JsonObject obj && key is not null:
                var value = obj[key]?.DeepClone();
                obj.Remove(key);
                obj[key + (_random.Next(2) == 0 ? "x" : "_s")] = value;
                return $"misspelt key {where}";
            case 5 when node is JsonValue v && v.TryGetValue<string>(out _):
                Replace(parent, key, index, JsonValue.Create(_random.Next(3) switch { 0 => "", 1 => new string('é', 5000), _ => "nonexistent-id" }));
                return $"string changed at {where}";
            default:
                Replace(parent, key, index, JsonValue.Create(NumberPlaceholder));
                return $"number at {where}";
        }
    }

    private JsonNode? OtherType() => _random.Next(7) switch
    {
        0 => JsonValue.Create("text"),
        1 => JsonValue.Create(1),
        2 => JsonValue.Create(true),
        3 => null,
        4 => new JsonArray(),
        5 => new JsonObject(),
        _ => new JsonArray(new JsonObject { ["id"] = "x" }),
    };

    private static void Collect(JsonNode? node, List<(JsonNode?, JsonNode, string?, int)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (k, v) in obj)
                {
                    into.Add((v, obj, k, -1));
                    Collect(v, into);
                }
                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    into.Add((arr[i], arr, null, i));
                    Collect(arr[i], into);
                }
                break;
        }
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj && key is not null) obj.Remove(key);
        else if (parent is JsonArray arr) arr.RemoveAt(index);
    }

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj && key is not null) obj[key] = value;
        else if (parent is JsonArray arr) arr[index] = value;
    }

    private (string, string) Truncate()
    {
        var at = _random.Next(text.Length);
        return (text[..at], $"truncated at {at}");
    }

    private (string, string) Garbage()
    {
        var at = _random.Next(text.Length);
        var junk = _random.Next(4) switch
        {
            0 => "\u0000\u0001\u00ff",
            1 => "}}]]",
            2 => "@#$%^&*",
            _ => "\"\\u12",
        };
        return (text[..at] + junk + text[at..], $"garbage at {at}");
    }

    private (string, string) DuplicateKey()
    {
        var keys = KeyPattern().Matches(text);
        var m = keys[_random.Next(keys.Count)];
        var copy = _random.Next(2) == 0 ? $"\"{m.Groups[1].Value}\": 0, " : $"\"{m.Groups[1].Value}\": \"dup\", ";
        // Before a key inside the same object, or after the key's value would need a parser; the
        // copy goes right before the original key, so it is in the same object.
        return (text[..m.Index] + copy + text[m.Index..], $"duplicate key {m.Groups[1].Value} at {m.Index}");
    }

    private (string, string) Comment()
    {
        var keys = KeyPattern().Matches(text);
        var m = keys[_random.Next(keys.Count)];
        var at = m.Index + m.Groups[1].Length + 2; // right after the key's closing quote
        var comment = _random.Next(2) == 0 ? " /* c */ " : " // c\n";
        return (text[..at] + comment + text[at..], $"comment after key {m.Groups[1].Value}");
    }

    private (string, string) DeepNesting()
    {
        var depth = 100 + _random.Next(5000);
        var at = text.IndexOf("\"description\":", StringComparison.Ordinal);
        if (at < 0) return Truncate();
        at += "\"description\":".Length;
        var end = text.IndexOf(',', at);
        var nested = new StringBuilder().Append('[', depth).Append(']', depth).ToString();
        return (text[..at] + nested + text[end..], $"nesting {depth} deep");
    }

    private (string, string) FlipByte()
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = _random.Next(bytes.Length);
        bytes[at] ^= (byte)(1 << _random.Next(8));
        return (Encoding.UTF8.GetString(bytes), $"flipped byte {at}");
    }

    /// <summary>The same JSON with line breaks, so that locations on many lines are exercised too.</summary>
    private static string Reindent(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex("\"([a-z_$][a-z0-9_]*)\"\\s*:")]
    private static partial Regex KeyPattern();
}
