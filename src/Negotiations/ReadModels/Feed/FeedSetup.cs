namespace Negotiations.ReadModels.Feed;

public static class FeedSetup
{
    /// <summary>
    /// The live feed: one reader per serving node (a hosted service) shared by every connected client. A process that
    /// runs one command (not <paramref name="serving"/>) has the feed's services but starts no reader.
    /// </summary>
    public static WebApplicationBuilder AddLiveFeed(this WebApplicationBuilder builder, bool serving)
    {
        var services = builder.Services;
        services.Configure<FeedSettings>(builder.Configuration.GetSection(FeedSettings.Section));
        services.AddSingleton<FeedReader>();
        services.AddSingleton<FeedHub>();
        if (serving) services.AddHostedService(provider => provider.GetRequiredService<FeedHub>());
        services.AddSingleton<FeedStream>();
        return builder;
    }
}
