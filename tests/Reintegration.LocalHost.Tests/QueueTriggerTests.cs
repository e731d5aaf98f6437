using Azure.Storage.Queues;
using Reintegration.LocalHost.Tests.Samples;

namespace Reintegration.LocalHost.Tests;

/// <summary>
/// Queue triggers poll Azurite as the Functions host polls Storage: the repository's host.json applies (Base64
/// messages, maxDequeueCount 5), with the test fixture's zero visibility timeout so retries come at once.
/// </summary>
public sealed class QueueTriggerTests(SampleHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private QueueClient Queue(string name) => new(
        host.StandIns.Azurite.ConnectionString,
        name,
        new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task A_message_is_passed_to_its_function_and_deleted_once_handled()
    {
        var queue = Queue(SampleQueueFunctions.TextQueue);
        var text = $"hello {Guid.NewGuid()}";

        await queue.SendMessageAsync(text, TestContext.Current.CancellationToken);

        var runs = await host.Recorder.WaitForAsync("SampleText", 1, Patience);
        Assert.Equal(text, runs[0]);
        await Eventually.TrueAsync(async () => !(await queue.PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.Any(), Patience);
    }

    [Fact]
    public async Task A_json_message_binds_to_a_class()
    {
        await Queue(SampleQueueFunctions.CommandQueue).SendMessageAsync("{\"caseId\":\"case-1\",\"step\":3}", TestContext.Current.CancellationToken);

        var runs = await host.Recorder.WaitForAsync("SampleCommand", 1, Patience);

        Assert.Equal(new SampleCommand("case-1", 3), runs[0]);
    }

    [Fact]
    public async Task A_message_binds_to_QueueMessage_with_its_metadata()
    {
        var sent = await Queue(SampleQueueFunctions.BinaryQueue).SendMessageAsync("binary body", TestContext.Current.CancellationToken);

        var runs = await host.Recorder.WaitForAsync("SampleBinary", 1, Patience);

        var (body, dequeueCount, id) = ((string, long, object?))runs[0]!;
        Assert.Equal("binary body", body);
        Assert.Equal(1, dequeueCount);
        Assert.Equal(sent.Value.MessageId, id);
    }

    [Fact]
    public async Task A_message_that_always_fails_moves_to_the_poison_queue_after_maxDequeueCount_tries()
    {
        var queue = Queue(SampleQueueFunctions.FailingQueue);
        var poison = Queue(SampleQueueFunctions.FailingQueue + "-poison");
        var text = $"poison {Guid.NewGuid()}";

        await queue.SendMessageAsync(text, TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(
            async () => await poison.ExistsAsync(TestContext.Current.CancellationToken)
                && (await poison.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value.Any(m => m.Body.ToString() == text),
            Patience);
        Assert.Equal(host.Host.HostSettings.Queues.MaxDequeueCount, host.Recorder.Of("SampleFailing").Count(r => (string?)r == text));
        Assert.Empty((await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }
}
