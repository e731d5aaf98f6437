using FluentValidation.Results;

namespace Reintegration.Core.Errors;

public static class RequestValidation
{
    /// <summary>Turns validator failures into a 400 naming each offending field in camelCase JSON paths.</summary>
    public static void ThrowIfInvalid(ValidationResult result)
    {
        if (result.IsValid)
        {
            return;
        }
        var errors = result.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        throw new RequestValidationException(errors);
    }

    public static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
