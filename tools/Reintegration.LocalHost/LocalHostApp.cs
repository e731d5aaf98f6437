using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Reintegration.Api;
using Reintegration.Api.Http;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Functions;
using Reintegration.LocalHost.Http;
using Reintegration.LocalHost.Queues;
using Reintegration.LocalHost.StandIns;
using Reintegration.LocalHost.Timers;
using Reintegration.LocalHost.Tokens;

namespace Reintegration.LocalHost;

/// <summary>
/// The Functions app's function classes served on Kestrel, with the stand-ins they need: HTTP triggers at their
/// routes, timer triggers on their schedules, queue triggers from Azurite. Usable in-process by tests.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>As the Functions host's default request body limit (the app enforces a smaller one itself).</summary>
    public const long MaxRequestBodySize = 100L * 1024 * 1024;

    /// <summary>Logs each request's full URL at Information; kept at Warning and above.</summary>
    public const string RequestUrlLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly WebApplication _app;
    private readonly bool _ownsStandIns;

    private LocalHostApp(WebApplication app, StandInSet standIns, bool ownsStandIns, FunctionCatalog functions, HostJsonSettings hostSettings, byte[] signingKey, Uri baseAddress)
    {
        _app = app;
        StandIns = standIns;
        _ownsStandIns = ownsStandIns;
        Functions = functions;
        HostSettings = hostSettings;
        SigningKey = signingKey;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens, e.g. http://localhost:7071/ (routes are under <see cref="HostJsonSettings.RoutePrefix"/>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's root services.</summary>
    public IServiceProvider Services => _app.Services;

    public IConfiguration Configuration => _app.Configuration;

    public StandInSet StandIns { get; }

    public FunctionCatalog Functions { get; }

    public HostJsonSettings HostSettings { get; }

    /// <summary>The development key the app trusts for this run (see <see cref="DevelopmentTokens"/>).</summary>
    public byte[] SigningKey { get; }

    /// <summary>Starts the stand-ins (unless given), then the app; returns once it listens and its triggers run.</summary>
    public static async Task<LocalHostApp> StartAsync(LocalHostOptions options, ILoggerFactory? standInLogging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = options.FunctionClasses is { } classes
            ? FunctionCatalog.Discover(classes)
            : FunctionCatalog.Discover(options.FunctionAssemblies ?? [FunctionsAssembly.Load()]);
        var hostSettings = LoadHostSettings(options);
        var dataDirectory = options.DataDirectory ?? options.StandIns?.DataDirectory ?? RepositoryLayout.Locate().LocalDataDirectory;
        var signingKey = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.PathIn(dataDirectory));

        var standIns = options.StandIns ?? await StandInSet.StartAsync(
            new StandInOptions
            {
                DataDirectory = dataDirectory,
                PreferWellKnownPorts = options.PreferWellKnownPorts,
                Additional = options.AdditionalStandIns,
            },
            standInLogging,
            cancellationToken).ConfigureAwait(false);
        try
        {
            var app = Build(options, catalog, hostSettings, standIns, signingKey);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalHostApp(app, standIns, options.StandIns is null, catalog, hostSettings, signingKey, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            if (options.StandIns is null)
            {
                await standIns.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>An HttpClient for this host (BaseAddress set; relative URIs like "api/health").</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>A token the app accepts in this run.</summary>
    public string CreateToken(string role, string? organisationId = null, string? name = null, string? subject = null) =>
        DevelopmentTokens.Create(SigningKey, role, organisationId, name, subject);

    /// <summary>Completes when the host stops (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            if (_ownsStandIns)
            {
                await StandIns.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static HostJsonSettings LoadHostSettings(LocalHostOptions options)
    {
        var path = options.HostJsonPath
            ?? (File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json"))
                ? Path.Combine(AppContext.BaseDirectory, "host.json")
                : RepositoryLayout.Locate().HostJsonPath);
        var settings = HostJsonSettings.Load(path);
        return options.ConfigureHostSettings?.Invoke(settings) ?? settings;
    }

    private static WebApplication Build(LocalHostOptions options, FunctionCatalog catalog, HostJsonSettings hostSettings, StandInSet standIns, byte[] signingKey)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            EnvironmentName = options.EnvironmentName,
            ApplicationName = typeof(LocalHostApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Lowest precedence: defaults. Highest: where the stand-ins listen, the signing key, then the caller's settings.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalAppSettings.Defaults });
        builder.Configuration.AddInMemoryCollection(LocalAppSettings.Required(standIns, signingKey));
        // As the Functions host's app setting override: the app counts a message's last attempt by the same number.
        builder.Configuration[Reintegration.Api.Queues.WorkHandling.MaxDequeueCountSetting] =
            hostSettings.Queues.MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration.AddInMemoryCollection(options.Settings);

        if (options.Urls is not null)
        {
            builder.WebHost.UseUrls(options.Urls);
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
            EdgeLimits.ApplyTo(kestrel);
        });
        // ASP.NET Core's "Request starting/finished" lines carry the full URL, query string (and any token in it)
        // included; the edge middleware logs each request itself, without the query.
        builder.Logging.AddFilter(RequestUrlLogCategory, LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        // IActionResult executors and MVC's JSON options (camelCase), as the Functions ASP.NET Core integration uses.
        builder.Services.AddMvcCore();
        if (options.AddAppServices)
        {
            builder.Services.AddReintegration(builder.Configuration);
            // Dead letters of the Service Bus stand-in, as a namespace's DeadletteredMessages metric is in Azure.
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(Reintegration.ServiceBusStandIn.Broker.BrokerMetrics.MeterName));
        }

        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(hostSettings);
        builder.Services.AddSingleton<TimerTriggerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerTriggerService>());
        builder.Services.AddSingleton<QueueTriggerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueTriggerService>());

        var app = builder.Build();
        if (options.AddAppServices)
        {
            app.UseMiddleware<EdgeMiddleware>();
        }
        app.MapHttpFunctions(catalog, hostSettings.RoutePrefix);
        return app;
    }
}
