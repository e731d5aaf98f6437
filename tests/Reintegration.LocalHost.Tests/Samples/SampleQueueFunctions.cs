using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Tests.Samples;

public sealed record SampleCommand(string CaseId, int Step);

public sealed class SampleQueueFunctions(InvocationRecorder recorder)
{
    public const string TextQueue = "sample-text";
    public const string CommandQueue = "sample-commands";
    public const string BinaryQueue = "sample-binary";
    public const string FailingQueue = "sample-failing";

    [Function("SampleText")]
    public Task Text([QueueTrigger(TextQueue, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken)
    {
        recorder.Record("SampleText", message);
        return Task.CompletedTask;
    }

    [Function("SampleCommand")]
    public void Command([QueueTrigger(CommandQueue)] SampleCommand command) => recorder.Record("SampleCommand", command);

    [Function("SampleBinary")]
    public void Binary([QueueTrigger(BinaryQueue)] QueueMessage message, FunctionContext context) =>
        recorder.Record("SampleBinary", (message.Body.ToString(), message.DequeueCount, context.BindingContext.BindingData["Id"]));

    [Function("SampleFailing")]
    public void Failing([QueueTrigger(FailingQueue)] BinaryData message)
    {
        recorder.Record("SampleFailing", message.ToString());
        throw new InvalidOperationException("sample handler always fails");
    }
}
