using JasperFx.CommandLine;
using Negotiations.Operations.Settings;
using Negotiations.Operations.CommandLine;

namespace Negotiations.Operations.Demo;

[Description("Load the demo scenario (southern Syria, September 2025) into an empty store", Name = "load-demo")]
public sealed class LoadDemoCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override Task<bool> Execute(NetCoreInput input) => ExitCodes.Guard("load-demo", () =>
    {
        ExitCodes.Ran();
        return CommandHost.RunAsync("load-demo", input, async services =>
        {
            var demo = services.GetRequiredService<DemoScenario>();
            if (!await demo.StoreIsEmptyAsync(CancellationToken.None))
            {
                await Console.Error.WriteLineAsync("load-demo: the store already holds events; nothing loaded");
                return true;
            }
            var summary = await demo.LoadAsync(CommandHost.User(services), CancellationToken.None);
            await Console.Error.WriteLineAsync($"load-demo: {summary.Applied} of {summary.Lines} developments applied, {summary.Rejected} rejected");
            return summary.Rejected == 0;
        }, start: true);
    });
}
