using System.Diagnostics;

namespace Negotiations.Tests.Support;

/// <summary>eventstore-scripts/verify-proof, the outsider's checker, run as a process.</summary>
public static class VerifyProof
{
    private static readonly string Script = Path.Combine(Repository.Root, "eventstore-scripts", "verify-proof");

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
