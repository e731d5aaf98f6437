using Reintegration.LocalHost.Configuration;

namespace Reintegration.LocalHost.Tokens;

/// <summary>`token --role ROLE [--org ORGID] [--name NAME] [--sub SUBJECT]`: prints a token the local host accepts.</summary>
internal static class TokenCommand
{
    public const string Name = "token";

    private const string Usage = "usage: token --role caseworker|coordinator|partner|dpo [--org ORGID] [--name NAME] [--sub SUBJECT]";

    /// <param name="dataDirectory">Where the signing key lives; default: the repository's .localdata.</param>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, string? dataDirectory = null)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--role" or "--org" or "--name" or "--sub" && i + 1 < arguments.Count)
            {
                options[arguments[i][2..]] = arguments[++i];
            }
            else
            {
                error.WriteLine($"unexpected argument '{arguments[i]}'");
                error.WriteLine(Usage);
                return 2;
            }
        }

        if (!options.TryGetValue("role", out var role))
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var key = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.PathIn(dataDirectory ?? RepositoryLayout.Locate().LocalDataDirectory));
            output.WriteLine(DevelopmentTokens.Create(
                key,
                role,
                options.GetValueOrDefault("org"),
                options.GetValueOrDefault("name"),
                options.GetValueOrDefault("sub")));
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
    }
}
