using System.Text.RegularExpressions;
using Negotiations.Tests.Audit;

namespace Negotiations.Tests.Layout;

/// <summary>
/// Namespaces point inwards only: Operations use the read models, Operations and ReadModels use the concepts, the
/// concepts use the Kernel, the Kernel uses no other namespace of the application. Read from the source (using
/// directives and qualified names), so that a dependency in a method body counts too.
/// </summary>
public partial class NamespaceDependencyTests
{
    private static readonly string Source = Path.Combine(HardenedStoreFixture.RepositoryRoot(), "src", "Negotiations");

    private static readonly string[] Concepts = ["Understandings", "Rounds", "Zones", "Mechanisms", "Appointments", "Commitments", "Casualties", "Statements", "Incidents"];

    [Fact]
    public void No_namespace_depends_back_on_one_that_depends_on_it()
    {
        var graph = Dependencies();
        graph.Keys.Count.ShouldBeGreaterThan(20);
        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order())).ToList();
        cycles.ShouldBeEmpty();
    }

    [Fact]
    public void The_kernel_uses_nothing_and_the_concepts_use_only_the_kernel_and_each_other()
    {
        var graph = Dependencies();
        graph["Negotiations.Kernel"].ShouldBeEmpty();
        foreach (var concept in Concepts)
            graph[$"Negotiations.{concept}"].Where(d => d != "Negotiations.Kernel" && !Concepts.Any(c => d == $"Negotiations.{c}"))
                .ShouldBeEmpty($"{concept} may use the Kernel and other concepts only");
    }

    [Fact]
    public void The_read_models_use_no_operations()
    {
        var graph = Dependencies();
        graph.ShouldContainKey("Negotiations.ReadModels.Feed");
        foreach (var (ns, used) in graph.Where(g => Within(g.Key, "Negotiations.ReadModels")))
            used.Where(d => Within(d, "Negotiations.Operations")).ShouldBeEmpty($"{ns} is a read model: Operations use it, not the other way");
    }

    private static bool Within(string ns, string outer) => ns == outer || ns.StartsWith(outer + ".");

    [Fact]
    public void A_cycle_is_found_when_there_is_one() =>
        StronglyConnected(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] })
            .Single(c => c.Count > 1).Order().ShouldBe(["A", "B", "C"]);

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var files = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !Path.GetRelativePath(Source, f).Split(Path.DirectorySeparatorChar).Any(p => p is "Internal" or "bin" or "obj"))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .Select(f => (Namespace: NamespaceOf(f.Path, f.Text), f.Text))
            .ToList();
        var known = files.Select(f => f.Namespace).ToHashSet();
        var graph = known.ToDictionary(n => n, _ => new HashSet<string>());
        foreach (var (ns, text) in files)
            foreach (Match m in Referenced().Matches(text))
                if (Longest(m.Groups[1].Value, known) is { } used && used != ns) graph[ns].Add(used);
        return graph;
    }

    private static string NamespaceOf(string path, string text) =>
        Declared().Match(text) is { Success: true } m
            ? m.Groups[1].Value
            : "Negotiations." + Path.GetRelativePath(Source, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '.');

    private static string? Longest(string qualified, HashSet<string> known)
    {
        var parts = qualified.Split('.');
        for (var n = parts.Length; n > 1; n--)
            if (string.Join('.', parts[..n]) is var candidate && known.Contains(candidate)) return candidate;
        return null;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var (index, low, stack, onStack, found, next) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Stack<string>(), new HashSet<string>(), new List<List<string>>(), 0);
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            found.Add(component);
        }
        foreach (var v in graph.Keys.Order()) if (!index.ContainsKey(v)) Visit(v);
        return found;
    }

    [GeneratedRegex(@"^namespace (Negotiations(?:\.\w+)*)", RegexOptions.Multiline)]
    private static partial Regex Declared();

    [GeneratedRegex(@"(?<![\w.])(Negotiations(?:\.\w+)+)")]
    private static partial Regex Referenced();
}
