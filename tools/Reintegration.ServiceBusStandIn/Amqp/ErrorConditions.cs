using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>The error conditions Service Bus uses, which the SDK turns into ServiceBusException reasons.</summary>
static class ErrorConditions
{
    public static readonly AmqpSymbol NotFound = AmqpErrorCode.NotFound;
    public static readonly AmqpSymbol NotAllowed = AmqpErrorCode.NotAllowed;
    public static readonly AmqpSymbol NotImplemented = AmqpErrorCode.NotImplemented;
    public static readonly AmqpSymbol DecodeError = AmqpErrorCode.DecodeError;
    public static readonly AmqpSymbol MessageLockLost = "com.microsoft:message-lock-lost";
    public static readonly AmqpSymbol MessageNotFound = "com.microsoft:message-not-found";
    public static readonly AmqpSymbol ArgumentError = "com.microsoft:argument-error";

    public static AmqpException Refuse(AmqpSymbol condition, string description) => new(condition, description);
}

/// <summary>The texts Service Bus answers with, so SDK users see familiar messages.</summary>
static class ErrorTexts
{
    public const string LockLost =
        "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.";

    public const string Sessions = "Sessions are not supported by the Service Bus stand-in (see its README).";

    public const string Transactions = "Transactions are not supported by the Service Bus stand-in (see its README).";

    public static string EntityNotFound(string path) =>
        $"The messaging entity '{path}' could not be found. To know more visit https://aka.ms/sbResourceMgrExceptions.";
}
