using CsCheck;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>Small CsCheck combinators the request generators share.</summary>
internal static class Gens
{
    /// <summary>One value from each generator, in order.</summary>
    public static Gen<IReadOnlyList<T>> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const<IReadOnlyList<T>>([]), (all, gen) => Gen.Select(all, gen, (list, item) => (IReadOnlyList<T>)[.. list, item]));

    /// <summary>Mostly a valid value, sometimes a hostile one.</summary>
    public static Gen<T> Mostly<T>(IReadOnlyList<T> valid, IReadOnlyList<T> hostile, int validWeight = 6, int hostileWeight = 4) =>
        valid.Count == 0 ? Gen.OneOf(hostile.ToArray())
        : hostile.Count == 0 ? Gen.OneOf(valid.ToArray())
        : Gen.Frequency((validWeight, Gen.OneOf(valid.ToArray())), (hostileWeight, Gen.OneOf(hostile.ToArray())));
}
