using System.Reflection;
using Reintegration.LocalHost.Functions;
using Reintegration.LocalHost.Tests.Samples;

namespace Reintegration.LocalHost.Tests;

public sealed class FunctionShapeTests
{
    [Theory]
    [InlineData(nameof(UnsupportedFunctions.UsesHttpRequestData), "HttpRequest")]
    [InlineData(nameof(UnsupportedFunctions.UnknownParameter), "notInRoute")]
    [InlineData(nameof(UnsupportedFunctions.QueueWithOutput), "output binding")]
    [InlineData(nameof(UnsupportedFunctions.NoTrigger), "exactly one trigger")]
    [InlineData(nameof(UnsupportedFunctions.ReturnsPoco), "IActionResult")]
    [InlineData(nameof(UnsupportedFunctions.StaticFunction), "non-static")]
    [InlineData(nameof(UnsupportedFunctions.WithOutputBinding), "QueueOutputAttribute")]
    public void Unsupported_shapes_fail_loudly_naming_the_function(string methodName, string expectedReason)
    {
        var method = typeof(UnsupportedFunctions).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!;

        var error = Assert.Throws<UnsupportedFunctionException>(() => FunctionCatalog.Describe(method));

        Assert.Contains($"Function '{methodName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedReason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovery_lists_every_unsupported_function_at_once()
    {
        var error = Assert.Throws<UnsupportedFunctionException>(() => FunctionCatalog.Discover([typeof(UnsupportedFunctions)]));

        Assert.All(
            typeof(UnsupportedFunctions).GetMethods().Where(m => m.DeclaringType == typeof(UnsupportedFunctions)),
            m => Assert.Contains($"Function '{m.Name}'", error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_functions_are_described_with_their_bindings()
    {
        var catalog = FunctionCatalog.Discover([typeof(SampleHttpFunctions), typeof(SampleTimerFunctions), typeof(SampleQueueFunctions)]);

        var getItem = catalog.Functions.Single(f => f.Name == "SampleGetItem");
        Assert.Equal(TriggerKind.Http, getItem.Trigger);
        Assert.Equal("samples/items/{itemId:guid}", getItem.HttpRoute);
        Assert.Equal(["GET", "POST"], getItem.HttpMethods);
        Assert.Equal(
            [ParameterSource.Trigger, ParameterSource.RouteValue, ParameterSource.CancellationToken],
            getItem.Parameters.Select(p => p.Source));
        Assert.Equal("SampleDefaultRoute", catalog.Functions.Single(f => f.Name == "SampleDefaultRoute").HttpRoute);
        Assert.Equal(3, catalog.OfTrigger(TriggerKind.Timer).Count());
        Assert.Equal(4, catalog.OfTrigger(TriggerKind.Queue).Count());
    }
}
