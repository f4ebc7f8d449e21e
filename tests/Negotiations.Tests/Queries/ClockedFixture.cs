using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Queries;

/// <summary>The application with its clock stopped on 1 March 2026, so that "overdue" does not depend on when the tests run.</summary>
public sealed class ClockedFixture : AppFixture
{
    public static readonly DateOnly Today = new(2026, 3, 1);

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero))));

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
