namespace Reintegration.LocalHost.StandIns;

/// <summary>A stand-in exited or did not listen in time; the message carries its last output.</summary>
public sealed class StandInStartException(string name, string problem, string output)
    : Exception($"The {name} stand-in {problem}.{(output.Length > 0 ? Environment.NewLine + "Its last output:" + Environment.NewLine + output : "")}")
{
    /// <summary>True when another process took a port between picking it and the stand-in binding it.</summary>
    public bool PortTaken { get; } = output.Contains("EADDRINUSE", StringComparison.Ordinal);
}
