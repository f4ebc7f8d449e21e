namespace Negotiations.Feed;

public static class FeedSetup
{
    /// <summary>The live feed: one reader per node (a hosted service) shared by every connected client.</summary>
    public static IServiceCollection AddLiveFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedSettings>(configuration.GetSection(FeedSettings.Section));
        services.AddSingleton<FeedReader>();
        services.AddSingleton<FeedHub>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedHub>());
        services.AddSingleton<FeedStream>();
        return services;
    }
}
