namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>Remembers message ids for the duplicate detection window of a queue or topic.</summary>
sealed class DuplicateDetector(TimeSpan window)
{
    readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    readonly Queue<(string Id, DateTimeOffset At)> order = new();

    /// <summary>True when the id was seen within the window; otherwise records it.</summary>
    public bool IsDuplicate(string? messageId, DateTimeOffset now)
    {
        Forget(now);
        if (messageId is null)
        {
            return false;
        }

        if (seen.ContainsKey(messageId))
        {
            return true;
        }

        seen[messageId] = now;
        order.Enqueue((messageId, now));
        return false;
    }

    void Forget(DateTimeOffset now)
    {
        while (order.Count > 0 && now - order.Peek().At >= window)
        {
            (string id, DateTimeOffset at) = order.Dequeue();
            if (seen.TryGetValue(id, out DateTimeOffset recorded) && recorded == at)
            {
                seen.Remove(id);
            }
        }
    }
}
