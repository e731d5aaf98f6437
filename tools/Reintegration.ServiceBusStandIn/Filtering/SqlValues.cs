using System.Globalization;

namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>Comparison rules shared by the SQL and correlation filters: numbers compare by value across types.</summary>
static class SqlValues
{
    public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0;

    /// <summary>Returns null when the two values cannot be compared (null, or different kinds).</summary>
    public static int? Compare(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDecimalOrDouble(left).CompareTo(ToDecimalOrDouble(right));
        }

        return (left, right) switch
        {
            (string l, string r) => string.CompareOrdinal(l, r),
            (char l, string r) => string.CompareOrdinal(l.ToString(), r),
            (string l, char r) => string.CompareOrdinal(l, r.ToString()),
            (bool l, bool r) => l.CompareTo(r),
            (Guid l, Guid r) => l.CompareTo(r),
            (Guid l, string r) => string.Compare(l.ToString(), r, StringComparison.OrdinalIgnoreCase),
            (string l, Guid r) => string.Compare(l, r.ToString(), StringComparison.OrdinalIgnoreCase),
            (DateTime l, DateTime r) => l.CompareTo(r),
            _ => left.Equals(right) ? 0 : null,
        };
    }

    static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    static double ToDecimalOrDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
