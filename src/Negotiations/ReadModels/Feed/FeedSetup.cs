using Negotiations.Operations.Settings;

namespace Negotiations.ReadModels.Feed;

public static class FeedSetup
{
    /// <summary>The live feed: one reader per serving node (a hosted service) shared by every connected client.</summary>
    public static WebApplicationBuilder AddLiveFeed(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<FeedSettings>(builder.Configuration.GetSection(FeedSettings.Section));
        services.AddSingleton<FeedReader>();
        services.AddSingleton<FeedHub>();
        if (builder.Serves()) services.AddHostedService(provider => provider.GetRequiredService<FeedHub>());
        services.AddSingleton<FeedStream>();
        return builder;
    }
}
