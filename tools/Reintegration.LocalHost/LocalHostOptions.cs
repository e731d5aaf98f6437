using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.LocalHost;

/// <summary>How to start the local host. The defaults are the interactive local run.</summary>
public sealed record LocalHostOptions
{
    /// <summary>Command-line arguments (ASP.NET Core style: --urls, --Section:Key=value ...).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Where to listen; when null, --urls / ASPNETCORE_URLS, else http://localhost:7071. Tests use http://127.0.0.1:0.</summary>
    public string? Urls { get; init; }

    /// <summary>Assemblies whose [Function] methods are served; by default the Functions app's.</summary>
    public IReadOnlyList<Assembly>? FunctionAssemblies { get; init; }

    /// <summary>When set, only these classes' [Function] methods are served (instead of <see cref="FunctionAssemblies"/>).</summary>
    public IReadOnlyList<Type>? FunctionClasses { get; init; }

    /// <summary>Whether to call the app's AddReintegration (off for tests of the host itself with sample functions).</summary>
    public bool AddAppServices { get; init; } = true;

    /// <summary>Stand-ins already running (shared by the tests of a process); the host then neither starts nor stops any.</summary>
    public StandInSet? StandIns { get; init; }

    /// <summary>Local data (stand-in files, the development signing key). Default: the repository's .localdata; with <see cref="StandIns"/>, theirs.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>For stand-ins the host starts: the emulators' usual ports when free (interactive run), else free ports.</summary>
    public bool PreferWellKnownPorts { get; init; }

    /// <summary>Further stand-ins for the host to start with Azurite and Cosmos DB.</summary>
    public IReadOnlyList<StandInStarter> AdditionalStandIns { get; init; } = [];

    /// <summary>host.json to read; default: the one next to the binaries, else the repository's.</summary>
    public string? HostJsonPath { get; init; }

    /// <summary>Adjusts the host.json settings (tests shorten the queue timings).</summary>
    public Func<HostJsonSettings, HostJsonSettings>? ConfigureHostSettings { get; init; }

    /// <summary>App settings that win over everything else (tests).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs after AddReintegration: replace services, e.g. TimeProvider with a FakeTimeProvider.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>The host environment; Development by default, as under Functions Core Tools.</summary>
    public string EnvironmentName { get; init; } = "Development";
}
