namespace Reintegration.Core.Monitoring;

/// <summary>The app's own background work (Storage queues, queue-triggered functions). At least once: handlers are idempotent.</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken);
}

/// <summary>A queue message: which case to work on. Nothing else, so no personal data sits in a queue.</summary>
public sealed record CaseWork(string CaseId);

public static class WorkQueues
{
    public const string CheckpointScheduling = "checkpoint-scheduling";
    public const string NotificationDelivery = "notification-delivery";
}
