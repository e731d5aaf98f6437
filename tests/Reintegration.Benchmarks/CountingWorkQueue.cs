using Reintegration.Core.Monitoring;

namespace Reintegration.Benchmarks;

/// <summary>The app's real work queue (Storage queues on Azurite), counting what the job enqueues.</summary>
internal sealed class CountingWorkQueue(IWorkQueue inner) : IWorkQueue
{
    private int _enqueued;

    public int Enqueued => Volatile.Read(ref _enqueued);

    public async Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken)
    {
        await inner.EnqueueAsync(queueName, work, cancellationToken);
        Interlocked.Increment(ref _enqueued);
    }
}
