using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Queues;

/// <summary>Turns a queue message into the trigger parameter's value and the invocation's binding data.</summary>
internal static class QueueMessageBinding
{
    /// <summary>As the Functions worker's default serializer: case-insensitive property names.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The payload: the message text itself, or the bytes it encodes in Base64 (host.json messageEncoding).</summary>
    public static BinaryData Payload(QueueMessage message, QueueMessageBodyEncoding encoding) => encoding == QueueMessageBodyEncoding.Base64
        ? BinaryData.FromBytes(Convert.FromBase64String(message.MessageText))
        : BinaryData.FromString(message.MessageText);

    public static object? Bind(Type parameterType, QueueMessage message, BinaryData payload)
    {
        if (parameterType == typeof(string))
        {
            return payload.ToString();
        }

        if (parameterType == typeof(byte[]))
        {
            return payload.ToArray();
        }

        if (parameterType == typeof(BinaryData))
        {
            return payload;
        }

        if (parameterType == typeof(QueueMessage))
        {
            return QueuesModelFactory.QueueMessage(
                message.MessageId, message.PopReceipt, payload, message.DequeueCount, message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
        }

        if (parameterType == typeof(JsonElement))
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }

        return QueuePayload.IsJsonObject(parameterType)
            ? JsonSerializer.Deserialize(payload.ToMemory().Span, parameterType, JsonOptions)
            : throw new InvalidOperationException($"Cannot bind a queue message to {parameterType.Name}.");
    }

    /// <summary>The message's metadata (never its body), as the Functions host offers it.</summary>
    public static IReadOnlyDictionary<string, object?> BindingData(QueueMessage message, QueueClient queue) => new Dictionary<string, object?>
    {
        ["Id"] = message.MessageId,
        ["PopReceipt"] = message.PopReceipt,
        ["DequeueCount"] = message.DequeueCount,
        ["InsertionTime"] = message.InsertedOn,
        ["ExpirationTime"] = message.ExpiresOn,
        ["NextVisibleTime"] = message.NextVisibleOn,
        ["QueueName"] = queue.Name,
    };
}
