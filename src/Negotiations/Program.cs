using JasperFx;
using Negotiations.CommandLine;
using Negotiations.Hosting;
using Negotiations.Observability;
using Negotiations.Security;
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

// Serving (no arguments, or only the host's options such as --urls): the host alone, without JasperFx's command line.
if (command is null) return await Serving.RunAsync(app);

return ExitCodes.For(args, Negotiations.Audit.AuditExit.Code(await app.RunJasperFxCommands(args)));

public partial class Program;
