using Vogen;

namespace Reintegration.Core.Ids;

// Each id of the programme as its own type: a PartnerId-shaped string cannot be passed where a CaseId is expected.
// Parsed once at the edge (see Reintegration.Api.Http.RouteIds and the request validators); inside, only these travel.

/// <summary>A case: the GUID issued when the referral was registered.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CaseId
{
    private static Validation Validate(string input) => IdShapes.IsIssued(input) ? Validation.Ok : Validation.Invalid(IdShapes.IssuedRule);

    public static CaseId New() => From(Guid.NewGuid().ToString("D"));
}

/// <summary>A document of a case: the GUID issued with its upload URL.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct DocumentId
{
    private static Validation Validate(string input) => IdShapes.IsIssued(input) ? Validation.Ok : Validation.Invalid(IdShapes.IssuedRule);
}

/// <summary>A spending in a case's ledger: the GUID issued when it was recorded.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct SpendingId
{
    private static Validation Validate(string input) => IdShapes.IsIssued(input) ? Validation.Ok : Validation.Invalid(IdShapes.IssuedRule);
}

/// <summary>A monitoring checkpoint of a case, named after its months after arrival ("m3").</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CheckpointId
{
    private static Validation Validate(string input) => IdShapes.IsCheckpoint(input) ? Validation.Ok : Validation.Invalid(IdShapes.CheckpointRule);
}

/// <summary>An organisation of the programme: a referring organisation, a partner, or the coordination.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct OrganisationId
{
    private static Validation Validate(string input) =>
        IdShapes.IsReference(input) ? Validation.Ok : Validation.Invalid(ReferenceData.ReferenceIds.Rule);
}

/// <summary>A programme phase.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct PhaseId
{
    private static Validation Validate(string input) =>
        IdShapes.IsReference(input) ? Validation.Ok : Validation.Invalid(ReferenceData.ReferenceIds.Rule);
}

/// <summary>A country of return, by its ISO 3166-1 alpha-2 code in capitals.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CountryCode
{
    private static Validation Validate(string input) => IdShapes.IsCountryCode(input) ? Validation.Ok : Validation.Invalid(IdShapes.CountryRule);
}
