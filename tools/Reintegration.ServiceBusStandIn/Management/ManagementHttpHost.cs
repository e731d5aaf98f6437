using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>
/// The management endpoint ServiceBusAdministrationClient talks to: plain HTTP on its own loopback
/// port, because the client (with UseDevelopmentEmulator=true) sends http://host:port/ from the
/// connection string's Endpoint, and that port cannot also be the AMQP port.
/// </summary>
sealed class ManagementHttpHost(ManagementOperations operations, ILogger logger) : IAsyncDisposable
{
    const string AtomContentType = "application/atom+xml;type=entry;charset=utf-8";
    WebApplication? app;

    public async Task StartAsync(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, port);
            if (System.Net.Sockets.Socket.OSSupportsIPv6)
            {
                kestrel.Listen(IPAddress.IPv6Loopback, port);
            }
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        BrokerLog.ManagementStarted(logger, port);
    }

    async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        string baseUri = $"{request.Scheme}://{request.Host}/";
        ManagementResponse response = operations.Handle(new ManagementRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? "",
            request.Headers.IfMatch.Count > 0,
            body,
            baseUri));

        BrokerLog.ManagementHttp(logger, request.Method, request.Path.Value ?? "/", response.Status);
        context.Response.StatusCode = response.Status;
        if (response.Body is XElement document)
        {
            context.Response.ContentType = AtomContentType;
            await context.Response.WriteAsync(document.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
