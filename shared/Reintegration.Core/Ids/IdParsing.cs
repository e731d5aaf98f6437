using Reintegration.Core.Errors;
using Vogen;

namespace Reintegration.Core.Ids;

/// <summary>Turns text from outside into a typed id: a route id of the wrong shape is not found, a body id a named 400.</summary>
public static class IdParsing
{
    /// <summary>For ids in a route: an id that cannot exist is answered like one that does not.</summary>
    public static T Route<T>(string? text, string what, Func<string, ValueObjectOrError<T>> tryFrom)
    {
        var parsed = text is null ? null : tryFrom(text);
        return parsed is { IsSuccess: true } ? parsed.ValueObject : throw new NotFoundException(what);
    }

    /// <summary>For ids in a body or query: 400 naming the field.</summary>
    public static T Field<T>(string? text, string field, string rule, Func<string, ValueObjectOrError<T>> tryFrom)
    {
        var parsed = text is null ? null : tryFrom(text);
        return parsed is { IsSuccess: true } ? parsed.ValueObject : throw RequestValidationException.ForField(field, rule);
    }
}
