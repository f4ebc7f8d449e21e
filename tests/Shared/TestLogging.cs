using Microsoft.AspNetCore.Hosting;

namespace Negotiations.TestSupport;

/// <summary>
/// A test host logs warnings and errors only: a passing run reads as passing, and what the service logs as a problem
/// still shows. Where a test is about a log line, it raises the level for that category itself.
/// </summary>
public static class TestLogging
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        // Test hosts keep no keys between runs: that the key ring is unprotected is expected.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }
}
