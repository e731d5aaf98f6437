using FluentValidation;
using Microsoft.Extensions.Options;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Documents;

/// <summary>What a client says about a file it wants to upload.</summary>
public sealed record DocumentRequest
{
    public string? Type { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
    public long? Size { get; init; }
    /// <summary>Whether the case's partner may see the file; when left out, <see cref="DocumentSharing.SharedByDefault"/> decides.</summary>
    public bool? SharedWithPartner { get; init; }
}

public sealed class DocumentRequestValidator : AbstractValidator<DocumentRequest>
{
    public DocumentRequestValidator(IOptions<DocumentOptions> options)
    {
        var max = options.Value.MaxSizeBytes;
        RuleFor(d => d.Type).NotEmpty()
            .Must(EnumNames.IsOne<DocumentType>).WithMessage(EnumNames.OneOf<DocumentType>());
        RuleFor(d => d.FileName).NotEmpty().MaximumLength(200).PlainText()
            .Must(n => n is null || !n.Any(c => c is '/' or '\\'))
            .WithMessage("A file name without path separators.");
        RuleFor(d => d.ContentType).NotEmpty().Must(c => FileSignatures.Allowed.Contains(c))
            .WithMessage($"One of: {string.Join(", ", FileSignatures.Allowed)}.");
        RuleFor(d => d.Size).NotNull().InclusiveBetween(1, max).WithMessage($"From 1 byte to {max} bytes.");
    }
}
