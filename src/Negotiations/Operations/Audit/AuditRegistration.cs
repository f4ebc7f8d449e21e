using Negotiations.Operations.Settings;

namespace Negotiations.Operations.Audit;

public static class AuditRegistration
{
    /// <summary>History, the hash chain (kept in the background by a serving node), verification, replay and exports.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuditSettings>(builder.Configuration.GetSection(AuditSettings.Section));
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<TreeNodes>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddSingleton<Proofs>();
        builder.Services.AddSingleton<AuditHistory>();
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton<Exports>();
        builder.Services.AddSingleton<Replay>();
        builder.Services.AddSingleton<ChainWriter>();
        if (builder.Serves()) builder.Services.AddHostedService(services => services.GetRequiredService<ChainWriter>());
        return builder;
    }
}
