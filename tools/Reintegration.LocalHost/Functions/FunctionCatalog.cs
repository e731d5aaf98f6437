using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Functions;

/// <summary>Finds the [Function] methods of the function assemblies and checks that the local host can serve each.</summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> OfTrigger(TriggerKind trigger) => Functions.Where(f => f.Trigger == trigger);

    /// <summary>Describes every function; throws <see cref="UnsupportedFunctionException"/> listing every function it cannot serve.</summary>
    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies) =>
        Discover(assemblies.Distinct().SelectMany(FindFunctionMethods));

    /// <summary>Only the [Function] methods of these classes (tests serve chosen sample classes).</summary>
    public static FunctionCatalog Discover(IEnumerable<Type> functionClasses) =>
        Discover(functionClasses.Distinct().SelectMany(FindFunctionMethods));

    private static FunctionCatalog Discover(IEnumerable<MethodInfo> methods)
    {
        var functions = new List<FunctionDescriptor>();
        var problems = new List<string>();
        foreach (var method in methods)
        {
            try
            {
                functions.Add(Describe(method));
            }
            catch (UnsupportedFunctionException ex)
            {
                problems.Add(ex.Message);
            }
        }

        problems.AddRange(functions
            .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Function name '{g.Key}' is used by {string.Join(", ", g)}."));

        return problems.Count == 0
            ? new FunctionCatalog(functions)
            : throw new UnsupportedFunctionException(
                "The local host cannot serve these functions:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every method marked [Function] in the assembly, whatever its shape.</summary>
    public static IEnumerable<MethodInfo> FindFunctionMethods(Assembly assembly) =>
        assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).SelectMany(FindFunctionMethods);

    /// <summary>Every method of the class marked [Function], whatever its shape.</summary>
    public static IEnumerable<MethodInfo> FindFunctionMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>Checks one [Function] method; the exception names the function and says what is unsupported.</summary>
    public static FunctionDescriptor Describe(MethodInfo method) => FunctionShape.Describe(method);
}
