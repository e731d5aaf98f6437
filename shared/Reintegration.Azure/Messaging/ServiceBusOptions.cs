namespace Reintegration.Azure.Messaging;

/// <summary>Settings of section "ServiceBus".</summary>
public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";

    /// <summary>A connection string (local stand-in); when empty, the namespace below with the managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// For the management of subscriptions only, when it is served elsewhere than <see cref="ConnectionString"/> (a local
    /// stand-in); empty: the connection string, or the namespace with the managed identity.
    /// </summary>
    public string? AdministrationConnectionString { get; set; }

    /// <summary>e.g. reintegration.servicebus.windows.net</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The topic that carries notifications to partners and caseworkers.</summary>
    public string NotificationTopic { get; set; } = "partner-notifications";

    /// <summary>Retries of one send before it fails; the notification stays in the case's outbox and is tried again later.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
}

public sealed record NotificationTopic(string Name);
