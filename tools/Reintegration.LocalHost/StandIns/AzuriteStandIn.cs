using Microsoft.Extensions.Logging;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// Azurite (npm, pinned in tools/standins): Blob, Queue and Table storage. Keeps its data in
/// DataDirectory/azurite, so the data of a local run survives a restart.
/// </summary>
public sealed class AzuriteStandIn : IRestartableStandIn
{
    /// <summary>The storage emulator's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StandInContext _context;
    private readonly ILogger _logger;
    private NodeProcess _process;

    private AzuriteStandIn(NodeProcess process, StandInContext context, ILogger logger, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _context = context;
        _logger = logger;
        DataDirectory = dataDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string Name => "Azurite";

    public string DataDirectory { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = ConnectionString,
    };

    public string Description => $"Azurite: blob 127.0.0.1:{BlobPort}, queue 127.0.0.1:{QueuePort}, table 127.0.0.1:{TablePort}, data in {DataDirectory}";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(context.DataDirectory, "azurite");
        Directory.CreateDirectory(dataDirectory);
        var logger = context.LoggerFactory.CreateLogger("StandIn.Azurite");
        for (var attempt = 1; ; attempt++)
        {
            var blobPort = FreePorts.Pick(context.PreferWellKnownPorts ? 10000 : 0);
            var queuePort = FreePorts.Pick(context.PreferWellKnownPorts ? 10001 : 0);
            var tablePort = FreePorts.Pick(context.PreferWellKnownPorts ? 10002 : 0);
            try
            {
                var process = await LaunchAsync(context, logger, dataDirectory, blobPort, queuePort, tablePort, cancellationToken).ConfigureAwait(false);
                return new AzuriteStandIn(process, context, logger, dataDirectory, blobPort, queuePort, tablePort);
            }
            catch (StandInStartException ex) when (ex.PortTaken && attempt < 3)
            {
                logger.LogInformation("A port was taken meanwhile; retrying Azurite on other ports");
            }
        }
    }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = await LaunchAsync(_context, _logger, DataDirectory, BlobPort, QueuePort, TablePort, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<NodeProcess> LaunchAsync(
        StandInContext context, ILogger logger, string dataDirectory, int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken)
    {
        var process = NodeProcess.Start(
            Path.Combine(context.StandInsDirectory, "azurite-standin.js"),
            [
                "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--",
                "--location", dataDirectory,
                "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
                // The Azure SDKs send an API version newer than Azurite knows.
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--silent",
            ],
            context.StandInsDirectory,
            logger);
        try
        {
            await process.WaitUntilListeningAsync("Azurite", [blobPort, queuePort, tablePort], StartTimeout, cancellationToken).ConfigureAwait(false);
            return process;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
