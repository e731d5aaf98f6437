using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reintegration.LocalHost;
using Reintegration.LocalHost.StandIns;
using Reintegration.LocalHost.Tokens;

namespace Reintegration.Testing;

/// <summary>
/// The Functions app in the local host, in this test process, on a free port, over the process's stand-ins, with a
/// fake clock. Use as <c>[assembly: AssemblyFixture(typeof(LocalHostFixture))]</c> (or a subclass overriding the
/// Configure* hooks) and take it in a test class's constructor.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private StandInsLease? _lease;
    private LocalHostApp? _host;
    private HttpClient? _client;
    private bool _servesApp = true;

    /// <summary>The app's clock: starts at the real time (whole seconds) and moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>Everything the app logged in this run, at every level.</summary>
    public CapturedLogs Logs { get; } = new EveryLevelLogs();

    public LocalHostApp Host => _host ?? throw new InvalidOperationException("The local host fixture has not been initialised.");

    /// <summary>e.g. http://127.0.0.1:41234/ — API routes are under "api/".</summary>
    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>The app's root services.</summary>
    public IServiceProvider Services => Host.Services;

    public StandInSet StandIns => Host.StandIns;

    /// <summary>An anonymous client (no token).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The local host fixture has not been initialised.");

    /// <summary>A token for the role (caseworker, coordinator, partner, dpo), valid from the fake clock's now for 8 hours.</summary>
    public string Token(string role, string? organisationId = null, string? name = null, string? subject = null) =>
        DevelopmentTokens.Create(Host.SigningKey, role, organisationId, name, subject, notBefore: Time.GetUtcNow());

    /// <summary>A client that sends a fresh token for the role; the fixture disposes it.</summary>
    public HttpClient ClientFor(string role, string? organisationId = null, string? name = null, string? subject = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, organisationId, name, subject));
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// A client whose every answer is checked against the API's OpenAPI document (<see cref="ContractCheck"/>) when the
    /// host serves the app's functions; a host serving other function classes (the local host's own samples) is not
    /// what the document describes, so its clients are plain.
    /// </summary>
    public HttpClient CreateClient() => _servesApp
        ? new HttpClient(new ContractCheckingHandler()) { BaseAddress = BaseAddress }
        : new HttpClient { BaseAddress = BaseAddress };

    public async ValueTask InitializeAsync()
    {
        _lease = await SharedStandIns.AcquireAsync().ConfigureAwait(false);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        ConfigureSettings(settings);
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            StandIns = _lease.StandIns,
            Settings = settings,
            ConfigureServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                ConfigureServices(services);
            },
            ConfigureLogging = logging =>
            {
                ConfigureLogging(logging);
                logging.AddProvider(Logs);
                logging.AddFilter<EveryLevelLogs>(null, LogLevel.Trace);
            },
            // Failed queue messages come back at once and empty queues are polled often, so queue tests stay fast.
            ConfigureHostSettings = host => host with
            {
                Queues = host.Queues with { VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(250) },
            },
        };
        var configured = ConfigureOptions(options);
        // The app's functions are served unless other function classes are named.
        _servesApp = configured.FunctionClasses is null;
        _host = await LocalHostApp.StartAsync(configured).ConfigureAwait(false);
        _client = CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }

        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Extra app settings (they win over all others).</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Runs after the app's registrations and the fake clock: replace or add services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Warnings and errors only, so test output stays readable.</summary>
    protected virtual void ConfigureLogging(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    /// <summary>Last say over the host options (e.g. other function assemblies, host.json settings).</summary>
    protected virtual LocalHostOptions ConfigureOptions(LocalHostOptions options) => options;
}
