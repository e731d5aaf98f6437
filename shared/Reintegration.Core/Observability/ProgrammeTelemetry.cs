using System.Diagnostics;

namespace Reintegration.Core.Observability;

/// <summary>
/// The app's own spans: a queue message sent and handled, notifications published. Their names and tags
/// hold queue and function names only, never a person's data (docs/decisions/0016).
/// </summary>
public static class ProgrammeTelemetry
{
    /// <summary>The name of the app's ActivitySource and Meter, which the hosts export.</summary>
    public const string Name = "Reintegration";

    public static readonly ActivitySource Source = new(Name);
}
