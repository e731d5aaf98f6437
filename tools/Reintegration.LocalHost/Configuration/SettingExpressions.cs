using Microsoft.Extensions.Configuration;

namespace Reintegration.LocalHost.Configuration;

/// <summary>Resolves "%Name%" placeholders in trigger attributes from configuration, as the Functions host does.</summary>
public static class SettingExpressions
{
    public static string Resolve(string expression, IConfiguration configuration)
    {
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (position < expression.Length)
        {
            var start = expression.IndexOf('%', position);
            if (start < 0)
            {
                result.Append(expression, position, expression.Length - position);
                break;
            }

            var end = expression.IndexOf('%', start + 1);
            if (end < 0)
            {
                throw new InvalidOperationException($"Unclosed '%' in '{expression}'.");
            }

            result.Append(expression, position, start - position);
            result.Append(Setting(expression[(start + 1)..end], configuration));
            position = end + 1;
        }

        return result.ToString();
    }

    /// <summary>App settings may separate sections with "__" (environment style) or ":".</summary>
    public static string Setting(string name, IConfiguration configuration)
    {
        var value = configuration[name.Replace("__", ":", StringComparison.Ordinal)];
        return !string.IsNullOrEmpty(value)
            ? value
            : throw new InvalidOperationException($"The app setting '{name}' is missing or empty.");
    }
}
