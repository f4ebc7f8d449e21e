using JasperFx.Events.Projections;
using Negotiations.Kernel;

namespace Negotiations.Kernel;

/// <summary>
/// Marten cannot see which events an Evolve override folds, so without a scope every inline projection
/// receives every event appended and looks up its document for nothing (measured: one index lookup per
/// unrelated document table per command). A concept's projection takes the developments of its own
/// folder and the corrections, which may name one of its events.
/// </summary>
public static class ProjectionScope
{
    private static readonly Type[] Developments = typeof(ProjectionScope).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDevelopment).IsAssignableFrom(t))
        .ToArray();

    public static void IncludeConceptOf<TModel>(this EventFilterable projection)
    {
        foreach (var type in Developments.Where(t => t.Namespace == typeof(TModel).Namespace)) projection.IncludeType(type);
        projection.IncludeType<DevelopmentRetracted>();
        projection.IncludeType<DevelopmentCorrected>();
    }

    public static void IncludeLinkingEvents(this EventFilterable projection)
    {
        foreach (var type in Developments.Where(t => typeof(ILinksUnderstandings).IsAssignableFrom(t))) projection.IncludeType(type);
    }
}
