// The one generic check of every number in a scenario against the PhysicalRange declared on its
// property (lists of numbers element by element), run before any other check so that no later
// check, model building or tick arithmetic ever sees an absurd, infinite or NaN value. Also lists
// every numeric field with its range, for the README's scenario reference and for the test that
// no numeric field lacks a range. The same walk refuses null entries in lists and maps (JSON's
// `[null]`), which System.Text.Json lets through even where the element type is not nullable.
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace SignalSim.Core.Scenario;

/// <summary>A numeric field of the format: where it first appears, and its declared range (null when missing).</summary>
public sealed record RangedField(string Path, Type DeclaringType, string PropertyName, Type ValueType, PhysicalRangeAttribute? Range);

public static class ScenarioRanges
{
    private enum Shape { Number, NumberList, NumberMap, Record, RecordList, RecordMap, TextList, TextMap, Other }

    private sealed record Member(string JsonName, Func<object, object?> Get, Shape Shape, Type ValueType, PhysicalRangeAttribute? Range, PropertyInfo? Property);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>One error per number outside its range, located by JSON path.</summary>
    public static IReadOnlyList<ScenarioDiagnostic> Check(ScenarioFile scenario)
    {
        var errors = new List<ScenarioDiagnostic>();
        CheckRecord(scenario, "$", errors);
        return errors;
    }

