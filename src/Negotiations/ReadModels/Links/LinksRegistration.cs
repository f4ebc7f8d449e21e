using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Links;

/// <summary>Which understandings each stream concerns: inline, so that it is there before any async projection routes by it.</summary>
public sealed class LinksRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add<StreamLinkProjection>(ProjectionLifecycle.Inline);
        StreamLinkProjection.ConfigureDocument(options);
    }
}
