using Reintegration.LocalHost.StandIns;

namespace Reintegration.Testing;

/// <summary>
/// The process's stand-ins (Azurite, the Cosmos DB server) for tests that talk to them directly.
/// Use as <c>[assembly: AssemblyFixture(typeof(StandInsFixture))]</c> and take it in a test class's constructor.
/// </summary>
public sealed class StandInsFixture : IAsyncLifetime
{
    private StandInsLease? _lease;

    public StandInSet StandIns => _lease?.StandIns ?? throw new InvalidOperationException("The stand-ins fixture has not been initialised.");

    /// <summary>Connection string of Azurite (blob, queue, table).</summary>
    public string StorageConnectionString => StandIns.Azurite.ConnectionString;

    public async ValueTask InitializeAsync() => _lease = await SharedStandIns.AcquireAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
