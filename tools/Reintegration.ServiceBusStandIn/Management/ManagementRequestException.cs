namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>A management request answered with an error status, as Service Bus answers it.</summary>
sealed class ManagementRequestException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public static ManagementRequestException BadRequest(string detail) => new(400, detail);

    public static ManagementRequestException NotFound(string detail) => new(404, detail);

    public static ManagementRequestException Conflict(string detail) => new(409, detail);
}
