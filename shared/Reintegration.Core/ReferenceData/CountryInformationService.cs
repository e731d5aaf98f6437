using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.ReferenceData;

/// <summary>Where each country's information is kept.</summary>
public interface ICountryInformationStore
{
    Task<Versioned<CountryInformation>?> FindAsync(CountryCode code, CancellationToken cancellationToken);

    /// <summary>Creates when <paramref name="ifMatch"/> is null (answers the stored one if it exists), else replaces that version.</summary>
    Task<Versioned<CountryInformation>> SaveAsync(CountryInformation information, string? ifMatch, CancellationToken cancellationToken);
}

/// <summary>Country information for people considering return (public), maintained by coordinators.</summary>
public sealed class CountryInformationService(
    ICountryInformationStore store,
    IReferenceDataStore referenceData,
    IValidator<CountryInformationRequest> validator,
    ProgrammeClock clock)
{
    /// <summary>The stored information; a published country's first text is stored when first asked for.</summary>
    public async Task<(Versioned<CountryInformation> Information, IReadOnlyList<string> Partners)> GetAsync(CountryCode code,
        CancellationToken cancellationToken)
    {
        var country = await referenceData.FindCountryAsync(code.Value, cancellationToken) ?? throw new NotFoundException($"Country {code}");
        var information = await store.FindAsync(code, cancellationToken)
            ?? await store.SaveAsync(CountryInformationSeed.For(country, clock.Today), null, cancellationToken);
        var partners = (await referenceData.OrganisationsAsync(cancellationToken)).Where(o => o.Covers(code.Value)).Select(o => o.Name)
            .Order(StringComparer.Ordinal).ToList();
        return (information, partners);
    }

    public async Task<(Versioned<CountryInformation> Information, IReadOnlyList<string> Partners)> SetAsync(Caller caller, CountryCode code,
        CountryInformationRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Coordinator)
        {
            throw new ForbiddenException("Only a coordinator maintains the information for returnees.");
        }
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException();
        }
        var (current, _) = await GetAsync(code, cancellationToken);
        if (current.ETag != ifMatch)
        {
            throw new StaleVersionException(current.ETag);
        }
        await store.SaveAsync(new CountryInformation
        {
            Code = code.Value,
            Texts = request.Texts!.Select(t => new CountryText(t.Language!, t.SupportOffered!, t.HowToReachUs!)).ToList(),
            LastReviewedOn = request.LastReviewedOn!.Value,
            LastReviewedBy = caller.UserId,
        }, ifMatch, cancellationToken);
        return await GetAsync(code, cancellationToken);
    }
}
