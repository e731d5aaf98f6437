namespace Reintegration.LocalHost.Functions;

/// <summary>A [Function] uses a trigger, binding or signature the local host cannot serve.</summary>
public sealed class UnsupportedFunctionException(string message) : Exception(message);
