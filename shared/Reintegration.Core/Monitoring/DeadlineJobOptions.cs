namespace Reintegration.Core.Monitoring;

/// <summary>Settings of section "Monitoring" for the deadline job's run itself.</summary>
public sealed class DeadlineJobOptions
{
    public const string Section = "Monitoring";

    /// <summary>
    /// How many due cases the job works on at once. Each is a read, a conditional write and a queue message, so the
    /// run takes about (alerted cases / this) round trips; more mostly adds request-unit bursts (429s) on a serverless account.
    /// </summary>
    public int DeadlineParallelism { get; set; } = 8;

    public bool IsValid => DeadlineParallelism is >= 1 and <= 64;
}
