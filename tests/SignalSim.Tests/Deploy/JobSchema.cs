// The part of the Kubernetes batch/v1 Job schema (and core/v1 PersistentVolumeClaim) that the
// manifests of deploy/kubernetes use, with the API server's rules for them: field names and
// kinds (an unknown field is refused, as `kubectl apply --validate=strict` does), required
// fields, enumerations, and the Job rules that the schema alone does not carry (restartPolicy of
// a Job, Indexed mode needing completions, per-index back-off only in Indexed mode, volume mounts
// naming a volume). No cluster runs in CI, so this is how the manifests are checked.
using System.Globalization;
using System.Text.RegularExpressions;

namespace SignalSim.Tests.Deploy;

internal abstract record Kind
{
    public abstract void Check(object? value, string path, List<string> errors);
}

internal sealed record Str(params string[] Allowed) : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not string s) errors.Add($"{path}: expected text");
        else if (Allowed.Length > 0 && !Allowed.Contains(s)) errors.Add($"{path}: '{s}' is not one of {string.Join(", ", Allowed)}");
    }
}

internal sealed record Int(int Min = 0) : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not string s || !int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) errors.Add($"{path}: expected an integer");
        else if (v < Min) errors.Add($"{path}: {v} is below {Min}");
    }
}

internal sealed partial record Quantity : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not string s || !QuantityPattern().IsMatch(s)) errors.Add($"{path}: expected a quantity such as 2, 500m or 1Gi");
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$")]
    private static partial Regex QuantityPattern();
}

internal sealed record Bool : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not ("true" or "false")) errors.Add($"{path}: expected true or false");
    }
}

internal sealed record StringMap : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not Dictionary<object, object> map) errors.Add($"{path}: expected a map of text");
        else foreach (var (k, v) in map) new Str().Check(v, $"{path}.{k}", errors);
    }
}

internal sealed record ListOf(Kind Item, bool NonEmpty = false) : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not List<object> list)
        {
            errors.Add($"{path}: expected a list");
            return;
        }
        if (NonEmpty && list.Count == 0) errors.Add($"{path}: must not be empty");
        for (var i = 0; i < list.Count; i++) Item.Check(list[i], $"{path}[{i}]", errors);
    }
}

internal sealed record Obj(IReadOnlyDictionary<string, Kind> Fields, params string[] Required) : Kind
{
    public override void Check(object? value, string path, List<string> errors)
    {
        if (value is not Dictionary<object, object> map)
        {
            errors.Add($"{path}: expected an object");
            return;
        }
        foreach (var (key, v) in map)
        {
            var name = (string)key;
            if (Fields.TryGetValue(name, out var kind)) kind.Check(v, $"{path}.{name}", errors);
            else errors.Add($"{path}: unknown field '{name}'");
        }
        foreach (var r in Required)
        {
            if (!map.ContainsKey(r)) errors.Add($"{path}: required field '{r}' is missing");
        }
    }
}

