using System.Security.Claims;
using Negotiations.Kernel;
using Negotiations.Operations.Settings;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Negotiations.Operations.Security;

/// <summary>
/// `Authorization: Bearer &lt;key&gt;`: the key's SHA-256 is compared, in constant time, with the configured
/// hashes. A challenge is a 401 ProblemDetails with `WWW-Authenticate: Bearer` (RFC 6750), saying
/// error="invalid_token" when a key was sent but is not known.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<NegotiationsSettings> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var token = header["Bearer ".Length..].Trim();

        var hash = Encoding.ASCII.GetBytes(ApiKey.Hash(token));
        var key = settings.CurrentValue.ApiKeys.FirstOrDefault(k =>
            k.KeyHash.Length == hash.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.KeyHash.ToLowerInvariant()), hash));
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.User), .. key.Roles.Select(r => new Claim(ClaimTypes.Role, r))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public const string Realm = "negotiations";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var sent = Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        Response.Headers.WWWAuthenticate = sent
            ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"The key is not known\""
            : $"Bearer realm=\"{Realm}\"";
        await ProblemResponse.WriteAsync(Context, StatusCodes.Status401Unauthorized, sent ? "Unknown key" : "A key is required",
            sent
                ? "The bearer key sent is not known: send a key you were given as Authorization: Bearer <key>, or none to read as an anonymous caller where that is allowed. Nothing was recorded."
                : "This request needs a key: send it as Authorization: Bearer <key>. Nothing was recorded.");
    }
}
