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
