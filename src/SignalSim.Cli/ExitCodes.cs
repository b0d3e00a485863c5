// The process exit codes of signalsim, in one place so scripts and tests can rely on them.
namespace SignalSim.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A bug or an environment failure, not the user's input.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>Bad command line, unreadable or invalid scenario, unusable output folder.</summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// The safety monitor stopped the run: a signal state that would be unsafe on the street
    /// (conflicting greens, a short intergreen or minimum green). The scenario passed validation,
    /// so this is a defect of the priority logic to report, not a user mistake.
    /// </summary>
    public const int UnsafeSignalState = 3;

    /// <summary>Interrupted (Ctrl+C or termination signal); 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
