using System.Xml.Linq;
using Reintegration.ServiceBusStandIn.Broker;
using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>One management request, as the administration client sends it.</summary>
sealed record ManagementRequest(string Method, string Path, string Query, bool IfMatch, string Body, string BaseUri);

/// <summary>The answer: a status and an Atom document (or an error body).</summary>
sealed record ManagementResponse(int Status, XElement? Body);

/// <summary>
/// The subscription and rule operations of Service Bus's management API (Atom over HTTP) that
/// ServiceBusAdministrationClient uses, on the stand-in's topics:
/// <c>{topic}</c> (get), <c>{topic}/Subscriptions</c> (list), <c>{topic}/Subscriptions/{name}</c>
/// (get, create, delete), <c>.../Rules</c> (list) and <c>.../Rules/{name}</c> (get, create, replace, delete).
/// Creating what exists answers 409 and a missing entity 404, as Service Bus does.
/// </summary>
sealed class ManagementOperations(ServiceBusNamespace entities)
{
    const int PageSize = 100;

    BrokerContext Broker => entities.Broker;

    public ManagementResponse Handle(ManagementRequest request)
    {
        try
        {
            return Route(request);
        }
        catch (ManagementRequestException e)
        {
            return new ManagementResponse(e.Status, AtomXml.Error(e.Status, e.Message));
        }
    }

    ManagementResponse Route(ManagementRequest request)
    {
        string[] s = request.Path.Trim('/').Split('/');
        string self = request.BaseUri + request.Path.TrimStart('/');
        bool subscriptions = s.Length >= 2 && s[1].Equals("Subscriptions", StringComparison.OrdinalIgnoreCase);
        bool rules = s.Length >= 4 && s[3].Equals("Rules", StringComparison.OrdinalIgnoreCase);
        return (request.Method, s.Length) switch
        {
            ("GET", 1) when entities.FindTopic(s[0]) is not null || entities.Resolve(s[0]) is null => GetTopic(s[0], self),
            ("GET", 2) when subscriptions => ListSubscriptions(s[0], request.Query, self),
            ("GET", 3) when subscriptions => GetSubscription(s[0], s[2], self),
            ("PUT", 3) when subscriptions => CreateSubscription(s[0], s[2], request, self),
            ("DELETE", 3) when subscriptions => DeleteSubscription(s[0], s[2]),
            ("GET", 4) when subscriptions && rules => ListRules(s[0], s[2], request.Query, self),
            ("GET", 5) when subscriptions && rules => GetRule(s[0], s[2], s[4], self),
            ("PUT", 5) when subscriptions && rules => PutRule(s[0], s[2], s[4], request, self),
            ("DELETE", 5) when subscriptions && rules => DeleteRule(s[0], s[2], s[4]),
            _ => throw ManagementRequestException.BadRequest(
                $"The Service Bus stand-in does not serve {request.Method} {request.Path}: it manages only topic subscriptions and their rules (see its README)."),
        };
    }

    ManagementResponse GetTopic(string name, string self) => Broker.Gate.Run(() =>
    {
        TopicEntity topic = Topic(name);
        var description = new XElement(AtomXml.ServiceBus + "TopicDescription",
            new XElement(AtomXml.ServiceBus + "DefaultMessageTimeToLive", System.Xml.XmlConvert.ToString(topic.DefaultTimeToLive)),
            new XElement(AtomXml.ServiceBus + "RequiresDuplicateDetection", topic.DuplicateDetectionWindow is null ? "false" : "true"),
            new XElement(AtomXml.ServiceBus + "DuplicateDetectionHistoryTimeWindow",
                System.Xml.XmlConvert.ToString(topic.DuplicateDetectionWindow ?? TimeSpan.FromMinutes(10))),
            new XElement(AtomXml.ServiceBus + "Status", "Active"),
            new XElement(AtomXml.ServiceBus + "SubscriptionCount", topic.Subscriptions.Count),
            new XElement(AtomXml.ServiceBus + "EntityAvailabilityStatus", "Available"));
        return Ok(AtomXml.Entry(self, topic.Name, Broker.Now, description));
    });

    ManagementResponse ListSubscriptions(string topicName, string query, string self) => Broker.Gate.Run(() =>
    {
        TopicEntity topic = Topic(topicName);
        IEnumerable<XElement> entries = Page(topic.Subscriptions.Values.OrderBy(x => x.Order), query)
            .Select(x => SubscriptionEntry(x, $"{self}/{x.Name}"));
        return Ok(AtomXml.Feed(self, "Subscriptions", Broker.Now, entries));
    });

    ManagementResponse GetSubscription(string topicName, string name, string self) => Broker.Gate.Run(() =>
        Ok(SubscriptionEntry(Subscription(Topic(topicName), name), self)));

    ManagementResponse CreateSubscription(string topicName, string name, ManagementRequest request, string self)
    {
        CheckName(name, "subscription");
        if (request.IfMatch)
        {
            throw ManagementRequestException.BadRequest("Updating a subscription is not supported by the Service Bus stand-in: delete it and create it again.");
        }

        XElement description = AtomXml.Description(request.Body, "SubscriptionDescription")
            ?? throw ManagementRequestException.BadRequest("The request body is not an Atom entry holding a SubscriptionDescription.");
        return Broker.Gate.Run(() =>
        {
            TopicEntity topic = Topic(topicName);
            SubscriptionDefinition definition = SubscriptionXml.Read(description, name, topic);
            if (!topic.TryAddSubscription(definition))
            {
                throw ManagementRequestException.Conflict($"The subscription '{topic.Name}/Subscriptions/{name}' already exists.");
            }

            Broker.After(log => BrokerLog.SubscriptionCreated(log, topic.Name, name));
            return new ManagementResponse(201, SubscriptionEntry(topic.Subscriptions[name], self));
        });
    }

