using System.Reflection;
using Reintegration.Api.Http;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The request record an HTTP function reads: the T of its <see cref="RequestReader.ReadJsonAsync{T}"/> call, found in
/// the IL of the function method and of the lambdas and async state machines the compiler made from it. So a new
/// function, or a function that starts reading a body, is fuzzed with the right body without a table to keep up.
/// </summary>
internal static class RequestTypes
{
    private const byte Call = 0x28;
    private const byte CallVirt = 0x6F;

    /// <summary>Every request record the function reads (an action endpoint may read one per kind of action); empty for none.</summary>
    public static IReadOnlyList<Type> ReadBy(MethodInfo function)
    {
        var marker = $"<{function.Name}>";
        var types = NestedTypes(function.DeclaringType!).ToList();
        var methods = types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Contains(marker, StringComparison.Ordinal) || m.DeclaringType!.Name.Contains(marker, StringComparison.Ordinal))
            .Prepend(function);
        return methods.SelectMany(CalledReads).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Type> NestedTypes(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(t => NestedTypes(t).Prepend(t));

    /// <summary>Every ReadJsonAsync&lt;T&gt; the method body calls (a byte scan: a token that does not resolve is skipped).</summary>
    private static IEnumerable<Type> CalledReads(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (Call or CallVirt)) continue;
            var token = BitConverter.ToInt32(il, i + 1);
            if ((token >> 24) is not (0x06 or 0x0A or 0x2B)) continue;
            MethodBase? called;
            try
            {
                called = method.Module.ResolveMethod(token,
                    method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null,
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (called is MethodInfo { Name: nameof(RequestReader.ReadJsonAsync), IsGenericMethod: true } reader && reader.DeclaringType == typeof(RequestReader))
            {
                yield return reader.GetGenericArguments()[0];
            }
        }
    }
}
