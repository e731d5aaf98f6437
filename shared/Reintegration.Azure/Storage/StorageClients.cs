using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Reintegration.Azure.Storage;

/// <summary>
/// Blob and queue clients from the same setting the Functions host uses, "AzureWebJobsStorage":
/// a connection string locally, or "AzureWebJobsStorage:blobServiceUri"/"queueServiceUri" with the
/// managed identity in Azure.
/// </summary>
public static class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    public static BlobServiceClient Blobs(IConfiguration configuration)
    {
        var connectionString = configuration[Setting];
        return !string.IsNullOrEmpty(connectionString)
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(ServiceUri(configuration, "blobServiceUri"), new DefaultAzureCredential());
    }

    public static QueueServiceClient Queues(IConfiguration configuration)
    {
        var connectionString = configuration[Setting];
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return !string.IsNullOrEmpty(connectionString)
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(ServiceUri(configuration, "queueServiceUri"), new DefaultAzureCredential(), options);
    }

    private static Uri ServiceUri(IConfiguration configuration, string name) =>
        Uri.TryCreate(configuration[$"{Setting}:{name}"], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Setting {Setting} (a connection string) or {Setting}:{name} is missing.");
}
