namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>A subscription rule's filter.</summary>
public interface IMessageFilter
{
    bool Matches(FilterContext message);
}

/// <summary>The default rule of a subscription without rules: every message matches.</summary>
public sealed class TrueFilter : IMessageFilter
{
    public static readonly TrueFilter Instance = new();

    public bool Matches(FilterContext message) => true;
}

/// <summary>A rule that matches nothing (Service Bus's FalseFilter, "1=0").</summary>
public sealed class FalseFilter : IMessageFilter
{
    public static readonly FalseFilter Instance = new();

    public bool Matches(FilterContext message) => false;
}
