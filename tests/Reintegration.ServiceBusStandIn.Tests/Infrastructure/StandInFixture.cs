using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>One stand-in for the whole test assembly, started like the local host starts it, with the contract entities.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    ServiceBusStandIn? standIn;

    public CapturingLogger Log { get; } = new();

    public ServiceBusStandIn StandIn => standIn ?? throw new InvalidOperationException("The stand-in has not started.");

    public ContractTarget Target => ContractTarget.StandIn(StandIn);

    public static StandInConfig ContractEntities() =>
        StandInConfig.Load(Path.Combine(AppContext.BaseDirectory, "ContractEntities.json"));

    public async ValueTask InitializeAsync() => standIn = await ServiceBusStandIn.StartAsync(ContractEntities(), port: 0, Log);

    public async ValueTask DisposeAsync()
    {
        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }
    }
}
