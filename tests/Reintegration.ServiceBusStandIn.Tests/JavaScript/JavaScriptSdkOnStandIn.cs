namespace Reintegration.ServiceBusStandIn.Tests.JavaScript;

/// <summary>The Node run happens once for both classes below, and only when one of them is selected.</summary>
[CollectionDefinition(Name)]
public sealed class NodeContractCollection : ICollectionFixture<NodeContractRun>
{
    public const string Name = "Node contract run";
}

/// <summary>
/// The contract behaviours with the JavaScript SDK (@azure/service-bus, pinned in js/package.json),
/// run by Node against the stand-in: one test per behaviour of js/contract.test.mjs.
/// </summary>
[Collection(NodeContractCollection.Name)]
public sealed class JavaScriptSdkOnStandIn(NodeContractRun run)
{
    [Fact]
    public void Send_and_receive_in_peek_lock_then_complete() => run.AssertPassed("send and receive in peekLock, then complete");

    [Fact]
    public void Batch_send_delivers_every_message_in_order() => run.AssertPassed("batch send delivers every message in order");

    [Fact]
    public void Schedule_and_cancel() => run.AssertPassed("schedule and cancel");

    [Fact]
    public void Peek_does_not_lock_and_reads_from_a_sequence_number() => run.AssertPassed("peek does not lock and reads from a sequence number");

    [Fact]
    public void Receive_and_delete_removes_the_message_on_receipt() => run.AssertPassed("receiveAndDelete removes the message on receipt");

    [Fact]
    public void Abandon_brings_the_message_back_with_a_higher_delivery_count() =>
        run.AssertPassed("abandon brings the message back with a higher delivery count and modified properties");

    [Fact]
    public void Dead_letter_moves_the_message_with_its_reason() => run.AssertPassed("dead-letter moves the message with its reason and description");

    [Fact]
    public void Lock_renewal_extends_the_lock() => run.AssertPassed("lock renewal extends the lock past its duration");

    [Fact]
    public void A_lost_lock_fails_settlement_with_MessageLockLost() => run.AssertPassed("a lost lock fails settlement with MessageLockLost");

    [Fact]
    public void Duplicate_detection_drops_a_second_message_with_the_same_id() => run.AssertPassed("duplicate detection drops a second message with the same id");

    [Fact]
    public void Topic_subscriptions_get_what_their_filters_match() => run.AssertPassed("topic subscriptions get what their filters match");

    [Fact]
    public void An_unknown_entity_fails_with_MessagingEntityNotFound() => run.AssertPassed("an unknown entity fails with MessagingEntityNotFound");
}

/// <summary>
/// What the Python SDK (azure-servicebus, pyamqp) relies on, checked with a raw AMQP client (rhea) because
/// the Python package registry is out of reach here: requests without reply-to are answered on the
/// session's receiving link for that node (js/request-response.test.mjs).
/// </summary>
[Collection(NodeContractCollection.Name)]
public sealed class RequestResponseWithRawAmqpClient(NodeContractRun run)
{
    [Fact]
    public void A_cbs_put_token_without_reply_to_is_answered_on_the_sessions_cbs_link() =>
        run.AssertPassed("a $cbs put-token without reply-to is answered on the session's $cbs receiving link");

    [Fact]
    public void Management_requests_without_reply_to_are_answered_on_the_sessions_link_for_the_entity() =>
        run.AssertPassed("$management requests without reply-to are answered on the session's receiving link for that entity");

    [Fact]
    public void Answers_go_to_the_session_and_node_that_asked() =>
        run.AssertPassed("answers go to the session that asked, and each node's answers to that node's link");

    [Fact]
    public void A_cbs_link_with_a_source_and_no_target_is_answered_by_link_name() =>
        run.AssertPassed("a $cbs receiving link with a source and no target is attached and answered by link name (JavaScript SDK)");
}