    ManagementResponse DeleteSubscription(string topicName, string name) => Broker.Gate.Run(() =>
    {
        TopicEntity topic = Topic(topicName);
        if (!topic.TryRemoveSubscription(name))
        {
            throw NotFound(topic.Name, name);
        }

        Broker.After(log => BrokerLog.SubscriptionDeleted(log, topic.Name, name));
        return new ManagementResponse(200, null);
    });

    ManagementResponse ListRules(string topicName, string name, string query, string self) => Broker.Gate.Run(() =>
    {
        Subscription subscription = Subscription(Topic(topicName), name);
        IEnumerable<XElement> entries = Page(subscription.Rules, query)
            .Select(rule => RuleEntry(rule, subscription, $"{self}/{rule.Name}"));
        return Ok(AtomXml.Feed(self, "Rules", Broker.Now, entries));
    });

    ManagementResponse GetRule(string topicName, string name, string ruleName, string self) => Broker.Gate.Run(() =>
    {
        Subscription subscription = Subscription(Topic(topicName), name);
        SubscriptionRule rule = subscription.Rules.FirstOrDefault(r => r.Name.Equals(ruleName, StringComparison.OrdinalIgnoreCase))
            ?? throw RuleNotFound(topicName, name, ruleName);
        return Ok(RuleEntry(rule, subscription, self));
    });

    ManagementResponse PutRule(string topicName, string name, string ruleName, ManagementRequest request, string self)
    {
        CheckRuleName(ruleName);
        XElement description = AtomXml.Description(request.Body, "RuleDescription")
            ?? throw ManagementRequestException.BadRequest("The request body is not an Atom entry holding a RuleDescription.");
        SubscriptionRule read = RuleXml.Read(description, ruleName);
        return Broker.Gate.Run(() =>
        {
            Subscription subscription = Subscription(Topic(topicName), name);
            SubscriptionRule rule = read with { Name = ruleName, CreatedAt = Broker.Now };
            if (request.IfMatch)
            {
                return subscription.TryReplaceRule(rule)
                    ? Ok(RuleEntry(rule, subscription, self))
                    : throw RuleNotFound(topicName, name, ruleName);
            }

            if (!subscription.TryAddRule(rule))
            {
                throw ManagementRequestException.Conflict($"The rule '{ruleName}' of subscription '{topicName}/Subscriptions/{name}' already exists.");
            }

            return new ManagementResponse(201, RuleEntry(rule, subscription, self));
        });
    }

    ManagementResponse DeleteRule(string topicName, string name, string ruleName) => Broker.Gate.Run(() =>
        Subscription(Topic(topicName), name).TryRemoveRule(ruleName)
            ? new ManagementResponse(200, null)
            : throw RuleNotFound(topicName, name, ruleName));

    XElement SubscriptionEntry(Subscription subscription, string self) =>
        AtomXml.Entry(self, subscription.Name, subscription.CreatedAt, SubscriptionXml.Write(subscription, subscription.CreatedAt));

    static XElement RuleEntry(SubscriptionRule rule, Subscription subscription, string self)
    {
        DateTimeOffset createdAt = rule.CreatedAt ?? subscription.CreatedAt;
        return AtomXml.Entry(self, rule.Name, createdAt, RuleXml.Write(rule, createdAt));
    }

    TopicEntity Topic(string name) => entities.FindTopic(name)
        ?? throw ManagementRequestException.NotFound($"The messaging entity '{name}' could not be found: the stand-in has no topic of that name.");

    static Subscription Subscription(TopicEntity topic, string name) =>
        topic.Subscriptions.TryGetValue(name, out Subscription? subscription) ? subscription : throw NotFound(topic.Name, name);

    static ManagementRequestException NotFound(string topic, string name) =>
        ManagementRequestException.NotFound($"The messaging entity '{topic}/Subscriptions/{name}' could not be found.");

    static ManagementRequestException RuleNotFound(string topic, string name, string rule) =>
        ManagementRequestException.NotFound($"The messaging entity '{topic}/Subscriptions/{name}/Rules/{rule}' could not be found.");

    /// <summary>Names as Service Bus allows them (the SDK checks too, so this guards raw HTTP callers).</summary>
    static void CheckName(string name, string kind)
    {
        if (name.Length is 0 or > 50 || name.StartsWith('$') || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw ManagementRequestException.BadRequest($"The {kind} name is not valid: use up to 50 letters, digits, '-', '_' or '.'.");
        }
    }

    /// <summary>Rule names are freer than entity names ("$Default" included); the SDK refuses '/', '\\', '?', '#' and '@' too.</summary>
    static void CheckRuleName(string name)
    {
        if (name.Length is 0 or > 50 || name.Any(c => c is '/' or '\\' or '?' or '#' or '@' || char.IsControl(c)))
        {
            throw ManagementRequestException.BadRequest("The rule name is not valid: use up to 50 characters, without '/', '\\', '?', '#' or '@'.");
        }
    }

    static IEnumerable<T> Page<T>(IEnumerable<T> items, string query)
    {
        var parsed = System.Web.HttpUtility.ParseQueryString(query);
        int skip = int.TryParse(parsed["$skip"], out int s) && s > 0 ? s : 0;
        int top = int.TryParse(parsed["$top"], out int t) && t > 0 ? Math.Min(t, PageSize) : PageSize;
        return items.Skip(skip).Take(top);
    }

    static ManagementResponse Ok(XElement body) => new(200, body);
}
