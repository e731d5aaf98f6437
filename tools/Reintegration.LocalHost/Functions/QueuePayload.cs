using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace Reintegration.LocalHost.Functions;

/// <summary>Which queue-trigger parameter types the local host can bind a message to.</summary>
internal static class QueuePayload
{
    public static bool IsSupported(Type type) =>
        type == typeof(string)
        || type == typeof(byte[])
        || type == typeof(BinaryData)
        || type == typeof(QueueMessage)
        || type == typeof(JsonElement)
        || IsJsonObject(type);

    /// <summary>A class, record or struct of the app's own, deserialised from the message's JSON.</summary>
    public static bool IsJsonObject(Type type) =>
        !type.IsPrimitive
        && !type.IsEnum
        && !type.IsInterface
        && !type.IsAbstract
        && !type.IsArray
        && !type.IsGenericTypeDefinition
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
        && type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) != true
        && type.Namespace?.StartsWith("Azure", StringComparison.Ordinal) != true;
}
