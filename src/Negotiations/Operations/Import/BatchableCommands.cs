using System.Reflection;
using Negotiations.Kernel;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Operations.Import;

/// <summary>
/// A command the import can decide in memory, many lines to one transaction: its endpoint is pure static functions of
/// the command and the stream's write model (Validate, Before, Post), and at most the check that the streams it names
/// exist (<see cref="ChecksNamedAttribute"/>: understandings, casualty claims). Either it starts a stream
/// (<see cref="Model"/> is null: the stream it starts names it) or it changes the
/// one stream its route names, whose write model is <see cref="Model"/>.
/// </summary>
public sealed record BatchableCommand(
    string Name,
    Type Command,
    Type? Model,
    MethodInfo Post,
    MethodInfo? Validate,
    MethodInfo? Before,
    IReadOnlyList<NamedStreams> Named)
{
    public bool StartsStream => Model is null;

    private readonly Lazy<Func<object, object?, object?>> _decide = new(() => StaticCall.Compile(Post));
    private readonly Lazy<Func<object, object?, object?>?> _validate = new(() => Validate is null ? null : StaticCall.Compile(Validate));
    private readonly Lazy<Func<object, object?, object?>?> _before = new(() => Before is null ? null : StaticCall.Compile(Before));

    // Compiled when a line first needs them: a report uses a few of the commands.

    /// <summary>Post, called with the command and the write model (null for a command that starts a stream).</summary>
    public Func<object, object?, object?> Decide => _decide.Value;

    /// <summary>Validate, called with the command (and null), when the endpoint has one.</summary>
    public Func<object, object?, object?>? Validated => _validate.Value;

    /// <summary>Before, called with the command and the write model, when the endpoint has one.</summary>
    public Func<object, object?, object?>? Allowed => _before.Value;
}

/// <summary>The streams of a write model a command names in one of its properties (one id or a list), which must exist and stand.</summary>
public sealed record NamedStreams(Type Model, PropertyInfo Property)
{
    public IEnumerable<Guid> In(object body) => Property.GetValue(body) switch
    {
        Guid id => [id],
        IEnumerable<Guid> ids => ids.Distinct(),
        _ => []
    };
}

/// <summary>
/// Every batchable command, by operation id, found once by reflection over the endpoints. An endpoint with anything
/// else (a query of its own, a service, an async step that is not the named-streams check) is left out, and
/// its lines run one by one through HTTP.
/// </summary>
public static class BatchableCommands
{
    public static IReadOnlyDictionary<string, BatchableCommand> ByName { get; } = Find(typeof(BatchableCommands).Assembly);

    private static Dictionary<string, BatchableCommand> Find(Assembly assembly)
    {
        var found = new Dictionary<string, BatchableCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: true, IsSealed: true }))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            var posts = methods.Where(m => m.GetCustomAttribute<WolverinePostAttribute>()?.OperationId is not null).ToList();
            if (posts.Count == 1 && Describe(posts[0], methods) is { } command) found[command.Name] = command;
        }
        return found;
    }

    private static BatchableCommand? Describe(MethodInfo post, MethodInfo[] methods)
    {
        var route = post.GetCustomAttribute<WolverinePostAttribute>()!;
        var parameters = post.GetParameters();
        if (parameters.Length is 0 or > 2) return null;
        var command = parameters[0].ParameterType;
        var routeValues = route.Template.Count(c => c == '{');

        Type? model;
        if (parameters.Length == 1 && post.ReturnType == typeof((CreationResponse<Guid>, IStartStream)) && routeValues == 0) model = null;
        else if (parameters.Length == 2 && parameters[1].GetCustomAttribute<WriteAggregateAttribute>() is not null && routeValues == 1
                 && IsWriteModel(parameters[1].ParameterType)
                 && post.ReturnType == typeof(ValueTuple<,>).MakeGenericType(parameters[1].ParameterType, typeof(Events)))
            model = parameters[1].ParameterType;
        else return null;
        var starts = model is null;

        MethodInfo? validate = null, before = null;
        IReadOnlyList<NamedStreams> named = [];
        foreach (var method in methods.Where(m => m != post))
        {
            var types = method.GetParameters().Select(p => p.ParameterType).ToArray();
            if (method.Name == "Validate" && method.ReturnType == typeof(ProblemDetails) && types.SequenceEqual([command])) validate = method;
            else if (method.Name == "Before" && !starts && method.ReturnType == typeof(ProblemDetails) && types.SequenceEqual([command, model!])) before = method;
            else if (method.GetCustomAttributes<ChecksNamedAttribute>().ToList() is { Count: > 0 } checks && method.ReturnType == typeof(Task<ProblemDetails>)
                     && checks.All(c => command.GetProperty(c.Property) is { } property && WriteModelKind.Of(c.Model) is not null
                                        && (property.PropertyType == typeof(Guid) || typeof(IEnumerable<Guid>).IsAssignableFrom(property.PropertyType))))
                named = checks.Select(c => new NamedStreams(c.Model, command.GetProperty(c.Property)!)).ToList();
            else return null;
        }
        return new BatchableCommand(route.OperationId!, command, model, post, validate, before, named);
    }

    public static bool IsWriteModel(Type type) =>
        type.IsClass && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWriteModel<>) && i.GetGenericArguments()[0] == type);
}
