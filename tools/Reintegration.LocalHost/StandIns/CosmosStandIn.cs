using Microsoft.Extensions.Logging;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// @vercel/cosmosdb-server (npm, pinned in tools/standins): the Cosmos DB REST protocol over HTTPS.
/// tools/standins/cosmos-standin.js starts it with a locally made certificate, fixes what it gets wrong, and keeps
/// its data in a journal in DataDirectory/cosmos, so the data survives a restart (docs/decisions/0010).
/// </summary>
public sealed class CosmosStandIn : IRestartableStandIn
{
    /// <summary>The Cosmos DB emulator's well-known key (public, documented by Microsoft); the stand-in accepts any key.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public const string DatabaseName = "reintegration";

    /// <summary>Without it the Cosmos SDK on Linux asks the server for query plans, which the stand-in cannot answer.</summary>
    public const string QueryPlanVariable = "AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StandInContext _context;
    private readonly ILogger _logger;
    private NodeProcess _process;

    private CosmosStandIn(NodeProcess process, StandInContext context, ILogger logger, int port, LocalCertificate certificate, string journalPath)
    {
        _process = process;
        _context = context;
        _logger = logger;
        Port = port;
        Certificate = certificate;
        JournalPath = journalPath;
    }

    public string Name => "Cosmos DB";

    public int Port { get; }

    public Uri Endpoint => new($"https://localhost:{Port}/");

    /// <summary>The self-signed certificate the stand-in serves (PEM files in DataDirectory/cosmos).</summary>
    public LocalCertificate Certificate { get; }

    /// <summary>The file its databases, containers and items are kept in.</summary>
    public string JournalPath { get; }

    public int ProcessId => _process.Id;

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Cosmos:Endpoint"] = Endpoint.ToString(),
        ["Cosmos:Key"] = EmulatorKey,
        ["Cosmos:Database"] = DatabaseName,
        ["Cosmos:AcceptLocalCertificate"] = "true",
        // A new data directory starts empty: the app creates its database and containers.
        ["Cosmos:EnsureCreated"] = "true",
        ["Cosmos:LocalCertificateThumbprint"] = Certificate.Thumbprint,
    };

    public string Description => $"Cosmos DB stand-in: {Endpoint}, data in {JournalPath}";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable(QueryPlanVariable, "true");
        var directory = Path.Combine(context.DataDirectory, "cosmos");
        var certificate = LocalCertificate.Ensure(directory);
        var journalPath = Path.Combine(directory, "journal.jsonl");
        var logger = context.LoggerFactory.CreateLogger("StandIn.Cosmos");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Pick(context.PreferWellKnownPorts ? 8081 : 0);
            try
            {
                var process = await LaunchAsync(context, logger, port, certificate, journalPath, cancellationToken).ConfigureAwait(false);
                return new CosmosStandIn(process, context, logger, port, certificate, journalPath);
            }
            catch (StandInStartException ex) when (ex.PortTaken && attempt < 3)
            {
                logger.LogInformation("Port {Port} was taken meanwhile; retrying the Cosmos DB stand-in on another port", port);
            }
        }
    }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = await LaunchAsync(_context, _logger, Port, Certificate, JournalPath, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<NodeProcess> LaunchAsync(
        StandInContext context, ILogger logger, int port, LocalCertificate certificate, string journalPath, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--cert", certificate.CertificatePath,
            "--key", certificate.KeyPath,
            "--journal", journalPath,
            "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        if (!context.FlushCosmosJournal)
        {
            arguments.Add("--no-flush");
        }

        var process = NodeProcess.Start(
            Path.Combine(context.StandInsDirectory, "cosmos-standin.js"),
            arguments,
            context.StandInsDirectory,
            logger);
        try
        {
            await process.WaitUntilListeningAsync("Cosmos DB", [port], StartTimeout, cancellationToken).ConfigureAwait(false);
            return process;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
