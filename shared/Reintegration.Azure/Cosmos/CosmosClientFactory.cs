using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Reintegration.Core;

namespace Reintegration.Azure.Cosmos;

public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            throw new InvalidOperationException("Setting Cosmos:Endpoint is missing.");
        }
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "reintegration",
            UseSystemTextJsonSerializerWithOptions = ProgrammeJson.Options,
            // Each operation a span of the request's trace (source Azure.Cosmos.Operation, docs/decisions/0016).
            CosmosClientTelemetryOptions = new CosmosClientTelemetryOptions { DisableDistributedTracing = false },
        };
        if (options.AcceptLocalCertificate)
        {
            // The local stand-in speaks the gateway protocol only, over a self-signed certificate.
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None
                    || (request.RequestUri?.IsLoopback == true && certificate is not null
                        && (string.IsNullOrEmpty(options.LocalCertificateThumbprint)
                            || string.Equals(certificate.Thumbprint, options.LocalCertificateThumbprint, StringComparison.OrdinalIgnoreCase))),
            });
        }
        return string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(options.Endpoint, new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }
}
