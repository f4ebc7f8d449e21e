namespace Negotiations.Operations.Import;

/// <summary>What happened to one line of a field report: its HTTP status and the endpoint's answer.</summary>
public sealed record ImportLineResult(int Line, string? Command, int Status, string? Location, LineAnswer? Result)
{
    public bool Applied => Status is >= 200 and < 300;
}

/// <summary>The last line of an import's answer.</summary>
public sealed record ImportSummary(int Lines, int Applied, int Rejected);
