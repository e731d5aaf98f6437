using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Reintegration.Core.Ids;

namespace Reintegration.Core.Imports;

/// <summary>
/// A carried-over case's id is derived from its external reference (a name-based UUID, RFC 9562 version 5), so
/// importing a row twice, from the same or another file, in one run or after a crash, finds the same case.
/// </summary>
public static partial class ExternalReferences
{
    public const int MaxLength = 64;
    public const string Rule = "Letters, digits, dots, dashes, underscores and slashes, 1 to 64, such as P3-GH-000123.";

    /// <summary>The programme's own namespace for external references; never change it, or every id changes.</summary>
    private static readonly Guid Namespace = new("4f6c1d0e-8b0f-4a51-9c36-6a3f0d2b7e15");

    public static bool IsValid(string? reference) => reference is { Length: > 0 and <= MaxLength } && Shape().IsMatch(reference);

    /// <summary>References differing only in letter case are the same reference.</summary>
    public static CaseId CaseIdFor(string reference) => CaseId.From(NameBased(Namespace, "case/" + reference.ToUpperInvariant()).ToString("D"));

    /// <summary>Ids of what an imported case holds (its spending), stable across imports of the same row.</summary>
    public static string IdWithin(string caseId, string what) => NameBased(Namespace, $"{caseId}/{what}").ToString("D");

    private static Guid NameBased(Guid space, string name)
    {
        var bytes = space.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(bytes)[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex Shape();
}