internal static partial class JobSchema
{
    private static Obj O(params (string Name, Kind Kind)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Kind));

    private static Obj O(string[] required, params (string Name, Kind Kind)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Kind), required);

    private static readonly Obj ObjectMeta = O(("name", new Str()), ("namespace", new Str()), ("labels", new StringMap()), ("annotations", new StringMap()));

    private static readonly Obj ResourceRequirements = O(
        ("requests", O(("cpu", new Quantity()), ("memory", new Quantity()), ("ephemeral-storage", new Quantity()))),
        ("limits", O(("cpu", new Quantity()), ("memory", new Quantity()), ("ephemeral-storage", new Quantity()))));

    private static readonly Obj Container = O(["name"],
        ("name", new Str()), ("image", new Str()), ("imagePullPolicy", new Str("Always", "IfNotPresent", "Never")),
        ("command", new ListOf(new Str())), ("args", new ListOf(new Str())), ("workingDir", new Str()),
        ("env", new ListOf(O(["name"], ("name", new Str()), ("value", new Str())))),
        ("resources", ResourceRequirements),
        ("volumeMounts", new ListOf(O(["name", "mountPath"], ("name", new Str()), ("mountPath", new Str()), ("readOnly", new Bool()), ("subPath", new Str())))));

    private static readonly Obj Volume = O(["name"],
        ("name", new Str()),
        ("configMap", O(("name", new Str()), ("optional", new Bool()))),
        ("persistentVolumeClaim", O(["claimName"], ("claimName", new Str()), ("readOnly", new Bool()))),
        ("emptyDir", O(("sizeLimit", new Quantity()))));

    private static readonly Obj PodSpec = O(["containers"],
        ("restartPolicy", new Str("Always", "OnFailure", "Never")),
        ("containers", new ListOf(Container, NonEmpty: true)),
        ("volumes", new ListOf(Volume)),
        ("serviceAccountName", new Str()),
        ("nodeSelector", new StringMap()));

    private static readonly Obj JobSpec = O(["template"],
        ("completionMode", new Str("NonIndexed", "Indexed")),
        ("completions", new Int(0)),
        ("parallelism", new Int(0)),
        ("backoffLimit", new Int(0)),
        ("backoffLimitPerIndex", new Int(0)),
        ("maxFailedIndexes", new Int(0)),
        ("activeDeadlineSeconds", new Int(1)),
        ("ttlSecondsAfterFinished", new Int(0)),
        ("template", O(["spec"], ("metadata", ObjectMeta), ("spec", PodSpec))));

    public static readonly Obj Job = O(["apiVersion", "kind", "metadata", "spec"],
        ("apiVersion", new Str("batch/v1")), ("kind", new Str("Job")), ("metadata", O(["name"], ObjectMeta.Fields.Select(f => (f.Key, f.Value)).ToArray())), ("spec", JobSpec));

    public static readonly Obj PersistentVolumeClaim = O(["apiVersion", "kind", "metadata", "spec"],
        ("apiVersion", new Str("v1")), ("kind", new Str("PersistentVolumeClaim")), ("metadata", O(["name"], ObjectMeta.Fields.Select(f => (f.Key, f.Value)).ToArray())),
        ("spec", O(["accessModes", "resources"],
            ("accessModes", new ListOf(new Str("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"), NonEmpty: true)),
            ("storageClassName", new Str()),
            ("resources", O(["requests"], ("requests", O(["storage"], ("storage", new Quantity()))))))));

    /// <summary>Schema errors, then the API server's validation rules for a Job.</summary>
    public static List<string> CheckJob(Dictionary<object, object> job)
    {
        var errors = new List<string>();
        Job.Check(job, "job", errors);
        if (errors.Count > 0) return errors;
        var meta = (Dictionary<object, object>)job["metadata"];
        if (!DnsLabel().IsMatch((string)meta["name"])) errors.Add("job.metadata.name: not a DNS-1123 label (lower-case letters, digits, '-', at most 63)");
        var spec = (Dictionary<object, object>)job["spec"];
        var pod = (Dictionary<object, object>)((Dictionary<object, object>)spec["template"])["spec"];
        if (!pod.TryGetValue("restartPolicy", out var restart) || restart is not ("Never" or "OnFailure"))
            errors.Add("job.spec.template.spec.restartPolicy: a Job's pods must say Never or OnFailure");
        var indexed = spec.TryGetValue("completionMode", out var mode) && (string)mode == "Indexed";
        if (indexed && !spec.ContainsKey("completions")) errors.Add("job.spec.completions: required when completionMode is Indexed");
        if (spec.ContainsKey("backoffLimitPerIndex") && !indexed) errors.Add("job.spec.backoffLimitPerIndex: only with completionMode Indexed");
        if (spec.ContainsKey("maxFailedIndexes") && !spec.ContainsKey("backoffLimitPerIndex")) errors.Add("job.spec.maxFailedIndexes: only with backoffLimitPerIndex");
        if (spec.ContainsKey("backoffLimitPerIndex") && restart is not "Never") errors.Add("job.spec.backoffLimitPerIndex: needs restartPolicy Never");
        var volumes = pod.TryGetValue("volumes", out var v) ? ((List<object>)v).Cast<Dictionary<object, object>>().Select(x => (string)x["name"]).ToHashSet() : [];
        var names = new HashSet<string>();
        foreach (var c in ((List<object>)pod["containers"]).Cast<Dictionary<object, object>>())
        {
            var name = (string)c["name"];
            if (!names.Add(name)) errors.Add($"container '{name}': name used twice");
            if (!DnsLabel().IsMatch(name)) errors.Add($"container '{name}': not a DNS-1123 label");
            if (!c.ContainsKey("image")) errors.Add($"container '{name}': a Job's container needs an image");
            if (c.TryGetValue("volumeMounts", out var mounts))
            {
                foreach (var m in ((List<object>)mounts).Cast<Dictionary<object, object>>())
                {
                    if (!volumes.Contains((string)m["name"])) errors.Add($"container '{name}': volume mount '{m["name"]}' names no volume of the pod");
                }
            }
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
