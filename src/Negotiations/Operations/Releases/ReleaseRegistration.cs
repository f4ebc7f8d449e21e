namespace Negotiations.Operations.Releases;

public static class ReleaseRegistration
{
    /// <summary>Frozen releases of the record, their reproducible exports and the changes between them.</summary>
    public static WebApplicationBuilder AddReleases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReleaseRegister>();
        builder.Services.AddSingleton<ReleaseExport>();
        builder.Services.AddSingleton<ReleaseFreezer>();
        builder.Services.AddSingleton<ReleaseChanges>();
        return builder;
    }
}
