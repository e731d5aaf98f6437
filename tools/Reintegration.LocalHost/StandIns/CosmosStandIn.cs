using Microsoft.Extensions.Logging;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// @vercel/cosmosdb-server (npm, pinned in tools/standins): the Cosmos DB REST protocol over HTTPS, in memory,
/// so its data is lost when it stops. tools/standins/cosmos-standin.js starts it with a locally made
/// certificate and fixes its missing-document read (404, not 500).
/// </summary>
public sealed class CosmosStandIn : IStandIn
{
    /// <summary>The Cosmos DB emulator's well-known key (public, documented by Microsoft); the stand-in accepts any key.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public const string DatabaseName = "reintegration";

    /// <summary>Without it the Cosmos SDK on Linux asks the server for query plans, which the stand-in cannot answer.</summary>
    public const string QueryPlanVariable = "AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly NodeProcess _process;

    private CosmosStandIn(NodeProcess process, int port, LocalCertificate certificate)
    {
        _process = process;
        Port = port;
        Certificate = certificate;
    }

    public string Name => "Cosmos DB";

    public int Port { get; }

    public Uri Endpoint => new($"https://localhost:{Port}/");

    /// <summary>The self-signed certificate the stand-in serves (PEM files in DataDirectory/cosmos).</summary>
    public LocalCertificate Certificate { get; }

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Cosmos:Endpoint"] = Endpoint.ToString(),
        ["Cosmos:Key"] = EmulatorKey,
        ["Cosmos:Database"] = DatabaseName,
        ["Cosmos:AcceptLocalCertificate"] = "true",
        // The stand-in starts empty: the app creates its database and containers.
        ["Cosmos:EnsureCreated"] = "true",
        ["Cosmos:LocalCertificateThumbprint"] = Certificate.Thumbprint,
    };

    public string Description => $"Cosmos DB stand-in: {Endpoint} (in memory: data is lost when it stops)";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable(QueryPlanVariable, "true");
        var certificate = LocalCertificate.Ensure(Path.Combine(context.DataDirectory, "cosmos"));
        var logger = context.LoggerFactory.CreateLogger("StandIn.Cosmos");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Pick(context.PreferWellKnownPorts ? 8081 : 0);
            var process = NodeProcess.Start(
                Path.Combine(context.StandInsDirectory, "cosmos-standin.js"),
                [
                    "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--cert", certificate.CertificatePath,
                    "--key", certificate.KeyPath,
                    "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ],
                context.StandInsDirectory,
                logger);
            try
            {
                await process.WaitUntilListeningAsync("Cosmos DB", [port], StartTimeout, cancellationToken).ConfigureAwait(false);
                return new CosmosStandIn(process, port, certificate);
            }
            catch (StandInStartException ex) when (ex.PortTaken && attempt < 3)
            {
                logger.LogInformation("Port {Port} was taken meanwhile; retrying the Cosmos DB stand-in on another port", port);
                await process.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await process.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