    private static void CheckRecord(object record, string path, List<ScenarioDiagnostic> errors)
    {
        foreach (var m in MembersOf(record.GetType()))
        {
            var value = m.Get(record);
            if (value is null) continue;
            var p = JsonLocationIndex.Child(path, m.JsonName);
            switch (m.Shape)
            {
                case Shape.Number:
                    CheckNumber(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), m, p, errors);
                    break;
                case Shape.NumberList:
                    var k = 0;
                    foreach (var item in (IEnumerable)value)
                        CheckNumber(Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture), m, $"{p}[{k++}]", errors);
                    break;
                case Shape.NumberMap:
                    foreach (var (key, item) in Entries(value))
                    {
                        CheckNumber(Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture), m, JsonLocationIndex.Child(p, key), errors);
                    }
                    break;
                case Shape.Record:
                    CheckRecord(value, p, errors);
                    break;
                case Shape.RecordList or Shape.TextList:
                    var i = 0;
                    foreach (var item in (IEnumerable)value)
                    {
                        if (item is null) NullEntry($"{p}[{i}]", m, errors);
                        else if (m.Shape == Shape.RecordList) CheckRecord(item, $"{p}[{i}]", errors);
                        i++;
                    }
                    break;
                case Shape.RecordMap or Shape.TextMap:
                    foreach (var (key, item) in Entries(value))
                    {
                        if (item is null) NullEntry(JsonLocationIndex.Child(p, key), m, errors);
                        else if (m.Shape == Shape.RecordMap) CheckRecord(item, JsonLocationIndex.Child(p, key), errors);
                    }
                    break;
            }
        }
    }

    private static void CheckNumber(double value, Member m, string path, List<ScenarioDiagnostic> errors)
    {
        if (m.Range is not { } range || range.Contains(value)) return;
        var unit = range.Unit.Length == 0 || double.IsInfinity(value) ? "" : " " + range.Unit;
        var what = double.IsInfinity(value) ? "a number too large to be read (infinite)" : PhysicalRangeAttribute.Number(value) + unit;
        var why = range.Why is null ? "" : $" ({range.Why})";
        errors.Add(new ScenarioDiagnostic(DiagnosticSeverity.Error, path,
            $"{m.JsonName} is {what}; it must be {range.Describe()}{why}"));
    }

    private static void NullEntry(string path, Member m, List<ScenarioDiagnostic> errors) =>
        errors.Add(new ScenarioDiagnostic(DiagnosticSeverity.Error, path,
            $"null is not allowed as an entry of {m.JsonName}; remove the entry or give a value"));

    /// <summary>The entries of a map of the format, keyed by text; every dictionary type the loader or code builds is also a non-generic IDictionary.</summary>
    private static IEnumerable<(string Key, object? Value)> Entries(object map)
    {
        if (map is not IDictionary dictionary) throw new InvalidOperationException($"a scenario map of type {map.GetType().Name} is not a dictionary");
        foreach (DictionaryEntry entry in dictionary) yield return ((string)entry.Key, entry.Value);
    }

    /// <summary>Every numeric field of the format at its first appearance (a record type met again, e.g. in strategies, is not repeated).</summary>
    public static IReadOnlyList<RangedField> Fields()
    {
        var result = new List<RangedField>();
        var seen = new HashSet<Type>();
        Collect(typeof(ScenarioFile), "", seen, result);
        return result;
    }

    private static void Collect(Type type, string path, HashSet<Type> seen, List<RangedField> result)
    {
        if (!seen.Add(type)) return;
        foreach (var m in MembersOf(type))
        {
            var p = path.Length == 0 ? m.JsonName : $"{path}.{m.JsonName}";
            switch (m.Shape)
            {
                case Shape.Number:
                    result.Add(new RangedField(p, type, m.Property?.Name ?? m.JsonName, m.ValueType, m.Range));
                    break;
                case Shape.NumberList:
                    result.Add(new RangedField(p + "[]", type, m.Property?.Name ?? m.JsonName, m.ValueType, m.Range));
                    break;
                case Shape.NumberMap:
                    result.Add(new RangedField(p + ".*", type, m.Property?.Name ?? m.JsonName, m.ValueType, m.Range));
                    break;
                case Shape.Record:
                    Collect(m.ValueType, p, seen, result);
                    break;
                case Shape.RecordList:
                    Collect(m.ValueType, p + "[]", seen, result);
                    break;
                case Shape.RecordMap:
                    Collect(m.ValueType, p + ".*", seen, result);
                    break;
            }
        }
    }

    /// <summary>The README's table of ranges (Markdown), kept equal to the README by a test.</summary>
    public static string MarkdownTable()
    {
        var text = new StringBuilder();
        text.Append("| Field | Range | Note |\n|---|---|---|\n");
        foreach (var f in Fields())
        {
            if (f.Range is not { } r) continue;
            text.Append($"| `{f.Path}` | {r.Interval()} | {r.Why ?? ""} |\n");
        }
        return text.ToString();
    }

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, t =>
    {
        var info = ScenarioJson.Options.GetTypeInfo(t);
        var members = new List<Member>();
        foreach (var property in info.Properties)
        {
            if (property.Get is null) continue;
            var clr = property.AttributeProvider as PropertyInfo;
            var range = clr?.GetCustomAttribute<PhysicalRangeAttribute>();
            var (shape, valueType) = Classify(property.PropertyType);
            members.Add(new Member(property.Name, property.Get, shape, valueType, range, clr));
        }
        return members.ToArray();
    });

    private static (Shape, Type) Classify(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsNumber(t)) return (Shape.Number, t);
        if (IsScenarioRecord(t)) return (Shape.Record, t);
        if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition();
            var args = t.GetGenericArguments();
            if (def == typeof(IReadOnlyList<>) || def == typeof(List<>))
            {
                var item = Nullable.GetUnderlyingType(args[0]) ?? args[0];
                if (IsNumber(item)) return (Shape.NumberList, item);
                if (IsScenarioRecord(item)) return (Shape.RecordList, item);
                if (!item.IsValueType) return (Shape.TextList, item);
            }
            if ((def == typeof(IReadOnlyDictionary<,>) || def == typeof(Dictionary<,>)) && args[0] == typeof(string))
            {
                if (IsNumber(args[1])) return (Shape.NumberMap, args[1]);
                if (IsScenarioRecord(args[1])) return (Shape.RecordMap, args[1]);
                if (!args[1].IsValueType) return (Shape.TextMap, args[1]);
            }
        }
        return (Shape.Other, t);
    }

    private static bool IsNumber(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int) || t == typeof(long) ||
        t == typeof(uint) || t == typeof(ulong) || t == typeof(short) || t == typeof(ushort) || t == typeof(byte) || t == typeof(sbyte);

    private static bool IsScenarioRecord(Type t) => t.IsClass && t != typeof(string) && t.Namespace == typeof(ScenarioFile).Namespace;
}
