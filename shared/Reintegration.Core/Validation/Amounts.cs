namespace Reintegration.Core.Validation;

/// <summary>Checks on decimal amounts that never throw, whatever size or precision a caller sends.</summary>
public static class Amounts
{
    /// <summary>At most the given number of decimals (trailing zeros do not count: 1.50 has one).</summary>
    public static bool HasAtMostDecimals(decimal? value, int decimals) =>
        value is null || decimal.Round(value.Value, decimals) == value.Value;

    /// <summary>The quotient, or null where it does not fit a decimal (decimal arithmetic is always checked).</summary>
    public static decimal? TryDivide(decimal dividend, decimal divisor)
    {
        if (divisor == 0m)
        {
            return null;
        }
        try
        {
            return dividend / divisor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
