namespace Reintegration.ServiceBusStandIn.Configuration;

/// <summary>The configuration cannot be used; the message names the entity and the field.</summary>
public sealed class StandInConfigException : Exception
{
    public StandInConfigException(string message) : base(message) { }

    public StandInConfigException(string message, Exception inner) : base(message, inner) { }
}
