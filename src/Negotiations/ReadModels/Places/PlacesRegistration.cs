using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;
using Weasel.Postgresql;

namespace Negotiations.ReadModels.Places;

/// <summary>PostGIS (created by the administrator, checked here) the incidents' places and those of other developments, kept inline.</summary>
public sealed class PlacesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        // The extension before the table that uses its type.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("postgis"));
        options.Storage.ExtendedSchemaObjects.Add(IncidentPlaces.Define(options.DatabaseSchemaName));
        options.Storage.ExtendedSchemaObjects.Add(DevelopmentPlaces.Define(options.DatabaseSchemaName));
        options.Projections.Add(new IncidentPlacesProjection(options.DatabaseSchemaName), ProjectionLifecycle.Inline);
        options.Projections.Add(new DevelopmentPlacesProjection(options.DatabaseSchemaName, options.Events.DatabaseSchemaName), ProjectionLifecycle.Inline);
    }
}
