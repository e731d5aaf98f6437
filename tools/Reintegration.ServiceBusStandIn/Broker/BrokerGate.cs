namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// The single lock of the broker. State changes run inside it; work queued with <see cref="AfterUnlock"/>
/// (sending to links, logging) runs after it is released, so no network call happens under the lock.
/// </summary>
sealed class BrokerGate
{
    readonly Lock gate = new();
    List<Action> afterUnlock = [];

    public T Run<T>(Func<T> change)
    {
        T result;
        List<Action> pending;
        lock (gate)
        {
            result = change();
            pending = afterUnlock;
            afterUnlock = [];
        }

        foreach (Action action in pending)
        {
            action();
        }

        return result;
    }

    public void Run(Action change) => Run(() =>
    {
        change();
        return true;
    });

    /// <summary>Only call while inside <see cref="Run{T}"/>.</summary>
    public void AfterUnlock(Action action) => afterUnlock.Add(action);
}
