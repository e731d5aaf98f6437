// The contract behaviours, run with the JavaScript SDK (@azure/service-bus) against the namespace in
// SERVICEBUS_CONNECTION_STRING holding the entities of ContractEntities.json. Started by the xunit
// class JavaScriptSdkOnStandIn; by hand: SERVICEBUS_CONNECTION_STRING=... node --test contract.test.mjs
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ServiceBusClient, isServiceBusError } from "@azure/service-bus";

const connectionString = process.env.SERVICEBUS_CONNECTION_STRING;
if (!connectionString) throw new Error("Set SERVICEBUS_CONNECTION_STRING.");
const client = new ServiceBusClient(connectionString, { retryOptions: { maxRetries: 1, timeoutInMs: 20000 } });
after(() => client.close());

// Queues of ContractEntities.json that the .NET suite does not use at the same time.
const queue = "contract-js";
const lockQueue = "contract-js-short-lock";
const duplicatesQueue = "contract-js-duplicates";

const newId = (prefix) => `${prefix}-${randomUUID()}`;

async function purge(entity, subscription, subQueueType) {
  const receiver = subscription
    ? client.createReceiver(entity, subscription, { receiveMode: "receiveAndDelete", subQueueType })
    : client.createReceiver(entity, { receiveMode: "receiveAndDelete", subQueueType });
  try {
    while ((await receiver.receiveMessages(100, { maxWaitTimeInMs: 500 })).length > 0) { /* drained */ }
  } finally {
    await receiver.close();
  }
}

async function receiveAtLeast(receiver, count, waitMs = 5000) {
  const received = [];
  const deadline = Date.now() + waitMs;
  while (received.length < count && Date.now() < deadline) {
    received.push(...await receiver.receiveMessages(count - received.length, { maxWaitTimeInMs: Math.max(deadline - Date.now(), 1) }));
  }
  return received;
}

async function send(entity, messages) {
  const sender = client.createSender(entity);
  try {
    await sender.sendMessages(messages);
  } finally {
    await sender.close();
  }
}

test("send and receive in peekLock, then complete", async () => {
  await purge(queue);
  const id = newId("peeklock");
  await send(queue, { body: { caseId: "case-1" }, messageId: id, subject: "assigned", applicationProperties: { partnerId: "gh-001", attempt: 3 } });

  const receiver = client.createReceiver(queue);
  try {
    const [message] = await receiveAtLeast(receiver, 1);
    assert.equal(message.messageId, id);
    assert.deepEqual(message.body, { caseId: "case-1" });
    assert.equal(message.subject, "assigned");
    assert.equal(message.applicationProperties.partnerId, "gh-001");
    assert.equal(message.applicationProperties.attempt, 3);
    assert.equal(message.deliveryCount, 0);
    assert.ok(message.lockToken);
    assert.ok(message.sequenceNumber !== undefined);
    await receiver.completeMessage(message);
  } finally {
    await receiver.close();
  }
  const left = await client.createReceiver(queue).peekMessages(10);
  assert.equal(left.filter((m) => m.messageId === id).length, 0);
});

test("batch send delivers every message in order", async () => {
  await purge(queue);
  const sender = client.createSender(queue);
  const ids = [1, 2, 3, 4, 5].map((n) => newId(`batch-${n}`));
  try {
    const batch = await sender.createMessageBatch();
    for (const id of ids) assert.ok(batch.tryAddMessage({ body: id, messageId: id }));
    await sender.sendMessages(batch);
    await sender.sendMessages([{ body: "list-1", messageId: newId("list") }, { body: "list-2", messageId: newId("list") }]);
  } finally {
    await sender.close();
  }

  const receiver = client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
  try {
    const received = await receiveAtLeast(receiver, 7);
    assert.deepEqual(received.map((m) => m.body), [...ids, "list-1", "list-2"]);
  } finally {
    await receiver.close();
  }
});

