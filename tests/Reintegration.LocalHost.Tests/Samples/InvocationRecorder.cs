using System.Collections.Concurrent;

namespace Reintegration.LocalHost.Tests.Samples;

/// <summary>What the sample functions saw; tests wait on it instead of sleeping.</summary>
public sealed class InvocationRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object?>> _invocations = new();
    private readonly Lock _lock = new();
    private readonly List<(string Function, int Count, TaskCompletionSource Done)> _waiters = [];

    public void Record(string function, object? value)
    {
        var invocations = _invocations.GetOrAdd(function, _ => new ConcurrentQueue<object?>());
        invocations.Enqueue(value);
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(w => w.Function == function && invocations.Count >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public IReadOnlyList<object?> Of(string function) =>
        _invocations.TryGetValue(function, out var invocations) ? [.. invocations] : [];

    /// <summary>Completes once the function has run at least <paramref name="count"/> times; fails after the timeout.</summary>
    public async Task<IReadOnlyList<object?>> WaitForAsync(string function, int count, TimeSpan? timeout = null)
    {
        Task done;
        lock (_lock)
        {
            if (Of(function).Count >= count)
            {
                return Of(function);
            }

            var waiter = (function, count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            done = waiter.Item3.Task;
        }

        try
        {
            await done.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{function} ran {Of(function).Count} times, expected {count}.");
        }

        return Of(function);
    }
}
