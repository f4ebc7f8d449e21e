namespace Negotiations.Operations.Settings;

/// <summary>
/// The application cannot start, for a reason an operator can fix from the message alone. It carries no stack
/// trace: the message says what is wrong and what to check, and a trace would only bury it.
/// </summary>
public sealed class StartupCheckFailed(string message) : Exception(message)
{
    public override string? StackTrace => null;

    public override string ToString() => Message;
}