test("schedule and cancel", async () => {
  await purge(queue);
  const sender = client.createSender(queue);
  const receiver = client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
  try {
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const [kept, cancelled] = await sender.scheduleMessages([{ body: "kept", messageId: newId("kept") }, { body: "cancelled", messageId: newId("cancelled") }], later);
    await sender.cancelScheduledMessages([cancelled]);
    const peeked = await receiver.peekMessages(10);
    assert.deepEqual(peeked.map((m) => m.body), ["kept"]);
    assert.equal(peeked[0].state, "scheduled");
    assert.equal(peeked[0].sequenceNumber.toString(), kept.toString());
    assert.equal(peeked[0].scheduledEnqueueTimeUtc.getTime(), later.getTime());
    assert.equal((await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 })).length, 0);

    const soon = new Date(Date.now() + 1500);
    await sender.scheduleMessages({ body: "soon", messageId: newId("soon") }, soon);
    const [due] = await receiveAtLeast(receiver, 1, 10000);
    assert.equal(due.body, "soon");
    assert.ok(due.enqueuedTimeUtc.getTime() >= soon.getTime() - 1000);
    await sender.cancelScheduledMessages([kept]);
  } finally {
    await sender.close();
    await receiver.close();
  }
});

test("peek does not lock and reads from a sequence number", async () => {
  await purge(queue);
  await send(queue, ["p1", "p2", "p3"].map((body) => ({ body, messageId: newId(body) })));
  const receiver = client.createReceiver(queue);
  try {
    const all = await receiver.peekMessages(10);
    assert.deepEqual(all.map((m) => m.body), ["p1", "p2", "p3"]);
    const fromSecond = await receiver.peekMessages(10, { fromSequenceNumber: all[1].sequenceNumber });
    assert.deepEqual(fromSecond.map((m) => m.body), ["p2", "p3"]);
    const locked = await receiveAtLeast(receiver, 3);
    assert.equal(locked.length, 3);
    const whileLocked = await receiver.peekMessages(10, { fromSequenceNumber: all[0].sequenceNumber });
    assert.deepEqual(whileLocked.map((m) => m.body), ["p1", "p2", "p3"]);
    for (const message of locked) await receiver.completeMessage(message);
  } finally {
    await receiver.close();
  }
});

test("receiveAndDelete removes the message on receipt", async () => {
  await purge(queue);
  const id = newId("rad");
  await send(queue, { body: "once", messageId: id });
  const receiver = client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
  try {
    const [message] = await receiveAtLeast(receiver, 1);
    assert.equal(message.messageId, id);
    assert.equal(message.lockToken, undefined);
    assert.equal((await receiver.peekMessages(10)).length, 0);
  } finally {
    await receiver.close();
  }
});

test("abandon brings the message back with a higher delivery count and modified properties", async () => {
  await purge(queue);
  const id = newId("abandon");
  await send(queue, { body: "again", messageId: id });
  const receiver = client.createReceiver(queue);
  try {
    const [first] = await receiveAtLeast(receiver, 1);
    await receiver.abandonMessage(first, { reason: "partner-busy" });
    const [second] = await receiveAtLeast(receiver, 1);
    assert.equal(second.messageId, id);
    assert.equal(second.deliveryCount, first.deliveryCount + 1);
    assert.equal(second.applicationProperties.reason, "partner-busy");
    await receiver.completeMessage(second);
  } finally {
    await receiver.close();
  }
});

test("dead-letter moves the message with its reason and description", async () => {
  await purge(queue);
  await purge(queue, undefined, "deadLetter");
  const id = newId("dead");
  await send(queue, { body: "unreachable", messageId: id });
  const receiver = client.createReceiver(queue);
  const deadLetters = client.createReceiver(queue, { subQueueType: "deadLetter" });
  try {
    const [message] = await receiveAtLeast(receiver, 1);
    await receiver.deadLetterMessage(message, { deadLetterReason: "PartnerUnreachable", deadLetterErrorDescription: "No reply in 3 days" });
    const [dead] = await receiveAtLeast(deadLetters, 1);
    assert.equal(dead.messageId, id);
    assert.equal(dead.deadLetterReason, "PartnerUnreachable");
    assert.equal(dead.deadLetterErrorDescription, "No reply in 3 days");
    await deadLetters.completeMessage(dead);
    assert.equal((await receiver.peekMessages(10)).length, 0);
  } finally {
    await receiver.close();
    await deadLetters.close();
  }
});

