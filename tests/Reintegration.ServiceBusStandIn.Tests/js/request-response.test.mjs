// The request/response behaviour of the Python SDK (azure-servicebus, pyamqp), which cannot be
// installed here: its $cbs and $management requests carry no reply-to, and Service Bus answers each
// on the receiving link that the same session attached for that node. Checked with a raw AMQP client
// (rhea), so nothing of another SDK's own handling hides a wrong answer.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import rhea from "rhea";

const endpoint = new URL(process.env.SERVICEBUS_CONNECTION_STRING.match(/Endpoint=([^;]+)/)[1]);
const queue = "contract-js-raw";

const container = rhea.create_container({ id: `raw-${randomUUID()}` });
const connection = container.connect({ host: endpoint.hostname, port: Number(endpoint.port), reconnect: false });
const opened = new Promise((resolve, reject) => {
  connection.once("connection_open", resolve);
  connection.once("connection_error", (context) => reject(context.error ?? new Error("connection error")));
  connection.once("disconnected", (context) => reject(context.error ?? new Error("disconnected")));
});
after(() => connection.close());

function attached(link) {
  return new Promise((resolve, reject) => {
    link.once(link.is_sender() ? "sender_open" : "receiver_open", () => resolve(link));
    link.once(link.is_sender() ? "sender_error" : "receiver_error", (context) => reject(new Error(`attach refused: ${JSON.stringify(context[link.is_sender() ? "sender" : "receiver"].error)}`)));
  });
}

/**
 * A request/response pair on one session, attached as pyamqp's ManagementLink attaches it: both links
 * have the node as source and target, and requests carry no reply-to and a counter as message-id.
 */
async function node(session, address) {
  const sender = await attached(session.attach_sender({ source: { address }, target: { address }, autosettle: true }));
  const receiver = await attached(session.attach_receiver({ source: { address }, target: { address }, credit_window: 10, autoaccept: true }));
  const answers = [];
  receiver.on("message", (context) => answers.push(context.message));
  return { sender, receiver, answers };
}

async function answer(pair, messageId, waitMs = 5000) {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const found = pair.answers.find((m) => m.correlation_id === messageId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

let nextMessageId = 0;

function putToken(pair, audience) {
  const messageId = nextMessageId++;
  pair.sender.send({
    message_id: rhea.types.wrap_ulong(messageId),
    application_properties: { operation: "put-token", type: "servicebus.windows.net:sastoken", name: audience },
    body: `SharedAccessSignature sr=${encodeURIComponent(audience)}&sig=unused&se=4102444800&skn=RootManageSharedAccessKey`,
  });
  return messageId;
}

function beginSession() {
  const session = connection.create_session();
  session.begin();
  return session;
}

test("a $cbs put-token without reply-to is answered on the session's $cbs receiving link", async () => {
  await opened;
  const cbs = await node(beginSession(), "$cbs");

  const messageId = putToken(cbs, `sb://${endpoint.host}/${queue}`);
  const reply = await answer(cbs, messageId);

  assert.ok(reply, "an answer arrived");
  assert.equal(reply.application_properties["status-code"], 202);
});

test("$management requests without reply-to are answered on the session's receiving link for that entity", async () => {
  await opened;
  const session = beginSession();
  const sender = await attached(session.attach_sender({ target: { address: queue } }));
  await new Promise((resolve) => (sender.sendable() ? resolve() : sender.once("sendable", resolve)));
  sender.send({ message_id: "raw-1", body: "waiting" });
  const management = await node(session, `${queue}/$management`);

  const messageId = nextMessageId++;
  management.sender.send({
    message_id: rhea.types.wrap_ulong(messageId),
    application_properties: { operation: "com.microsoft:peek-message" },
    body: { "from-sequence-number": rhea.types.wrap_long(0), "message-count": rhea.types.wrap_int(10) },
  });
  const reply = await answer(management, messageId);

  assert.ok(reply, "an answer arrived");
  assert.equal(reply.application_properties.statusCode, 200);
  assert.equal(reply.body.messages.length, 1);
});

test("answers go to the session that asked, and each node's answers to that node's link", async () => {
  await opened;
  const first = beginSession();
  const second = beginSession();
  const firstCbs = await node(first, "$cbs");
  const firstManagement = await node(first, `${queue}/$management`);
  const secondCbs = await node(second, "$cbs");

  const fromFirst = putToken(firstCbs, `sb://${endpoint.host}/${queue}`);
  const fromSecond = putToken(secondCbs, `sb://${endpoint.host}/${queue}`);
  const firstAnswer = await answer(firstCbs, fromFirst);
  const secondAnswer = await answer(secondCbs, fromSecond);

  assert.ok(firstAnswer && secondAnswer, "both sessions were answered");
  assert.equal(await answer(secondCbs, fromFirst, 300), undefined, "the second session never sees the first one's answer");
  assert.equal(await answer(firstCbs, fromSecond, 300), undefined, "the first session never sees the second one's answer");
  assert.equal(firstManagement.answers.length, 0, "a $cbs answer does not go to the $management link");
});

test("a $cbs receiving link with a source and no target is attached and answered by link name (JavaScript SDK)", async () => {
  await opened;
  const session = beginSession();
  const name = `cbs-${randomUUID()}`;
  const sender = await attached(session.attach_sender({ target: { address: "$cbs" } }));
  const receiver = await attached(session.attach_receiver({ name, source: { address: "$cbs" }, target: undefined, credit_window: 10 }));
  const answers = [];
  receiver.on("message", (context) => answers.push(context.message));

  const messageId = randomUUID();
  sender.send({
    message_id: messageId,
    reply_to: name,
    application_properties: { operation: "put-token", type: "servicebus.windows.net:sastoken", name: `sb://${endpoint.host}/${queue}` },
    body: "SharedAccessSignature sr=x&sig=unused&se=4102444800&skn=RootManageSharedAccessKey",
  });
  const reply = await answer({ answers }, messageId);

  assert.ok(reply, "an answer arrived");
  assert.equal(reply.application_properties["status-code"], 202);
});
