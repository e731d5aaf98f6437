using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Core.ReferenceData;

/// <summary>
/// A coordinator adds or changes countries and partner organisations. Suspending a country blocks
/// new referrals and departures; existing cases stay as they are and readable.
/// </summary>
public sealed class MaintainReferenceData(
    IReferenceDataStore store,
    IValidator<CountryRequest> countryValidator,
    IValidator<PartnerRequest> partnerValidator)
{
    public const int MaxIdLength = 64;

    public async Task<Versioned<Country>> SetCountryAsync(Caller caller, string code, CountryRequest request, string? ifMatch,
        CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            throw RequestValidationException.ForField("code", "An ISO 3166-1 alpha-2 code in capitals.");
        }
        RequestValidation.ThrowIfInvalid(await countryValidator.ValidateAsync(request, cancellationToken));
        var country = new Country
        {
            Code = code,
            Name = request.Name!,
            Active = request.Active!.Value,
            SuspensionReason = request.Active!.Value ? null : request.SuspensionReason,
        };
        EnsureVersion(await store.ReadCountryAsync(code, cancellationToken), ifMatch);
        return await store.SaveCountryAsync(country, ifMatch, cancellationToken);
    }

    public async Task<Versioned<Organisation>> SetPartnerAsync(Caller caller, string partnerId, PartnerRequest request,
        string? ifMatch, CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        if (partnerId.Length is 0 or > MaxIdLength || !partnerId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw RequestValidationException.ForField("partnerId", $"Letters, digits and dashes, at most {MaxIdLength}.");
        }
        RequestValidation.ThrowIfInvalid(await partnerValidator.ValidateAsync(request, cancellationToken));
        var known = (await store.CountriesAsync(cancellationToken)).Select(c => c.Code).ToHashSet();
        var unknown = request.Countries!.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("A partner can only cover countries of the programme.",
                [new RuleFailure("countries", $"Not a country of the programme: {string.Join(", ", unknown)}.")]);
        }
        var existing = await store.ReadOrganisationAsync(partnerId, cancellationToken);
        if (existing is not null && existing.Value.Kind != OrganisationKind.Partner)
        {
            throw new ConflictException($"'{partnerId}' is an organisation of another kind.");
        }
        EnsureVersion(existing, ifMatch);
        var partner = new Organisation
        {
            Id = partnerId,
            Name = request.Name!,
            Kind = OrganisationKind.Partner,
            Countries = request.Countries!.Distinct().ToList(),
            Active = request.Active!.Value,
        };
        return await store.SaveOrganisationAsync(partner, ifMatch, cancellationToken);
    }

    /// <summary>An existing item changes only with its current ETag; a new one is created without If-Match.</summary>
    private static void EnsureVersion<T>(Versioned<T>? existing, string? ifMatch)
    {
        if (existing is null && ifMatch is not null)
        {
            throw new StaleVersionException("");
        }
        if (existing is not null && ifMatch is null)
        {
            throw new PreconditionRequiredException();
        }
        if (existing is not null && existing.ETag != ifMatch)
        {
            throw new StaleVersionException(existing.ETag);
        }
    }
}
