using System.Reflection;
using System.Text.Json;

namespace Reintegration.Api.Representations;

/// <summary>
/// The JSON field paths a view record sends, e.g. <c>case.familyMembers[].givenName</c>: the allow-list
/// written down in docs/data-protection.md. A view holds only views, lists and plain values; a domain
/// record inside a view would send every field it ever gets, so it is refused here.
/// </summary>
public static class ViewFields
{
    public static IEnumerable<string> Of(Type view, string path) =>
        view.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(p => OfValue(p.PropertyType, $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}"));

    private static IEnumerable<string> OfValue(Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsPlain(type))
        {
            return [path];
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return OfValue(type.GetGenericArguments()[0], path + "[]");
        }
        if (type.Namespace == typeof(ViewFields).Namespace && type.Name.EndsWith("View", StringComparison.Ordinal))
        {
            return Of(type, path);
        }
        throw new InvalidOperationException($"{path} is a {type.FullName}: a view holds only views, lists of them and plain values.");
    }

    private static bool IsPlain(Type type) =>
        type.IsEnum || type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(decimal)
        || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
}
