namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>A SQL filter expression the stand-in cannot parse.</summary>
public sealed class SqlFilterException(string message) : Exception(message);
