using Wolverine.Http;

namespace Negotiations.Hosting;

/// <summary>
/// Every command endpoint honours an `Idempotency-Key` header: a retry with the same key and the same
/// bytes gets the first response and appends nothing; the same key with another request is refused
/// (422). The claim is written in the command's own transaction, so a failed command leaves no claim.
/// Keys belong to the caller: another user's key is another claim.
/// </summary>
public static class IdempotencyPolicy
{
    public const string Header = "Idempotency-Key";

    public static void Apply(HttpChain chain)
    {
        if (!chain.HttpMethods.Contains("POST") || chain.Method.HandlerType.Namespace == typeof(Import.ImportEndpoint).Namespace) return;
        if (chain.Method.HandlerType.Namespace == typeof(Audit.VerifyChainEndpoint).Namespace) return; // verify appends nothing
        chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
        {
            Scope = DeduplicationScope.User,
            Required = false,
            ClaimInTransaction = true
        };
    }
}
