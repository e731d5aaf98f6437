using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Reintegration.Azure.Storage;
using Reintegration.Core.Time;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class ContainerCreationTests(StandInsFixture standIns)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// When storage cannot be reached at an instance's first document request (past the SDK's retries),
    /// the container creation must be tried again later, not remembered as failed.
    /// </summary>
    [Fact]
    public async Task Document_files_work_again_once_storage_is_back_after_failing_at_the_first_request()
    {
        var network = new SwitchableNetwork { Down = true };
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(network)) };
        options.Retry.MaxRetries = 0;
        var files = new BlobDocumentFiles(new BlobServiceClient(standIns.StorageConnectionString, options),
            new ProgrammeClock(TimeProvider.System, ProgrammeClock.DefaultZone));
        var blobName = $"cases/case-{Guid.NewGuid():N}/document-1";
        await Assert.ThrowsAnyAsync<Exception>(() => files.UploadUrlAsync(blobName, DateTimeOffset.UtcNow.AddMinutes(10), Cancellation));

        network.Down = false;

        var url = await files.UploadUrlAsync(blobName, DateTimeOffset.UtcNow.AddMinutes(10), Cancellation);
        Assert.Contains(blobName, url.AbsolutePath);
        Assert.Null(await files.InspectAsync(blobName, 1024, Cancellation));
    }

    private sealed class SwitchableNetwork() : DelegatingHandler(new HttpClientHandler())
    {
        public volatile bool Down;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Down ? throw new HttpRequestException("Storage cannot be reached.") : base.SendAsync(request, cancellationToken);
    }
}
