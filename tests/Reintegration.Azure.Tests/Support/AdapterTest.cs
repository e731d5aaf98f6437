using Microsoft.Extensions.DependencyInjection;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Support;

/// <summary>
/// A test over the app's real adapters, with a Cosmos database of its own (xunit creates the class once per test,
/// so every test starts from empty containers). The provider is disposed after the test.
/// </summary>
public abstract class AdapterTest(StandInsFixture standIns) : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected StandInsFixture StandIns => standIns;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected ServiceProvider Services => _services ?? throw new InvalidOperationException("The adapters have not started.");

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync() => _services = await Adapters.StartAsync(standIns);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
