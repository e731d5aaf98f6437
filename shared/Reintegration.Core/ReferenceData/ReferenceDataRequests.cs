using FluentValidation;

namespace Reintegration.Core.ReferenceData;

public sealed record CountryRequest
{
    public string? Name { get; init; }
    public bool? Active { get; init; }
    /// <summary>Required when the country is suspended.</summary>
    public string? SuspensionReason { get; init; }
}

public sealed record PartnerRequest
{
    public string? Name { get; init; }
    public List<string>? Countries { get; init; }
    public bool? Active { get; init; }
}

public sealed record ReferringOrganisationRequest
{
    public string? Name { get; init; }
    public bool? Active { get; init; }
}

public sealed class CountryRequestValidator : AbstractValidator<CountryRequest>
{
    public CountryRequestValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Active).NotNull();
        RuleFor(c => c.SuspensionReason).NotEmpty().When(c => c.Active == false)
            .WithMessage("Say why return to the country is suspended.");
        RuleFor(c => c.SuspensionReason).MaximumLength(1000);
    }
}

public sealed class PartnerRequestValidator : AbstractValidator<PartnerRequest>
{
    public PartnerRequestValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Countries).NotEmpty().Must(c => c is null || c.Count <= 50).WithMessage("From 1 to 50 countries.");
        RuleForEach(p => p.Countries).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("An ISO 3166-1 alpha-2 code in capitals.");
        RuleFor(p => p.Active).NotNull();
    }
}

public sealed class ReferringOrganisationRequestValidator : AbstractValidator<ReferringOrganisationRequest>
{
    public ReferringOrganisationRequestValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200);
        RuleFor(o => o.Active).NotNull();
    }
}
