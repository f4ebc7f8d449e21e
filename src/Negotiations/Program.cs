using JasperFx;
using Negotiations.Hosting;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddNegotiationsStore();
builder.AddNegotiationsApi();

var app = builder.Build();

app.UseNegotiationsApi();

return Negotiations.Audit.AuditExit.Code(await app.RunJasperFxCommands(args));

public partial class Program;
