using Wolverine.Http;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// Every command endpoint honours an `Idempotency-Key` header: a retry with the same key and the same
/// bytes gets the first response and appends nothing; the same key with another request is refused
/// (422). Keys belong to the caller: another user's key is another claim.
/// The claim is written with the answer in the command's own transaction, so a failed or interrupted command
/// leaves no claim, and a retry after a crash either gets the first answer or runs the command. That needs the
/// answer before the commit: commands on an existing stream answer the write model folded by Corrections/Answer.cs
/// rather than one read back after the commit (Wolverine keeps claim-and-release, and logs a warning, for an
/// endpoint whose answer comes after the commit; GeneratedCodeTests checks that none does).
/// </summary>
public static class IdempotencyPolicy
{
    public const string Header = "Idempotency-Key";

    public static void Apply(HttpChain chain)
    {
        if (!chain.HttpMethods.Contains("POST") || chain.Method.HandlerType.Namespace == typeof(Import.ImportEndpoint).Namespace) return;
        // Commands only, by the rule that says who may send them: an auditor's POST (a verification, a checkpoint, a
        // release's freeze) logs no development, and a freeze sent again is refused by its name.
        if (Security.RouteAccess.RoleFor("POST", "/" + chain.RoutePattern!.RawText!.TrimStart('/')) != Settings.Roles.Monitor) return;
        chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
        {
            Scope = DeduplicationScope.User,
            Required = false,
            ClaimInTransaction = true
        };
    }
}
