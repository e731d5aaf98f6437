using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Queues;

/// <summary>
/// Polls one queue for one function, as the Functions host does: a batch at a time, backing off while the queue
/// is empty; deletes a message when the function succeeds; on failure makes it visible again after the
/// visibility timeout, and once it has been dequeued maxDequeueCount times moves it to "{queue}-poison".
/// Logs message ids and exception types, never message bodies (they may carry personal data).
/// </summary>
internal sealed class QueueTriggerListener(
    FunctionDescriptor function,
    QueueClient queue,
    QueueClient poisonQueue,
    QueueHostSettings settings,
    IServiceProvider services,
    ILogger logger)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a message stays hidden while the function runs (the Functions host uses 10 minutes too).</summary>
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);

    public FunctionDescriptor Function => function;

    public QueueClient Queue => queue;

    public async Task RunAsync(CancellationToken stopping)
    {
        var idleWait = Shortest(MinimumPollingInterval, settings.MaxPollingInterval);
        while (!stopping.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, ProcessingVisibility, stopping).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                logger.LogWarning("Cannot read queue {QueueName} for function {FunctionName}: {Problem}", queue.Name, function.Name, ex.Message);
                messages = [];
            }

            if (messages.Length > 0)
            {
                idleWait = Shortest(MinimumPollingInterval, settings.MaxPollingInterval);
                await Task.WhenAll(messages.Select(m => ProcessAsync(m, stopping))).ConfigureAwait(false);
                continue;
            }

            try
            {
                await Task.Delay(idleWait, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            idleWait = Shortest(idleWait * 2, settings.MaxPollingInterval);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stopping)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message).ConfigureAwait(false);
            return;
        }

        try
        {
            var payload = QueueMessageBinding.Payload(message, settings.MessageEncoding);
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var input = new InvocationInput(
                    QueueMessageBinding.Bind(function.TriggerParameter.ParameterType, message, payload),
                    stopping,
                    BindingData: QueueMessageBinding.BindingData(message, queue));
                await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, input).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: hand the message back at once so the next run picks it up.
            await ReleaseAsync(message, TimeSpan.Zero).ConfigureAwait(false);
            return;
        }
        catch (Exception ex)
        {
            logger.LogWarning(
                "Function {FunctionName} failed on message {MessageId} of queue {QueueName} (dequeue {DequeueCount} of {MaxDequeueCount}): {ExceptionType}: {ExceptionMessage}",
                function.Name, message.MessageId, queue.Name, message.DequeueCount, settings.MaxDequeueCount, ex.GetType().FullName, ex.Message);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message).ConfigureAwait(false);
            }
            else
            {
                await ReleaseAsync(message, settings.VisibilityTimeout).ConfigureAwait(false);
            }

            return;
        }

        await SettleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None), message, "delete").ConfigureAwait(false);
    }

    private Task ReleaseAsync(QueueMessage message, TimeSpan visibility) =>
        SettleAsync(() => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None), message, "release");

    /// <summary>Copies the message text unchanged (same encoding) to the poison queue, then deletes the original.</summary>
    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        logger.LogError(
            "Function {FunctionName}: message {MessageId} of queue {QueueName} was dequeued {DequeueCount} times; moving it to {PoisonQueueName}",
            function.Name, message.MessageId, queue.Name, message.DequeueCount, poisonQueue.Name);
        await SettleAsync(
            async () =>
            {
                await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                await poisonQueue.SendMessageAsync(message.MessageText, CancellationToken.None).ConfigureAwait(false);
                return await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
            },
            message,
            "move to the poison queue").ConfigureAwait(false);
    }

    private async Task SettleAsync<T>(Func<Task<T>> settle, QueueMessage message, string action)
    {
        try
        {
            await settle().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // The message reappears after its visibility timeout and is handled again.
            logger.LogWarning("Cannot {Action} message {MessageId} of queue {QueueName}: {Problem}", action, message.MessageId, queue.Name, ex.Message);
        }
    }

    private static TimeSpan Shortest(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
