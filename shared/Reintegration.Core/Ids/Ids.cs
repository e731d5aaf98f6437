using Vogen;

namespace Reintegration.Core.Ids;

// Each id of the programme as its own type: a PartnerId-shaped string cannot be passed where a CaseId is expected.
// Parsed once at the edge (see Reintegration.Api.Http.RouteIds and the request validators); inside, only these travel.

/// <summary>A case: the GUID issued when the referral was registered.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CaseId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsIssued(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.IssuedRule);

    public static CaseId New() => From(Guid.NewGuid().ToString("D"));
}

/// <summary>A document of a case: the GUID issued with its upload URL.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct DocumentId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsIssued(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.IssuedRule);
}

/// <summary>A spending in a case's ledger: the GUID issued when it was recorded.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct SpendingId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsIssued(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.IssuedRule);
}

/// <summary>A monitoring checkpoint of a case, named after its months after arrival ("m3").</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CheckpointId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsCheckpoint(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.CheckpointRule);
}

/// <summary>An organisation of the programme: a referring organisation, a partner, or the coordination.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct OrganisationId
{
    private static Vogen.Validation Validate(string input) =>
        IdShapes.IsReference(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(ReferenceData.ReferenceIds.Rule);
}

/// <summary>A programme phase.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct PhaseId
{
    private static Vogen.Validation Validate(string input) =>
        IdShapes.IsReference(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(ReferenceData.ReferenceIds.Rule);
}

/// <summary>A country of return, by its ISO 3166-1 alpha-2 code in capitals.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct CountryCode
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsCountryCode(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.CountryRule);
}

/// <summary>A notification in an organisation's inbox: a GUID made from the organisation and the message id, so the inbox
/// item a redelivery writes is the one written before.</summary>
[ValueObject<string>(conversions: Conversions.SystemTextJson | Conversions.TypeConverter)]
public readonly partial struct NotificationId
{
    private static Vogen.Validation Validate(string input) => IdShapes.IsIssued(input) ? Vogen.Validation.Ok : Vogen.Validation.Invalid(IdShapes.IssuedRule);

    public static NotificationId For(string organisationId, string messageId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{organisationId}\n{messageId}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // a name-based GUID (version 5 layout), in .NET's byte order
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return From(new Guid(bytes).ToString("D"));
    }
}
