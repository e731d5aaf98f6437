using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.LocalHost.Functions;
using Reintegration.LocalHost.Queues;
using Reintegration.LocalHost.Timers;
using Reintegration.Testing;

namespace Reintegration.LocalHost.Tests;

/// <summary>
/// Every [Function] of the Functions app is one the local host can serve: an unsupported trigger, binding or
/// signature fails here, naming the function, rather than in a user's hands.
/// </summary>
public sealed class AppFunctionsTests(LocalHostFixture app) : IClassFixture<LocalHostFixture>
{
    public static TheoryData<string> AppFunctions() =>
        [.. FunctionCatalog.FindFunctionMethods(FunctionsAssembly.Load()).Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")];

    [Fact]
    public void The_app_has_functions()
    {
        Assert.NotEmpty(AppFunctions());
    }

    [Theory]
    [MemberData(nameof(AppFunctions))]
    public void The_local_host_supports_the_function(string method)
    {
        var function = FunctionCatalog.FindFunctionMethods(FunctionsAssembly.Load())
            .Single(m => $"{m.DeclaringType!.FullName}.{m.Name}" == method);

        var descriptor = FunctionCatalog.Describe(function); // throws UnsupportedFunctionException naming what is wrong

        Assert.Equal(function, descriptor.Method);
    }

    [Fact]
    public void The_running_host_serves_every_function()
    {
        var expected = FunctionCatalog.FindFunctionMethods(FunctionsAssembly.Load()).Count();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.DisplayName).ToHashSet();
        var timers = app.Services.GetRequiredService<TimerTriggerService>().Listeners.Select(l => l.Function.Name).ToHashSet();
        var queues = app.Services.GetRequiredService<QueueTriggerService>().Listeners.Select(l => l.Function.Name).ToHashSet();

        Assert.Equal(expected, app.Host.Functions.Functions.Count);
        Assert.All(app.Host.Functions.Functions, function => Assert.True(
            function.Trigger switch
            {
                TriggerKind.Http => endpoints.Contains($"Function {function.Name}"),
                TriggerKind.Timer => timers.Contains(function.Name),
                _ => queues.Contains(function.Name),
            },
            $"{function} is not served"));
    }

    [Fact]
    public async Task The_app_answers_its_health_check_through_the_local_host()
    {
        using var response = await app.Client.GetAsync(new Uri("api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
