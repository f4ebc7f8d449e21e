using JasperFx;
using Negotiations.Operations.Settings;
using Negotiations.Operations.CommandLine;
using Negotiations.Operations.Hosting;
using Negotiations.Operations.Observability;
using Negotiations.Operations.Security;
using Wolverine.Http;

if (CommandHelp.Answers(args)) return CommandHelp.Write(args);

var command = CommandLineRun.For(args);
command?.ClaimStandardOutput();

var builder = WebApplication.CreateBuilder(CommandLineRun.Options(args));
builder.ForCommand(command);

builder.AddNegotiationsOperations();
builder.AddNegotiationsStore();
builder.AddNegotiationsApi();
builder.AddNegotiationsSecurity();
builder.AddNegotiationsLimits();
builder.AddNegotiationsTelemetry();

var app = builder.Build();

app.UseNegotiationsApi();

if (args.Length == 0) return await Serving.RunAsync(app);

// Serving with the host's options (--urls, as run starts it; a test host's) goes through JasperFx's run, which hands a
// failed start on to a test host's factory as it is.
if (command is null) CommandLineRun.QuietCommandSearch();

return CommandLineRun.ExitCode(args, ExitCodes.Code(await app.RunJasperFxCommands(args)));

public partial class Program;
