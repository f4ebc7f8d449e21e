namespace Negotiations.Operations.Import;

/// <summary>
/// One line of a field report as read: refused already (<see cref="Rejection"/>), or the command it names with its
/// route values and the Idempotency-Key it carries, and when the import may decide it in memory, its command read from
/// the line.
/// </summary>
internal sealed record ParsedLine(
    int Number,
    string Text,
    string? Name,
    RouteEndpoint? Endpoint,
    IReadOnlyDictionary<string, string> RouteValues,
    string? IdempotencyKey,
    ImportLineResult? Rejection,
    BatchableCommand? Batchable = null,
    object? Command = null)
{
    public static ParsedLine Rejected(int number, string text, ImportLineResult rejection) =>
        new(number, text, rejection.Command, null, new Dictionary<string, string>(), null, rejection);
}
