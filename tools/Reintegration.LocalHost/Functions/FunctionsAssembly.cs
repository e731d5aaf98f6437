using System.Reflection;

namespace Reintegration.LocalHost.Functions;

/// <summary>The Azure Functions app whose function classes the local host serves.</summary>
public static class FunctionsAssembly
{
    public const string Name = "Reintegration.Functions";

    /// <summary>Loaded by name: the local host references the project but uses none of its types directly.</summary>
    public static Assembly Load() => Assembly.Load(new AssemblyName(Name));
}
