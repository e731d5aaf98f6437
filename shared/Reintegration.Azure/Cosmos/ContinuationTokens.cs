using System.Buffers.Text;
using System.Text;
using Reintegration.Core.Errors;

namespace Reintegration.Azure.Cosmos;

/// <summary>Cosmos continuation tokens are JSON; clients get them as opaque URL-safe text.</summary>
public static class ContinuationTokens
{
    public static string? ToClient(string? cosmosToken) =>
        cosmosToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(cosmosToken));

    public static string? FromClient(string? clientToken)
    {
        if (string.IsNullOrEmpty(clientToken))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(clientToken));
        }
        catch (FormatException)
        {
            throw RequestValidationException.ForField("continuationToken", "Not a token this API gave out.");
        }
    }
}
