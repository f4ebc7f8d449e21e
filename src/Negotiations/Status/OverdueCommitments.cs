using Negotiations.Commitments;
using Negotiations.Corrections;

namespace Negotiations.Status;

/// <summary>A commitment past its deadline, not fully implemented (level below 3) and not reversed, on the day asked about.</summary>
public sealed record OverdueCommitment(
    Guid CommitmentId,
    Guid UnderstandingId,
    string? UnderstandingTitle,
    string Text,
    string ResponsibleParty,
    DateOnly Deadline,
    int DaysOverdue,
    int? Level,
    ImplementationLevel? Meaning);

public static class OverdueCommitments
{
    /// <summary>Pure: whether the commitment is overdue on the day, judged by what had occurred by then.</summary>
    public static OverdueCommitment? Judge(Commitment commitment, DateOnly day)
    {
        if (commitment.Retracted || commitment.Deadline is not { } deadline || deadline >= day) return null;
        var assessment = commitment.Assessments.Values().LastOrDefault(a => a.Occurred.From <= day);
        if (assessment?.Level >= (int)ImplementationLevel.Full) return null;
        if (commitment.StandingChanges.Values().LastOrDefault(s => s.Occurred.From <= day)?.Standing == CommitmentStanding.Reversed) return null;
        return new OverdueCommitment(commitment.Id, commitment.UnderstandingId, null, commitment.Text, commitment.ResponsibleParty,
            deadline, day.DayNumber - deadline.DayNumber, assessment?.Level, assessment?.Meaning);
    }
}
