using Negotiations.Commitments;

namespace Negotiations.ReadModels.Status;

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
    public static OverdueCommitment? Judge(CommitmentDetails commitment, DateOnly day)
    {
        if (commitment.Retracted || commitment.Deadline is not { } deadline || deadline >= day) return null;
        var level = commitment.LevelOn(day);
        if (level >= (int)ImplementationLevel.Full) return null;
        if (commitment.StandingOn(day) == CommitmentStanding.Reversed) return null;
        return new OverdueCommitment(commitment.Id, commitment.UnderstandingId, null, commitment.Text, commitment.ResponsibleParty,
            deadline, day.DayNumber - deadline.DayNumber, level, (ImplementationLevel?)level);
    }
}
