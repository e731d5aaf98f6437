using System.Collections;
using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Functions;

/// <summary>
/// A minimal FunctionContext: InvocationId, FunctionId, FunctionDefinition (name, entry point, parameters),
/// InstanceServices (the invocation's scope, so GetLogger works), Items (GetHttpContext works for HTTP),
/// Features, BindingContext.BindingData and CancellationToken. RetryContext is always empty and
/// TraceContext carries the current Activity, if any. Worker middleware does not run.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>The key under which the Functions ASP.NET Core integration keeps the HttpContext (read by GetHttpContext()).</summary>
    internal const string HttpContextKey = "HttpRequestContext";

    public LocalFunctionContext(FunctionDescriptor function, IServiceProvider services, InvocationInput input)
    {
        InstanceServices = services;
        CancellationToken = input.CancellationToken;
        FunctionDefinition = new LocalFunctionDefinition(function);
        BindingContext = new LocalBindingContext(input.BindingData ?? ImmutableDictionary<string, object?>.Empty);
        if (input.HttpContext is not null)
        {
            Items[HttpContextKey] = input.HttpContext;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new LocalTraceContext();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken { get; }

    private sealed class LocalFunctionDefinition(FunctionDescriptor function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override string PathToAssembly => function.FunctionClass.Assembly.Location;

        public override string EntryPoint => $"{function.FunctionClass.FullName}.{function.Method.Name}";

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class LocalTraceContext : TraceContext
    {
        public override string TraceParent => System.Diagnostics.Activity.Current?.Id ?? "";

        public override string TraceState => System.Diagnostics.Activity.Current?.TraceStateString ?? "";
    }

    private sealed class LocalRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
