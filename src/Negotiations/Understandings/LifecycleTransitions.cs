namespace Negotiations.Understandings;

/// <summary>
/// Which lifecycle moves make sense. Talks that collapsed may be revived; superseded and fulfilled
/// understandings are closed for good.
/// </summary>
public static class LifecycleTransitions
{
    private static readonly Dictionary<Lifecycle, Lifecycle[]> Allowed = new()
    {
        [Lifecycle.Proposed] = [Lifecycle.UnderNegotiation, Lifecycle.Agreed, Lifecycle.Collapsed, Lifecycle.Superseded],
        [Lifecycle.UnderNegotiation] = [Lifecycle.Agreed, Lifecycle.Suspended, Lifecycle.Collapsed, Lifecycle.Superseded],
        [Lifecycle.Agreed] = [Lifecycle.InImplementation, Lifecycle.Suspended, Lifecycle.Collapsed, Lifecycle.Superseded],
        [Lifecycle.InImplementation] = [Lifecycle.Suspended, Lifecycle.Collapsed, Lifecycle.Superseded, Lifecycle.Fulfilled],
        [Lifecycle.Suspended] = [Lifecycle.UnderNegotiation, Lifecycle.InImplementation, Lifecycle.Collapsed, Lifecycle.Superseded],
        [Lifecycle.Collapsed] = [Lifecycle.UnderNegotiation],
        [Lifecycle.Superseded] = [],
        [Lifecycle.Fulfilled] = [],
    };

    public static bool CanMove(Lifecycle from, Lifecycle to) => Allowed[from].Contains(to);

    public static IReadOnlyList<Lifecycle> From(Lifecycle status) => Allowed[status];
}
