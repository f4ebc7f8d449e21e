using System.Text.RegularExpressions;
using Negotiations.Operations.Settings;
using Microsoft.Extensions.Options;
using Negotiations.Operations.Audit;
using Negotiations.ReadModels.Feed;
using Negotiations.Operations.Security;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// Every setting with a range is checked when the host starts (ValidateOnStart), and a bad value stops it with a
/// message naming the setting, its environment variable, what it must be and what it is.
/// </summary>
public static partial class SettingsValidation
{
    public static IServiceCollection ValidateNegotiationsSettings(this IServiceCollection services)
    {
        Validate<NegotiationsSettings>(services, NegotiationsSettings.Section, (s, c) =>
        {
            c.That(SchemaName().IsMatch(s.Schema), "Schema", "a PostgreSQL identifier (lower-case letters, digits and _, starting with a letter or _, at most 63)", s.Schema);
            c.That(!string.IsNullOrWhiteSpace(s.RecordedBy), "RecordedBy", "a user name", s.RecordedBy);
            c.That(s.AnonymousRole is null || Roles.All.Contains(s.AnonymousRole), "AnonymousRole", $"empty or one of {string.Join(", ", Roles.All)}", s.AnonymousRole);
            for (var i = 0; i < s.ApiKeys.Count; i++)
            {
                var key = s.ApiKeys[i];
                c.That(!string.IsNullOrWhiteSpace(key.User), $"ApiKeys:{i}:User", "a user name", key.User);
                c.That(Sha256Hex().IsMatch(key.KeyHash), $"ApiKeys:{i}:KeyHash", "the SHA-256 of the key in hex (64 characters: printf '%s' \"$key\" | sha256sum)", key.KeyHash);
                foreach (var role in key.Roles) c.That(Roles.All.Contains(role), $"ApiKeys:{i}:Roles", $"each one of {string.Join(", ", Roles.All)}", role);
            }
            c.That(s.Jwt.Authority is null || Uri.TryCreate(s.Jwt.Authority, UriKind.Absolute, out _), "Jwt:Authority", "an absolute URL", s.Jwt.Authority);
        });
        Validate<LimitSettings>(services, $"{NegotiationsSettings.Section}:Limits", (s, c) =>
        {
            c.That(s.Burst >= 1, "Burst", "at least 1", s.Burst);
            c.That(s.PermitsPerSecond >= 1, "PermitsPerSecond", "at least 1", s.PermitsPerSecond);
            c.That(s.MaxBodyBytes >= 1024, "MaxBodyBytes", "at least 1024", s.MaxBodyBytes);
            c.That(s.MaxImportLines >= 1, "MaxImportLines", "at least 1", s.MaxImportLines);
            c.That(s.MaxImportBytes >= s.MaxBodyBytes, "MaxImportBytes", $"at least MaxBodyBytes ({s.MaxBodyBytes})", s.MaxImportBytes);
        });
        Validate<FeedSettings>(services, FeedSettings.Section, (s, c) =>
        {
            c.That(s.PollInterval > TimeSpan.Zero, "PollInterval", "a positive time span (hh:mm:ss.fff)", s.PollInterval);
            c.That(s.PageSize >= 1, "PageSize", "at least 1", s.PageSize);
            c.That(s.ClientBuffer >= s.PageSize, "ClientBuffer", $"at least PageSize ({s.PageSize})", s.ClientBuffer);
            c.That(s.Heartbeat > TimeSpan.Zero, "Heartbeat", "a positive time span", s.Heartbeat);
            c.That(s.Reconnect > TimeSpan.Zero, "Reconnect", "a positive time span", s.Reconnect);
        });
        Validate<AuditSettings>(services, AuditSettings.Section, (s, c) =>
        {
            c.That(s.PollMilliseconds >= 1, "PollMilliseconds", "at least 1", s.PollMilliseconds);
            c.That(s.GapGraceMilliseconds >= 0, "GapGraceMilliseconds", "0 or more", s.GapGraceMilliseconds);
            c.That(s.CheckpointEvery >= 1, "CheckpointEvery", "at least 1", s.CheckpointEvery);
            c.That(s.CheckpointMinutes >= 1, "CheckpointMinutes", "at least 1", s.CheckpointMinutes);
            c.That(s.BatchSize >= 1, "BatchSize", "at least 1", s.BatchSize);
            c.That(s.SigningKey is null || CheckpointSigner.IsKey(s.SigningKey), "SigningKey", "an Ed25519 seed: 32 bytes in base64 (head -c 32 /dev/urandom | base64)", s.SigningKey is null ? null : "(hidden)");
            c.That(SignedNote.IsKeyName(s.Origin), "Origin", "a name without spaces or '+' (a schema-less URL)", s.Origin);
        });
        return services;
    }

    private static void Validate<T>(IServiceCollection services, string section, Action<T, Checks> rules) where T : class
    {
        services.AddOptions<T>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Validator<T>(section, rules));
    }

    private sealed class Validator<T>(string section, Action<T, Checks> rules) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var checks = new Checks(section);
            rules(options, checks);
            return checks.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(checks.Failures);
        }
    }

    private sealed class Checks(string section)
    {
        public List<string> Failures { get; } = [];

        public void That(bool holds, string key, string mustBe, object? actual)
        {
            if (holds) return;
            var setting = $"{section}:{key}";
            Failures.Add($"{setting} ({setting.Replace(":", "__")}) must be {mustBe}; it is {(actual is null ? "not set" : $"'{actual}'")}.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
