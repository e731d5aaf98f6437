using System.Net;
using System.Text.Json.Nodes;

namespace Reintegration.EndToEnd.Tests;

/// <summary>What a mobile app does with a file: ask for an upload URL, PUT the bytes to Blob storage, complete.</summary>
internal static class Documents
{
    private static readonly HttpClient Storage = new();

    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", name));

    public static async Task<(string Id, Uri UploadUrl)> RequestUpload(HttpClient client, string caseId, string type, string fileName,
        string contentType, long size, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{caseId}/documents")
        {
            Content = Api.JsonBody(new JsonObject { ["type"] = type, ["fileName"] = fileName, ["contentType"] = contentType, ["size"] = size }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await Api.ReadObject(response);
        return (body["document"]!["id"]!.GetValue<string>(), new Uri(body["uploadUrl"]!.GetValue<string>()));
    }

    public static async Task<HttpStatusCode> Put(Uri url, byte[] bytes, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Content.Headers.ContentType = new(contentType);
        using var response = await Storage.SendAsync(request);
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> Complete(HttpClient client, string caseId, string documentId) =>
        client.PostAsync($"api/cases/{caseId}/documents/{documentId}/complete", null);

    /// <summary>Uploads a file and completes it; answers the accepted document's id.</summary>
    public static async Task<string> Upload(HttpClient client, string caseId, string type, string file, string contentType)
    {
        var bytes = File(file);
        var (id, url) = await RequestUpload(client, caseId, type, file, contentType, bytes.Length);
        Assert.Equal(HttpStatusCode.Created, await Put(url, bytes, contentType));
        using var completed = await Complete(client, caseId, id);
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        return id;
    }

    public static Task<HttpResponseMessage> Get(Uri url) => Storage.GetAsync(url);
}
