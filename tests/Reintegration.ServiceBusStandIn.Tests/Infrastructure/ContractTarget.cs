using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>
/// Where a contract test runs: the stand-in, or a real namespace / Microsoft's emulator given by
/// SERVICEBUS_CONTRACT_CONNECTION_STRING (with the entities of ContractEntities.json).
/// </summary>
public sealed class ContractTarget
{
    public const string ConnectionStringVariable = "SERVICEBUS_CONTRACT_CONNECTION_STRING";

    /// <summary>For Microsoft's emulator, whose management API has its own port; a real namespace needs only the first variable.</summary>
    public const string AdministrationConnectionStringVariable = "SERVICEBUS_CONTRACT_ADMIN_CONNECTION_STRING";

    ContractTarget(string name, string? connectionString, string? skipReason, bool isStandIn, string? administrationConnectionString = null)
    {
        Name = name;
        ConnectionString = connectionString;
        AdministrationConnectionString = administrationConnectionString ?? connectionString;
        SkipReason = skipReason;
        IsStandIn = isStandIn;
    }

    public string Name { get; }

    public string? ConnectionString { get; }

    public string? AdministrationConnectionString { get; }

    public string? SkipReason { get; }

    public bool IsStandIn { get; }

    public static ContractTarget StandIn(ServiceBusStandIn standIn) =>
        new("stand-in", standIn.ConnectionString, null, isStandIn: true, standIn.AdministrationConnectionString);

    public static ContractTarget External { get; } = FromEnvironment();

    /// <summary>A client for this target; skips the calling test, visibly, when the target is not configured.</summary>
    public ServiceBusClient CreateClient()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        return new ServiceBusClient(ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 2, TryTimeout = TimeSpan.FromSeconds(20) },
        });
    }

    /// <summary>An administration client for this target; skips the calling test, visibly, when the target is not configured.</summary>
    public ServiceBusAdministrationClient CreateAdministrationClient()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        var options = new ServiceBusAdministrationClientOptions();
        options.Retry.MaxRetries = 1;
        return new ServiceBusAdministrationClient(AdministrationConnectionString, options);
    }

    static ContractTarget FromEnvironment()
    {
        string? connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return string.IsNullOrWhiteSpace(connectionString)
            ? new ContractTarget(
                "external namespace",
                null,
                $"{ConnectionStringVariable} is not set: the contract suite ran against the stand-in only. " +
                "Set it to a Service Bus namespace or Microsoft's emulator holding the entities of ContractEntities.json to run it there too.",
                isStandIn: false)
            : new ContractTarget("external namespace", connectionString, null, isStandIn: false,
                Environment.GetEnvironmentVariable(AdministrationConnectionStringVariable) is { Length: > 0 } admin ? admin : null);
    }
}
