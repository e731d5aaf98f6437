using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.LocalHost.Tests;

/// <summary>A data directory of a test's own stand-ins, and a Cosmos client as the app makes one.</summary>
internal static class StandInData
{
    public static string NewDirectory() =>
        Path.Combine(Path.GetTempPath(), "reintegration-tests", "standin-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gateway mode, its endpoint only, trusting its certificate alone.</summary>
    public static CosmosClient CosmosClientFor(CosmosStandIn cosmos) => new(
        cosmos.Endpoint.ToString(),
        CosmosStandIn.EmulatorKey,
        new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == cosmos.Certificate.Thumbprint,
            }),
        });
}
