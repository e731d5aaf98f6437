using Vogen;

namespace Reintegration.Core.Ids;

/// <summary>An import of carried-over cases: the GUID issued when its file was received.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct ImportId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsIssued(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.IssuedRule);

    public static ImportId New() => From(Guid.NewGuid().ToString("D"));
}