test("lock renewal extends the lock past its duration", async () => {
  await purge(lockQueue);
  await send(lockQueue, { body: "long work", messageId: newId("renew") });
  const receiver = client.createReceiver(lockQueue, { maxAutoLockRenewalDurationInMs: 0 });
  try {
    const [message] = await receiveAtLeast(receiver, 1);
    const firstLock = message.lockedUntilUtc.getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(firstLock - Date.now() - 1000, 0)));
    const renewed = await receiver.renewMessageLock(message);
    assert.ok(renewed.getTime() > firstLock, "the renewed lock ends later");
    await new Promise((resolve) => setTimeout(resolve, Math.max(firstLock - Date.now() + 500, 0)));
    await receiver.completeMessage(message);
  } finally {
    await receiver.close();
  }
});

test("a lost lock fails settlement with MessageLockLost", async () => {
  await purge(lockQueue);
  await send(lockQueue, { body: "slow", messageId: newId("lost") });
  const receiver = client.createReceiver(lockQueue, { maxAutoLockRenewalDurationInMs: 0 });
  try {
    const [message] = await receiveAtLeast(receiver, 1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(message.lockedUntilUtc.getTime() - Date.now() + 500, 0)));
    await assert.rejects(receiver.completeMessage(message), (error) => isServiceBusError(error) && error.code === "MessageLockLost");
  } finally {
    await receiver.close();
  }
  await purge(lockQueue);
});

test("duplicate detection drops a second message with the same id", async () => {
  await purge(duplicatesQueue);
  const id = newId("dup");
  await send(duplicatesQueue, { body: "first", messageId: id });
  await send(duplicatesQueue, { body: "second", messageId: id });
  await send(duplicatesQueue, { body: "other", messageId: newId("other") });
  const receiver = client.createReceiver(duplicatesQueue, { receiveMode: "receiveAndDelete" });
  try {
    const received = await receiveAtLeast(receiver, 3, 2000);
    assert.deepEqual(received.map((m) => m.body), ["first", "other"]);
  } finally {
    await receiver.close();
  }
});

test("topic subscriptions get what their filters match", async () => {
  const topic = "contract-fanout";
  const subscriptions = ["partner-gh-001", "partner-gh-002", "caseworkers-org-7", "listed-or-urgent", "everything"];
  for (const subscription of subscriptions) await purge(topic, subscription);
  const messages = [
    { body: "p1-org7", applicationProperties: { partnerId: "gh-001", organisationId: "org-7" } },
    { body: "p2", applicationProperties: { partnerId: "gh-002" } },
    { body: "p3", applicationProperties: { partnerId: "gh-003" } },
    { body: "urgent-org9", applicationProperties: { priority: "high", organisationId: "org-9" } },
    { body: "urgent-org1", applicationProperties: { priority: "high", organisationId: "org-1" } },
  ].map((m) => ({ ...m, messageId: newId(m.body) }));
  await send(topic, messages);

  const expected = {
    "partner-gh-001": ["p1-org7"],
    "partner-gh-002": ["p2"],
    "caseworkers-org-7": ["p1-org7"],
    "listed-or-urgent": ["p3", "urgent-org9"],
    everything: messages.map((m) => m.body),
  };
  for (const subscription of subscriptions) {
    const receiver = client.createReceiver(topic, subscription, { receiveMode: "receiveAndDelete" });
    try {
      const received = await receiveAtLeast(receiver, expected[subscription].length + 1, 1500);
      assert.deepEqual(received.map((m) => m.body), expected[subscription], subscription);
    } finally {
      await receiver.close();
    }
  }
});

test("an unknown entity fails with MessagingEntityNotFound", async () => {
  const sender = client.createSender("no-such-queue");
  try {
    await assert.rejects(sender.sendMessages({ body: "lost" }), (error) => isServiceBusError(error) && error.code === "MessagingEntityNotFound");
  } finally {
    await sender.close();
  }
  const receiver = client.createReceiver("contract-fanout", "no-such-subscription");
  try {
    await assert.rejects(receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 }), (error) => isServiceBusError(error) && error.code === "MessagingEntityNotFound");
  } finally {
    await receiver.close();
  }
});
